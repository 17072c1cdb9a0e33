export const id = 491;
export const ids = [491];
export const modules = {

/***/ 8491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   reactToComment: () => (/* binding */ reactToComment)
/* harmony export */ });
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3660);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(651);


/**
 * Reacts to an issue or pull-request comment. GitHub answers 200 instead of 201 when the token's
 * user already left that reaction, so a re-run adds nothing.
 */
async function reactToComment(client, repo, commentId, content) {
    await (0,_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .callGitHub */ .ur)(`react with ${content} to comment ${commentId} in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_1__/* .repoName */ .Q)(repo)}`, 'pull-requests: write (or issues: write)', () => client.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content }));
}


/***/ })

};
