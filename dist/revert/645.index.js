export const id = 645;
export const ids = [645];
export const modules = {

/***/ 6645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   postComment: () => (/* binding */ postComment),
/* harmony export */   upsertStickyComment: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* unused harmony exports updateStickyComment, markerTag */
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3660);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(651);


const COMMENTS_WRITE = 'pull-requests: write (or issues: write)';
/**
 * Keeps one comment per `marker` on an issue or pull request: the comment holding the hidden
 * `<!-- marker -->` is edited in place, or created when there is none, so re-runs never stack
 * comments. The marker is prepended to `body` when `body` does not already contain it.
 */
async function upsertStickyComment(client, repo, issueNumber, marker, body) {
    const tag = markerTag(marker);
    const existing = await findCommentId(client, repo, issueNumber, tag);
    return writeComment(client, repo, issueNumber, tag, body, existing);
}
async function writeComment(client, repo, issueNumber, tag, body, existing) {
    const text = body.includes(tag) ? body : `${tag}\n${body}`;
    const where = `#${issueNumber} in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_1__/* .repoName */ .Q)(repo)}`;
    if (existing !== undefined) {
        await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .callGitHub */ .ur)(`update comment ${existing} on ${where}`, COMMENTS_WRITE, () => client.rest.issues.updateComment({ ...repo, comment_id: existing, body: text }));
        return { id: existing, operation: 'updated' };
    }
    const { data } = await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .callGitHub */ .ur)(`comment on ${where}`, COMMENTS_WRITE, () => client.rest.issues.createComment({ ...repo, issue_number: issueNumber, body: text }));
    return { id: data.id, operation: 'created' };
}
/**
 * Edits the sticky comment for `marker` when one exists and creates none otherwise: an all-clear
 * is worth posting only where an earlier warning has to be taken back.
 */
async function updateStickyComment(client, repo, issueNumber, marker, body) {
    const tag = markerTag(marker);
    const existing = await findCommentId(client, repo, issueNumber, tag);
    return existing === undefined ? undefined : writeComment(client, repo, issueNumber, tag, body, existing);
}
/** The hidden HTML comment that identifies a sticky comment. */
function markerTag(marker) {
    // "--" or ">" would end the HTML comment early and show the rest in the rendered comment.
    if (!marker.trim() || /--|>/.test(marker)) {
        throw new Error(`Invalid comment marker '${marker}'. Use letters, digits and single dashes, e.g. gitops-rollback-safety.`);
    }
    return `<!-- ${marker.trim()} -->`;
}
/**
 * The sticky comment: it carries the marker AND was written by this token's identity, so a
 * comment anyone else wrote with the marker in it is never edited or taken for ours. The
 * identity is the token's login (GET /user) for a personal or OAuth token; GITHUB_TOKEN and App
 * installation tokens cannot read /user, and then the comment must be a bot's (type `Bot`, such
 * as github-actions[bot]): people cannot post as a bot.
 */
async function findCommentId(client, repo, issueNumber, tag) {
    const login = await tokenLogin(client);
    const ours = (user) => Boolean(user) && (login !== undefined ? user.login === login : user.type === 'Bot');
    const attempted = `list comments on #${issueNumber} in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_1__/* .repoName */ .Q)(repo)}`;
    return (0,_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .callGitHub */ .ur)(attempted, 'pull-requests: read (or issues: read)', async () => {
        const params = { ...repo, issue_number: issueNumber, per_page: 100 };
        const pages = client.paginate.iterator(client.rest.issues.listComments, params);
        for await (const { data } of pages) {
            const found = data.find(comment => comment.body?.includes(tag) && ours(comment.user));
            if (found)
                return found.id;
        }
        return undefined;
    });
}
/** Posts a new comment on an issue or pull request and returns its web address. */
async function postComment(client, repo, issueNumber, body) {
    const { data } = await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .callGitHub */ .ur)(`comment on #${issueNumber} in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_1__/* .repoName */ .Q)(repo)}`, COMMENTS_WRITE, () => client.rest.issues.createComment({ ...repo, issue_number: issueNumber, body }));
    return data.html_url;
}
/** The token's own login, or undefined when the token cannot read it (GITHUB_TOKEN, App tokens). */
async function tokenLogin(client) {
    try {
        return (await client.rest.users.getAuthenticated()).data.login;
    }
    catch {
        return undefined;
    }
}


/***/ })

};
