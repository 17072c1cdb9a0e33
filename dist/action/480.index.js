export const id = 480;
export const ids = [480];
export const modules = {

/***/ 480:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getMergeBase: () => (/* binding */ getMergeBase)
/* harmony export */ });
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3660);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(651);


/** The merge base of `base` and `head`: what a pull request's changes are measured from. */
async function getMergeBase(client, repo, base, head) {
    const { data } = await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .callGitHub */ .ur)(`compare ${base}...${head} in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_1__/* .repoName */ .Q)(repo)}`, 'contents: read', () => client.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: 1 }));
    return data.merge_base_commit.sha;
}


/***/ })

};
