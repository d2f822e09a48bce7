export const id = 540;
export const ids = [540];
export const modules = {

/***/ 4540:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kubeconfigSecrets: () => (/* binding */ kubeconfigSecrets)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
// What of a kubeconfig must be masked in the job log: its credentials. Masking every line (as
// before) turned `apiVersion: v1`, `kind: Config` and `namespace: default` into `***` wherever
// they appeared for the rest of the job. Kept apart from the client so rebuild's mode table
// entry does not load client-node.

// Credential fields of kubeconfig users and auth providers: token, id-token, refresh-token,
// access-token, client-secret, password, client-key-data, client-certificate-data,
// certificate-authority-data, and files' contents in any extension that names them so.
const SECRET_KEY = /token|secret|password|passwd|key|cert|credential/i;
function collect(node, key, out) {
    if (typeof node === 'string') {
        if (key !== null && SECRET_KEY.test(key) && node.trim() !== '')
            out.add(node.trim());
        return;
    }
    if (Array.isArray(node)) {
        for (const item of node)
            collect(item, key, out);
        return;
    }
    if (typeof node !== 'object' || node === null)
        return;
    const entries = Object.entries(node);
    // An exec plugin's `env: [{ name, value }]` carries credentials under any name.
    const isEnvEntry = key === 'env' && 'name' in node && 'value' in node;
    for (const [k, v] of entries)
        collect(v, isEnvEntry && k === 'value' ? 'credential' : k, out);
}
/** The values to mask for a kubeconfig; every line when it cannot be read as YAML. */
function kubeconfigSecrets(content) {
    if (content === null || content.trim() === '')
        return [];
    let parsed;
    try {
        parsed = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(content);
    }
    catch {
        parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null) {
        return content
            .split('\n')
            .map(l => l.trim())
            .filter(l => l !== '');
    }
    const out = new Set();
    collect(parsed, null, out);
    return [...out];
}


/***/ })

};
