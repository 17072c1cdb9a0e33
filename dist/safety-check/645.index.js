export const id = 645;
export const ids = [645];
export const modules = {

/***/ 3660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OS: () => (/* binding */ GitHubApiError),
/* harmony export */   cU: () => (/* binding */ explainApiError),
/* harmony export */   eK: () => (/* binding */ isRequestError),
/* harmony export */   hg: () => (/* binding */ githubMessage),
/* harmony export */   ur: () => (/* binding */ callGitHub)
/* harmony export */ });
/** A GitHub API call that failed, explained so the person running the workflow can act on it. */
class GitHubApiError extends Error {
    status;
    githubMessage;
    constructor(message, 
    /** HTTP status GitHub answered (0 when GitHub could not be reached). */
    status, 
    /** GitHub's own message from the response body, e.g. "Not Found". */
    githubMessage) {
        super(message);
        this.status = status;
        this.githubMessage = githubMessage;
        this.name = 'GitHubApiError';
    }
}
/** True for errors thrown by Octokit for an HTTP request. */
function isRequestError(error) {
    return error instanceof Error && typeof error.status === 'number';
}
/** GitHub's message plus the messages of its `errors` array ("Validation Failed: ..."). */
function githubMessage(error) {
    const data = error.response?.data;
    if (!data || typeof data.message !== 'string')
        return error.message;
    const details = Array.isArray(data.errors)
        ? data.errors.map(e => (typeof e === 'string' ? e : e.message)).filter(Boolean)
        : [];
    return details.length > 0 ? `${data.message}: ${details.join('; ')}` : data.message;
}
const ACTIONS_MAY_NOT_CREATE_PRS = /GitHub Actions is not permitted to create or approve pull requests/i;
// Used only when the caller does not name the permission.
const PERMISSION_BY_ACTION = [
    [/pull request|reviewer/i, 'pull-requests: write'],
    [/label|comment/i, 'issues: write'],
    [/(create|set|report).*status/i, 'statuses: write'],
    [/status/i, 'statuses: read'],
    [/push|branch|commit|write|update/i, 'contents: write']
];
/**
 * Turns an error from an API call into one that says what failed and what to do: the token for
 * 401, the workflow permission for 403/404, the repository setting when Actions may not open pull
 * requests. The token never appears in the message. Errors that are not HTTP errors are returned
 * unchanged.
 *
 * @param attempted what was being done, e.g. "create the pull request for rollback/abc"
 * @param permission the `permissions:` entry the call needs, e.g. "pull-requests: write"
 */
function explainApiError(error, attempted, permission) {
    if (error instanceof GitHubApiError)
        return error;
    if (!isRequestError(error))
        return error instanceof Error ? error : new Error(String(error));
    const said = githubMessage(error);
    const needs = permission ?? inferPermission(attempted);
    const reason = describe(error, said, needs);
    return new GitHubApiError(`Could not ${attempted}: ${reason}`, error.status, said);
}
function describe(error, said, permission) {
    const { status } = error;
    if (!error.response) {
        const where = origin(error.request?.url);
        return `GitHub could not be reached at ${where} (${error.message}). Check the API URL and the network.`;
    }
    if (status === 401) {
        return `GitHub rejected the token (401 ${said}). Check that the token is set, has not expired and was not revoked.`;
    }
    if (status === 403 && ACTIONS_MAY_NOT_CREATE_PRS.test(said)) {
        return (`${said} Enable "Allow GitHub Actions to create and approve pull requests" in the repository's ` +
            'Settings → Actions → General → Workflow permissions (an organization can disable it for all ' +
            'its repositories), or use a GitHub App or personal access token instead of GITHUB_TOKEN.');
    }
    if ((status === 403 || status === 429) && isRateLimited(error, said)) {
        return `GitHub's rate limit is exhausted (${status} ${said}). Wait a few minutes and run again.`;
    }
    if (status === 403) {
        return (`the token is not allowed to do this (403 ${said}). Grant the workflow job ` +
            `\`permissions: ${permission}\`, or use a token that has it.`);
    }
    if (status === 404) {
        return (`GitHub answered 404 ${said}. Either it does not exist, or the token cannot see it: GitHub ` +
            `answers 404 when a permission is missing, so check that the job has \`permissions: ${permission}\` ` +
            'and that the token can access the repository.');
    }
    if (status === 422)
        return `GitHub rejected the request (422 ${said}).`;
    if (status >= 500)
        return `GitHub answered ${status} (${said}) even after retrying. Run again later.`;
    return `GitHub answered ${status} (${said}).`;
}
function isRateLimited(error, said) {
    return String(error.response?.headers?.['x-ratelimit-remaining']) === '0' || /rate limit/i.test(said);
}
function inferPermission(attempted) {
    return PERMISSION_BY_ACTION.find(([pattern]) => pattern.test(attempted))?.[1] ?? 'contents: read';
}
function origin(url) {
    if (!url)
        return 'the configured API URL';
    try {
        return new URL(url).origin;
    }
    catch {
        return 'the configured API URL';
    }
}
/** Runs one API call and rethrows its failure as an explained error (see explainApiError). */
async function callGitHub(attempted, permission, call) {
    try {
        return await call();
    }
    catch (error) {
        throw explainApiError(error, attempted, permission);
    }
}


/***/ }),

/***/ 6645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   updateStickyComment: () => (/* binding */ updateStickyComment),
/* harmony export */   upsertStickyComment: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* unused harmony exports markerTag, postComment */
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
    const { data } = await callGitHub(`comment on #${issueNumber} in ${repoName(repo)}`, COMMENTS_WRITE, () => client.rest.issues.createComment({ ...repo, issue_number: issueNumber, body }));
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
