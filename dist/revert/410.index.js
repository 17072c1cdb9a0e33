export const id = 410;
export const ids = [410];
export const modules = {

/***/ 8410:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   canWrite: () => (/* binding */ canWrite),
/* harmony export */   getUserPermission: () => (/* binding */ getUserPermission)
/* harmony export */ });
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3660);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(651);


/** The base roles that may push: a custom role built on write reports `write` here. */
const WRITE = new Set(['admin', 'write']);
/** True when the permission includes pushing to the repository (admin, maintain, write). */
function canWrite(permission) {
    return permission !== undefined && WRITE.has(permission.permission);
}
/**
 * The user's permission in the repository (`GET /repos/{owner}/{repo}/collaborators/{username}/permission`),
 * or undefined when GitHub answers 404: no such user, or one the token cannot see. A user who is
 * not a collaborator of a public repository gets `read`. The call needs push access: a read-only
 * token gets 403, which is an error.
 */
async function getUserPermission(client, repo, username) {
    try {
        const { data } = await client.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
        const roleName = typeof data.role_name === 'string' && data.role_name ? data.role_name : data.permission;
        return { permission: String(data.permission), roleName: String(roleName) };
    }
    catch (error) {
        if ((0,_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .isRequestError */ .eK)(error) && error.status === 404 && error.response)
            return undefined;
        throw (0,_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .explainApiError */ .cU)(error, `read the permission of '${username}' in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_1__/* .repoName */ .Q)(repo)}`, 'contents: write (push access)');
    }
}


/***/ })

};
