export const id = 517;
export const ids = [517];
export const modules = {

/***/ 8517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  statusMode: () => (/* binding */ statusMode)
});

// EXTERNAL MODULE: ./src/io/github.ts + 1 modules
var github = __webpack_require__(7788);
// EXTERNAL MODULE: ./src/io/git.ts
var git = __webpack_require__(7500);
// EXTERNAL MODULE: ./src/kube/client.ts + 3 modules
var client = __webpack_require__(9614);
// EXTERNAL MODULE: ./src/status/report.ts
var report = __webpack_require__(2814);
// EXTERNAL MODULE: ./src/status/inventory.ts + 2 modules
var status_inventory = __webpack_require__(3138);
;// CONCATENATED MODULE: ./src/status/run.ts
// The status run: read the staged versions; change nothing.

async function runStatus(settings, deps) {
    const inventory = await (0,status_inventory/* readInventory */.z)(settings, deps);
    return { ...inventory, now: new Date().toISOString() };
}

// EXTERNAL MODULE: ./src/status/settings.ts
var settings = __webpack_require__(8549);
;// CONCATENATED MODULE: ./src/status/mode.ts
// The status mode: list every staged version in the namespace; read-only.






const statusMode = {
    readSettings: settings/* readStatusSettings */.g,
    secrets: settings => [settings.githubToken, settings.kubeconfig],
    connect: settings => ({
        github: new github/* GitHub */.gq((0,github/* createOctokit */.Qi)(settings.githubToken, settings.apiUrl, settings.requestTimeoutMs), settings.repository),
        git: new git/* Git */.TU(settings.workspace, { requestTimeoutMs: settings.requestTimeoutMs }),
        cluster: () => (0,client.connectKubernetes)(settings.kubeconfig, settings.requestTimeoutMs)
    }),
    run: runStatus,
    report: report/* statusReport */.Xt
};


/***/ })

};
