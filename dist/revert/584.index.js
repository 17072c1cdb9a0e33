export const id = 584;
export const ids = [584];
export const modules = {

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
