export const id = 584;
export const ids = [584];
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

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubApiError: () => (/* reexport safe */ _api_error_js__WEBPACK_IMPORTED_MODULE_1__.OS),
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient),
/* harmony export */   explainApiError: () => (/* reexport safe */ _api_error_js__WEBPACK_IMPORTED_MODULE_1__.cU),
/* harmony export */   parseRepository: () => (/* reexport safe */ _repository_js__WEBPACK_IMPORTED_MODULE_2__.S),
/* harmony export */   repoName: () => (/* reexport safe */ _repository_js__WEBPACK_IMPORTED_MODULE_2__.Q)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6856);
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3660);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(651);





const MAX_RATE_LIMIT_WAIT_SECONDS = 120;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const DEFAULT_BUDGET_MS = 60_000;
const silentLog = { info: () => { }, warning: () => { } };
/** Creates the GitHub client with retry and throttling configured from `options`. */
function createGitHubClient(options) {
    if (!options.token)
        throw new Error('A GitHub token is required. Pass the token input or set GITHUB_TOKEN.');
    const log = options.log ?? silentLog;
    const retryPolicy = {
        retries: options.retries ?? 3,
        retryDelayMs: options.retryDelayMs ?? 1000
    };
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, {
        baseUrl: trimSlash(options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com'),
        log: { debug: () => { }, info: log.info, warn: log.warning, error: log.warning },
        retry: { retries: retryPolicy.retries, retryAfterBaseValue: retryPolicy.retryDelayMs },
        throttle: throttleOptions(retryPolicy, log, options.paceWrites ?? true),
        request: { fetch: boundedFetch(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, options.budgetMs ?? DEFAULT_BUDGET_MS) }
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_4__/* .throttling */ .A);
    return Object.assign(octokit, { retryPolicy });
}
function throttleOptions(policy, log, enabled) {
    if (!enabled)
        return { enabled: false };
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        // A primary limit can reset an hour away; failing with a clear message beats a silent hang.
        const willRetry = retryCount < policy.retries && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
        log.warning(`GitHub ${kind} hit for ${request.method} ${request.url}` + (willRetry ? `; retrying after ${retryAfter} s.` : '; giving up.'));
        return willRetry;
    };
    return {
        // The plugin multiplies GitHub's retry-after seconds by this; scaling it keeps tests fast.
        retryAfterBaseValue: policy.retryDelayMs,
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit')
    };
}
/**
 * `fetch` with a timeout per request and a budget for the time spent waiting on answers in all.
 * A request that times out fails like an unreachable server (and is retried); once the budget is
 * spent, requests fail at once with an error the retry plugin does not repeat.
 */
function boundedFetch(timeoutMs, budgetMs) {
    // Time during which at least one request waited: parallel requests count once.
    let spentMs = 0;
    let inFlight = 0;
    let since = 0;
    const spent = () => spentMs + (inFlight > 0 ? performance.now() - since : 0);
    const seconds = (ms) => `${Number((ms / 1000).toFixed(1))} s`;
    return async (input, init) => {
        const what = `${init?.method ?? 'GET'} ${new URL(String(input instanceof Request ? input.url : input)).pathname}`;
        const left = budgetMs - spent();
        if (left <= 0) {
            const error = new Error(`gave up on ${what}: waited ${seconds(spent())} in all for GitHub's answers, the limit for one run`);
            error.name = 'AbortError'; // not retried
            throw error;
        }
        const limit = Math.max(1, Math.ceil(Math.min(timeoutMs, left)));
        const timer = AbortSignal.timeout(limit);
        const signal = init?.signal ? AbortSignal.any([init.signal, timer]) : timer;
        if (inFlight++ === 0)
            since = performance.now();
        try {
            return await fetch(input, { ...init, signal });
        }
        catch (error) {
            if (!timer.aborted)
                throw error;
            throw new Error(`no answer to ${what} within ${seconds(limit)}`, { cause: error });
        }
        finally {
            if (--inFlight === 0)
                spentMs += performance.now() - since;
        }
    };
}
function trimSlash(url) {
    return url.replace(/\/+$/, '');
}


/***/ })

};
