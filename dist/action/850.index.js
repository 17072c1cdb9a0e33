export const id = 850;
export const ids = [850];
export const modules = {

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


/***/ })

};
