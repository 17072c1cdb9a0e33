export const id = 932;
export const ids = [932];
export const modules = {

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
