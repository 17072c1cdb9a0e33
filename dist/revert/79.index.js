export const id = 79;
export const ids = [79];
export const modules = {

/***/ 3079:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commentRolledBack: () => (/* binding */ commentRolledBack),
/* harmony export */   resolvePullRequests: () => (/* binding */ resolvePullRequests)
/* harmony export */ });
/* unused harmony exports resolvePullRequest, ROLLED_BACK_MARKER */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4260);
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3660);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(651);



/** GitHub lists at most this many commits of a pull request. */
const LISTED_COMMITS = 250;
const PULLS_READ = 'pull-requests: read';
/**
 * Resolves merged pull request `number` of `repo` to the commits it put on its base branch, the
 * way GitHub's own Revert button reads it:
 *
 * - `merge_commit_sha` with two parents whose second is the pull request's head: a merge commit,
 *   reverted with mainline 1;
 * - one parent, and the last commits of the base branch down from it carry the pull request's
 *   commits' messages and authors (name, email, date), one for one: a rebase merge, all of them;
 * - one parent, no such match, and no replay of the commit before its last right below it: a
 *   squash merge, that one commit;
 * - `merge_commit_sha` equal to the head: the branch was fast-forwarded, the pull request's commits.
 *
 * Anything else (an open or closed-unmerged pull request, one merged into another branch than
 * `targetBranch` when given, a merge commit of an unexpected shape, a rebase that only partly
 * matches, a merge commit among fast-forwarded commits) throws a UserError naming the number:
 * nothing is guessed. Whether the commits are on the target branch is the rollback engine's check.
 * API failures throw GitHubApiError, a missing pull request a UserError.
 */
async function resolvePullRequest(client, repo, number, targetBranch) {
    if (!Number.isSafeInteger(number) || number < 1)
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Invalid pull request number '${number}'. Expected a number such as 12.`);
    const pull = await getPull(client, repo, number);
    const shown = `Pull request #${number}`;
    if (pull.state === 'open')
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${shown} is open, not merged. Expected a merged pull request to roll back.`, 'refused');
    if (!pull.merged || !pull.merged_at) {
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${shown} was closed without being merged: nothing of it is on any branch to roll back.`, 'refused');
    }
    const baseRef = pull.base.ref;
    if (targetBranch !== undefined && baseRef !== targetBranch) {
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${shown} was merged into '${(0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(baseRef)}', not into the target branch '${(0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(targetBranch)}'. ` +
            `Expected target-branch '${(0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(baseRef)}' to roll it back there.`, 'refused');
    }
    const mergeSha = pull.merge_commit_sha ?? '';
    const head = pull.head.sha;
    if (!(0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .isFullSha */ .Wf)(mergeSha) || !(0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .isFullSha */ .Wf)(head)) {
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${shown} is merged but GitHub gives no merge commit for it. Expected a merge_commit_sha; revert its commits by sha instead.`, 'refused');
    }
    const found = { number, title: pull.title, url: pull.html_url, baseRef, mergedAt: pull.merged_at, mergeCommitSha: mergeSha };
    const unsure = (why) => new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Could not tell which commits ${shown.toLowerCase()} put on '${(0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(baseRef)}': ${why}. Revert its commits by sha instead.`, 'refused');
    if (mergeSha === head) {
        const listed = await listCommits(client, repo, number, pull.commits, unsure);
        const merge = listed.find(c => c.parents.length !== 1);
        if (merge)
            throw unsure(`it was fast-forwarded and its commit ${merge.sha} is a merge`);
        return { ...found, method: 'fast-forward', commits: listed.map(c => c.sha).reverse() };
    }
    const merged = await getCommit(client, repo, mergeSha);
    if (merged.parents.length === 2) {
        if (merged.parents[1] !== head)
            throw unsure(`its merge commit ${mergeSha} does not merge its head ${head}`);
        return { ...found, method: 'merge', commits: [mergeSha], mainline: 1 };
    }
    if (merged.parents.length !== 1)
        throw unsure(`its merge commit ${mergeSha} has ${merged.parents.length} parents`);
    const listed = await listCommits(client, repo, number, pull.commits, unsure);
    const last = listed.at(-1);
    if (!last || !sameChange(merged, last)) {
        // A squash commit sits on the base branch's history; a replay of the commit before the last
        // below it means a rebase whose last commit changed, and reverting one commit would be half of it.
        const before = listed.at(-2);
        if (before && sameChange(await getCommit(client, repo, merged.parents[0]), before)) {
            throw unsure(`its merge commit ${mergeSha} sits on a replay of its commit ${before.sha} but does not replay its last commit`);
        }
        return { ...found, method: 'squash', commits: [mergeSha] };
    }
    // The merge commit is the last of the pull request's commits, replayed: a rebase merge. Every
    // other commit must sit right below it, in order, or nothing is reverted.
    const rebased = [merged];
    for (let i = listed.length - 2; i >= 0; i--) {
        const below = rebased.at(-1);
        if (below.parents.length !== 1)
            throw unsure(`rebased commit ${below.sha} has ${below.parents.length} parents`);
        const commit = await getCommit(client, repo, below.parents[0]);
        if (commit.parents.length !== 1 || !sameChange(commit, listed[i])) {
            throw unsure(`its merge commit ${mergeSha} replays its last commit, but ${commit.sha} below it is not a replay of ${listed[i].sha}`);
        }
        rebased.push(commit);
    }
    return { ...found, method: 'rebase', commits: rebased.map(c => c.sha) };
}
/**
 * Resolves several pull requests (see resolvePullRequest), each once, newest merge first (then
 * higher number first); the engine orders their commits by position on the branch.
 */
async function resolvePullRequests(client, repo, numbers, targetBranch) {
    const resolved = [];
    for (const number of [...new Set(numbers)])
        resolved.push(await resolvePullRequest(client, repo, number, targetBranch));
    return resolved.sort((a, b) => Date.parse(b.mergedAt) - Date.parse(a.mergedAt) || b.number - a.number);
}
/** A rebase keeps message and author (name, email, date); the committer and the sha change. */
function sameChange(a, b) {
    return (a.message.trimEnd() === b.message.trimEnd() &&
        a.author.name === b.author.name &&
        a.author.email === b.author.email &&
        Date.parse(a.author.date) === Date.parse(b.author.date) &&
        !Number.isNaN(Date.parse(a.author.date)));
}
async function getPull(client, repo, number) {
    try {
        const { data } = await client.rest.pulls.get({ ...repo, pull_number: number });
        return data;
    }
    catch (error) {
        if ((0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .isRequestError */ .eK)(error) && error.status === 404 && error.response) {
            throw new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Pull request #${number} was not found in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .repoName */ .Q)(repo)}. Expected the number of a merged pull request of this repository ` +
                `(GitHub also answers 404 when the token lacks \`permissions: ${PULLS_READ}\`).`, 'invalid');
        }
        throw (0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .explainApiError */ .cU)(error, `read pull request #${number} in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .repoName */ .Q)(repo)}`, PULLS_READ);
    }
}
async function getCommit(client, repo, sha) {
    const { data } = await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .callGitHub */ .ur)(`read commit ${sha} in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .repoName */ .Q)(repo)}`, 'contents: read', () => client.rest.git.getCommit({ ...repo, commit_sha: sha }));
    const commit = {
        sha: data.sha,
        parents: data.parents.map(p => p.sha),
        message: data.message,
        author: { name: data.author.name, email: data.author.email, date: data.author.date }
    };
    assertShas(commit, sha);
    return commit;
}
/** The pull request's commits, oldest first, as GitHub lists them. */
async function listCommits(client, repo, number, count, unsure) {
    if (count > LISTED_COMMITS)
        throw unsure(`it has ${count} commits, more than the ${LISTED_COMMITS} GitHub lists`);
    const data = await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .callGitHub */ .ur)(`list the commits of pull request #${number} in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .repoName */ .Q)(repo)}`, PULLS_READ, () => client.paginate(client.rest.pulls.listCommits, { ...repo, pull_number: number, per_page: 100 }));
    const commits = data.map(c => {
        const commit = {
            sha: c.sha,
            parents: c.parents.map(p => p.sha),
            message: c.commit.message,
            author: { name: c.commit.author?.name ?? '', email: c.commit.author?.email ?? '', date: c.commit.author?.date ?? '' }
        };
        assertShas(commit);
        return commit;
    });
    if (commits.length === 0 || commits.length !== count)
        throw unsure(`GitHub listed ${commits.length} of its ${count} commits`);
    return commits;
}
/** Shas from the API become git arguments: they must be full object names. */
function assertShas(commit, expected) {
    const bad = [commit.sha, ...commit.parents].find(s => !(0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .isFullSha */ .Wf)(s)) ?? (expected && commit.sha !== expected ? commit.sha : undefined);
    if (bad !== undefined)
        throw new Error(`GitHub answered with an unexpected commit id '${(0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(String(bad), 80)}'.`);
}
/** The hidden marker of the comment a rollback leaves on the pull request it reverts; a re-run edits it. */
const ROLLED_BACK_MARKER = 'gitops-rollback-reverted';
/**
 * Tells each pull request in `numbers` that it was rolled back, with `body` (one comment per pull
 * request, edited by re-runs). Never throws: each failure comes back as a warning, because the
 * rollback it reports is already delivered.
 */
async function commentRolledBack(client, repo, numbers, body) {
    const { upsertStickyComment } = await __webpack_require__.e(/* import() */ 645).then(__webpack_require__.bind(__webpack_require__, 6645));
    const warnings = [];
    for (const number of numbers) {
        try {
            await upsertStickyComment(client, repo, number, ROLLED_BACK_MARKER, body);
        }
        catch (error) {
            const explained = (0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .explainApiError */ .cU)(error, `comment on pull request #${number} in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .repoName */ .Q)(repo)}`, 'pull-requests: write');
            warnings.push(`${explained.message} The rollback itself was delivered.`);
        }
    }
    return warnings;
}


/***/ })

};
