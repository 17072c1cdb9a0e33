export const id = 264;
export const ids = [264];
export const modules = {

/***/ 2264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getPullRequestState: () => (/* binding */ getPullRequestState)
/* harmony export */ });
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4260);
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3660);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(651);



/** Reads pull request `number`; a UserError when GitHub answers 404. */
async function getPullRequestState(client, repo, number) {
    try {
        const { data } = await client.rest.pulls.get({ ...repo, pull_number: number });
        return {
            number,
            state: data.state === 'open' ? 'open' : 'closed',
            merged: data.merged === true || Boolean(data.merged_at),
            baseRef: data.base.ref,
            url: data.html_url
        };
    }
    catch (error) {
        if ((0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .isRequestError */ .eK)(error) && error.status === 404 && error.response)
            throw new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Pull request #${number} was not found in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .repoName */ .Q)(repo)} (GitHub also answers 404 when the token lacks \`permissions: pull-requests: read\`).`);
        throw (0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .explainApiError */ .cU)(error, `read pull request #${number} in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .repoName */ .Q)(repo)}`, 'pull-requests: read');
    }
}


/***/ })

};
