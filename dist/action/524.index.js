export const id = 524;
export const ids = [524];
export const modules = {

/***/ 2524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   closePullRequest: () => (/* binding */ closePullRequest),
/* harmony export */   getDefaultBranch: () => (/* binding */ getDefaultBranch),
/* harmony export */   openOrUpdatePullRequest: () => (/* binding */ openOrUpdatePullRequest)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3660);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(651);



const PULLS_WRITE = 'pull-requests: write';
/** The repository's default branch, e.g. `main`. */
async function getDefaultBranch(client, repo) {
    const { data } = await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .callGitHub */ .ur)(`read the repository ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .repoName */ .Q)(repo)}`, 'contents: read', () => client.rest.repos.get({ ...repo }));
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
