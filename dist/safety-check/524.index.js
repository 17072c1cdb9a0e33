export const id = 524;
export const ids = [524];
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

/***/ 2524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   closePullRequest: () => (/* binding */ closePullRequest),
/* harmony export */   openOrUpdatePullRequest: () => (/* binding */ openOrUpdatePullRequest)
/* harmony export */ });
/* unused harmony export getDefaultBranch */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3660);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(651);



const PULLS_WRITE = 'pull-requests: write';
/** The repository's default branch, e.g. `main`. */
async function getDefaultBranch(client, repo) {
    const { data } = await callGitHub(`read the repository ${repoName(repo)}`, 'contents: read', () => client.rest.repos.get({ ...repo }));
    return data.default_branch;
}
/**
 * Opens a pull request from `head` into `base`, or updates the title and body of the one already
 * open. Labels are (re)applied either way; reviewers are requested only for a new pull request so
 * re-runs do not ping them again. Failing to label or request reviewers is a warning: the pull
 * request exists.
 */
async function openOrUpdatePullRequest(client, spec) {
    const existing = await findOpenPullRequest(client, spec);
    if (existing)
        return updatePullRequest(client, spec, existing);
    const created = await createPullRequest(client, spec);
    if (!created) {
        // Another run opened it between our lookup and our create.
        const raced = await findOpenPullRequest(client, spec);
        if (!raced) {
            throw new Error(`GitHub says a pull request from '${spec.head}' already exists in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .repoName */ .Q)(spec.repo)}, ` +
                `but none is open into '${spec.base}'. Close or retarget it and run again.`);
        }
        return updatePullRequest(client, spec, raced);
    }
    await addLabels(client, spec, created.number);
    await addAssignees(client, spec, created.number);
    await requestReviewers(client, spec, created.number);
    return { number: created.number, url: created.html_url, operation: 'created' };
}
/**
 * Closes the open pull request from `head` into `base` in `repo`, after commenting `comment` on
 * it. Resolves to it, or to undefined when none is open.
 */
async function closePullRequest(client, spec) {
    const open = await findOpenPullRequest(client, spec);
    if (!open)
        return undefined;
    const where = `pull request #${open.number} in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .repoName */ .Q)(spec.repo)}`;
    await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .callGitHub */ .ur)(`comment on ${where}`, PULLS_WRITE, () => client.rest.issues.createComment({ ...spec.repo, issue_number: open.number, body: spec.comment }));
    await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .callGitHub */ .ur)(`close ${where}`, PULLS_WRITE, () => client.rest.pulls.update({ ...spec.repo, pull_number: open.number, state: 'closed' }));
    return { number: open.number, url: open.html_url };
}
async function findOpenPullRequest(client, spec) {
    const attempted = `look up open pull requests from '${spec.head}' in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .repoName */ .Q)(spec.repo)}`;
    const head = `${spec.repo.owner}:${spec.head}`;
    const { data } = await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .callGitHub */ .ur)(attempted, 'pull-requests: read', () => client.rest.pulls.list({ ...spec.repo, head, base: spec.base, state: 'open' }));
    return data[0];
}
/** Creates the pull request; undefined when GitHub says one already exists for the branch. */
async function createPullRequest(client, spec) {
    try {
        const { data } = await client.rest.pulls.create({
            ...spec.repo,
            head: spec.head,
            base: spec.base,
            title: spec.title,
            body: spec.body,
            draft: spec.draft ?? false
        });
        return data;
    }
    catch (error) {
        if (isDuplicatePullRequest(error))
            return undefined;
        const attempted = `create a pull request from '${spec.head}' into '${spec.base}' in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .repoName */ .Q)(spec.repo)}`;
        throw (0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .explainApiError */ .cU)(error, attempted, PULLS_WRITE);
    }
}
function isDuplicatePullRequest(error) {
    return (0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .isRequestError */ .eK)(error) && error.status === 422 && /pull request already exists/i.test((0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .githubMessage */ .hg)(error));
}
async function updatePullRequest(client, spec, pull) {
    await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .callGitHub */ .ur)(`update pull request #${pull.number} in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .repoName */ .Q)(spec.repo)}`, PULLS_WRITE, () => client.rest.pulls.update({ ...spec.repo, pull_number: pull.number, title: spec.title, body: spec.body }));
    await addLabels(client, spec, pull.number);
    await addAssignees(client, spec, pull.number);
    return { number: pull.number, url: pull.html_url, operation: 'updated' };
}
/**
 * Assigns `spec.assignees`. GitHub leaves out, without an error, users who cannot be assigned
 * (not collaborators): they are named in a warning.
 */
async function addAssignees(client, spec, number) {
    const assignees = spec.assignees ?? [];
    if (assignees.length === 0)
        return;
    let assigned;
    await followUp(client, `assign ${assignees.join(', ')} to pull request #${number}`, 'issues: write', async () => {
        const { data } = await client.rest.issues.addAssignees({ ...spec.repo, issue_number: number, assignees });
        assigned = (data.assignees ?? []).map(a => a.login.toLowerCase());
    });
    const left = assigned && assignees.filter(a => !assigned.includes(a.toLowerCase()));
    if (left?.length) {
        client.log.warn(`GitHub did not assign ${left.join(', ')} to pull request #${number}: only users with access to the repository can be assigned. The pull request itself was opened.`);
    }
}
async function addLabels(client, spec, number) {
    const labels = spec.labels ?? [];
    if (labels.length === 0)
        return;
    await followUp(client, `add labels ${labels.join(', ')} to pull request #${number}`, 'issues: write', () => client.rest.issues.addLabels({ ...spec.repo, issue_number: number, labels }));
}
async function requestReviewers(client, spec, number) {
    const reviewers = spec.reviewers ?? [];
    const teamReviewers = spec.teamReviewers ?? [];
    if (reviewers.length === 0 && teamReviewers.length === 0)
        return;
    const who = [...reviewers, ...teamReviewers.map(team => `team ${team}`)].join(', ');
    await followUp(client, `request reviews from ${who} on pull request #${number}`, PULLS_WRITE, () => client.rest.pulls.requestReviewers({ ...spec.repo, pull_number: number, reviewers, team_reviewers: teamReviewers }));
}
/**
 * Runs a call that decorates a pull request. GitHub sometimes answers 422 for a pull request it
 * created a moment ago, so 422s are repeated; a final failure is logged as a warning.
 */
async function followUp(client, attempted, permission, call) {
    const { retries, retryDelayMs } = client.retryPolicy;
    for (let attempt = 0;; attempt++) {
        try {
            await call();
            return;
        }
        catch (error) {
            if (attempt < retries && mayBeTransient(error)) {
                await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(retryDelayMs * (attempt + 1));
                continue;
            }
            client.log.warn(`${(0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .explainApiError */ .cU)(error, attempted, permission).message} The pull request itself was opened.`);
            return;
        }
    }
}
function mayBeTransient(error) {
    // A reviewer who is not a collaborator stays one; asking again cannot help.
    if (!(0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .isRequestError */ .eK)(error) || error.status !== 422)
        return false;
    if (/only be requested from collaborators/i.test((0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .githubMessage */ .hg)(error)))
        return false;
    // A field GitHub names as invalid (a label name too long) stays invalid: a permanent 422.
    const errors = error.response?.data?.errors;
    return !(Array.isArray(errors) && errors.some(e => ['invalid', 'missing_field'].includes(e?.code)));
}


/***/ })

};
