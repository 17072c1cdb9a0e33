export const id = 850;
export const ids = [850];
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

/***/ 8850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PULL_REQUEST_FILES_LIMIT: () => (/* binding */ PULL_REQUEST_FILES_LIMIT),
/* harmony export */   getFileContent: () => (/* binding */ getFileContent),
/* harmony export */   getPullRequest: () => (/* binding */ getPullRequest),
/* harmony export */   listPullRequestFiles: () => (/* binding */ listPullRequestFiles)
/* harmony export */ });
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3660);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(651);


/** GitHub lists at most this many files of a pull request. */
const PULL_REQUEST_FILES_LIMIT = 3000;
/** The files a pull request changes, all pages; `truncated` says when GitHub's cap hid some. */
async function listPullRequestFiles(client, repo, number) {
    const attempted = `list the files of pull request #${number} in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_1__/* .repoName */ .Q)(repo)}`;
    const data = await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .callGitHub */ .ur)(attempted, 'pull-requests: read', () => client.paginate(client.rest.pulls.listFiles, { ...repo, pull_number: number, per_page: 100 }));
    const files = data.map(({ filename, status, previous_filename, additions, deletions, patch }) => ({
        filename,
        status,
        ...(previous_filename !== undefined && { previous_filename }),
        additions,
        deletions,
        ...(patch !== undefined && { patch })
    }));
    return { files, truncated: files.length >= PULL_REQUEST_FILES_LIMIT };
}
/** Labels, branches and head/base commits of a pull request. */
async function getPullRequest(client, repo, number) {
    const { data } = await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .callGitHub */ .ur)(`read pull request #${number} in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_1__/* .repoName */ .Q)(repo)}`, 'pull-requests: read', () => client.rest.pulls.get({ ...repo, pull_number: number }));
    return {
        number: data.number,
        state: data.state,
        title: data.title,
        draft: data.draft ?? false,
        url: data.html_url,
        labels: data.labels.map(label => label.name),
        base: { ref: data.base.ref, sha: data.base.sha },
        head: { ref: data.head.ref, sha: data.head.sha }
    };
}
/**
 * The text of the file at `path` in commit/branch `ref`, or undefined when the file does not
 * exist there. A `ref` GitHub does not know is an error, not a missing file.
 */
async function getFileContent(client, repo, path, ref) {
    const attempted = `read '${path}' at '${ref}' in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_1__/* .repoName */ .Q)(repo)}`;
    let data;
    try {
        ({ data } = await client.rest.repos.getContent({ ...repo, path, ref }));
    }
    catch (error) {
        if (isMissingFile(error))
            return undefined;
        throw (0,_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .explainApiError */ .cU)(error, attempted, 'contents: read');
    }
    if (Array.isArray(data) || data.type !== 'file') {
        throw new Error(`Could not ${attempted}: it is a ${Array.isArray(data) ? 'directory' : data.type}, not a file.`);
    }
    // Above 1 MB the contents API leaves `content` empty; the raw media type still returns it.
    if (data.encoding === 'none' || (data.content === '' && data.size > 0)) {
        return getRawContent(client, { ...repo, path, ref }, attempted);
    }
    return Buffer.from(data.content ?? '', 'base64').toString('utf8');
}
// GitHub answers 404 both for a missing path and for an unknown ref; only the first is "no file".
function isMissingFile(error) {
    return (0,_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .isRequestError */ .eK)(error) && error.status === 404 && !/no commit found/i.test((0,_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .githubMessage */ .hg)(error));
}
async function getRawContent(client, file, attempted) {
    const { data } = await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .callGitHub */ .ur)(attempted, 'contents: read', () => client.rest.repos.getContent({ ...file, mediaType: { format: 'raw' } }));
    // Octokit hands back text or bytes depending on the content type GitHub labels it with.
    const raw = data;
    return raw instanceof ArrayBuffer ? Buffer.from(raw).toString('utf8') : String(raw);
}


/***/ }),

/***/ 651:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ repoName),
/* harmony export */   S: () => (/* binding */ parseRepository)
/* harmony export */ });
const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;
/** Parses `owner/name`; the error quotes the bad value and the expected form. */
function parseRepository(value) {
    const match = value.trim().match(REPOSITORY);
    if (!match || match[2] === '.' || match[2] === '..') {
        throw new Error(`Invalid repository '${value}'. Expected format {owner}/{repo}.`);
    }
    return { owner: match[1], repo: match[2] };
}
/** `owner/repo`, for messages. */
function repoName(repo) {
    return `${repo.owner}/${repo.repo}`;
}


/***/ })

};
