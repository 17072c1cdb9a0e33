export const id = 932;
export const ids = [932];
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

/***/ 8932:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gitDataApi: () => (/* binding */ gitDataApi)
/* harmony export */ });
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4260);
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3660);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(651);



// GitHub's Git Data API (blobs, trees, commits, refs). Commits made here without an author or a
// committer get the token's identity and GitHub's signature: with GITHUB_TOKEN or a GitHub App
// token they show as verified, and branches that require signed commits take them.
const CONTENTS_WRITE = 'contents: write';
/** GitHub's answer to a ref update that would drop commits (`force: false`). */
const NOT_FAST_FORWARD = /not a fast[- ]forward/i;
/**
 * GitHub's words when branch protection or a ruleset refuses a ref update: a pull request is
 * required, signatures or status checks are missing, the token may not push there.
 */
const PROTECTED = /protected branch|rule violation|GH006|GH013|through a pull request|verified signature|status check|not authorized to push|Reference update failed|approving review/i;
/** The rollback engine's {@link GitDataPort}, backed by `client`. */
function gitDataApi(client, repo) {
    const where = (0,_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .repoName */ .Q)(repo);
    return {
        async createBlob(content) {
            const { data } = await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .callGitHub */ .ur)(`write a blob of ${content.length} bytes to ${where}`, CONTENTS_WRITE, () => client.rest.git.createBlob({ ...repo, content: content.toString('base64'), encoding: 'base64' }));
            return sha(data.sha, 'blob');
        },
        async createTree(baseTree, entries) {
            const { data } = await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .callGitHub */ .ur)(`write a tree to ${where}`, CONTENTS_WRITE, () => client.rest.git.createTree({ ...repo, base_tree: baseTree, tree: entries.map(e => ({ ...e })) }));
            return sha(data.sha, 'tree');
        },
        async createCommit(commit) {
            // No author and no committer: GitHub then signs the commit as the token's identity.
            const { data } = await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .callGitHub */ .ur)(`write a commit to ${where}`, CONTENTS_WRITE, () => client.rest.git.createCommit({ ...repo, message: commit.message, tree: commit.tree, parents: commit.parents }));
            const reason = typeof data.verification?.reason === 'string' ? (0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(data.verification.reason, 60) : undefined;
            return { sha: sha(data.sha, 'commit'), tree: sha(data.tree?.sha, 'tree'), verified: data.verification?.verified === true, reason };
        },
        async branchSha(branch) {
            try {
                const { data } = await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
                // GitHub answers a prefix lookup with the refs that start with it (an array).
                if (Array.isArray(data) || data.ref !== `refs/heads/${branch}`)
                    return undefined;
                return sha(data.object.sha, 'commit');
            }
            catch (error) {
                if ((0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .isRequestError */ .eK)(error) && error.status === 404)
                    return undefined;
                throw (0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .explainApiError */ .cU)(error, `read the branch '${branch}' of ${where}`, 'contents: read');
            }
        },
        async updateBranch(branch, target, options = {}) {
            try {
                await client.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha: target, force: options.force ?? false });
                return { status: 'updated' };
            }
            catch (error) {
                return refused(error) ?? throwExplained(error, `move the branch '${branch}' of ${where} to ${target}`);
            }
        },
        async createBranch(branch, target) {
            try {
                await client.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: target });
                return { status: 'updated' };
            }
            catch (error) {
                if ((0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .isRequestError */ .eK)(error) && error.status === 422 && /already exists/i.test((0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .githubMessage */ .hg)(error)))
                    return { status: 'exists' };
                return refused(error) ?? throwExplained(error, `create the branch '${branch}' in ${where}`);
            }
        }
    };
}
/** A refused ref update GitHub explains: a branch that moved, or one that protection guards. */
function refused(error) {
    if (!(0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .isRequestError */ .eK)(error) || !error.response)
        return undefined;
    const said = (0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)((0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .githubMessage */ .hg)(error), 500);
    if (error.status === 422 && NOT_FAST_FORWARD.test(said))
        return { status: 'stale', detail: said };
    if ((error.status === 422 || error.status === 409 || error.status === 403) && PROTECTED.test(said)) {
        return { status: 'protected', detail: said };
    }
    return undefined;
}
function throwExplained(error, attempted) {
    throw (0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .explainApiError */ .cU)(error, attempted, CONTENTS_WRITE);
}
/** A sha from GitHub's answer, checked: anything else is refused rather than used. */
function sha(value, what) {
    if (typeof value === 'string' && _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .FULL_SHA */ .RG.test(value))
        return value;
    throw new Error(`GitHub answered with an invalid ${what} sha '${(0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(String(value), 60)}'. Expected 40 hexadecimal digits.`);
}


/***/ })

};
