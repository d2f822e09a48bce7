export const id = 977;
export const ids = [977];
export const modules = {

/***/ 8309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _u: () => (/* binding */ COMMIT_ANNOTATION),
/* harmony export */   cy: () => (/* binding */ stampDeployTime),
/* harmony export */   kd: () => (/* binding */ traceAnnotations)
/* harmony export */ });
/* unused harmony exports BRANCH_ANNOTATION, RUN_URL_ANNOTATION, DEPLOYED_AT_ANNOTATION, deployTime */
const COMMIT_ANNOTATION = 'staging-action/commit';
const BRANCH_ANNOTATION = 'staging-action/branch';
const RUN_URL_ANNOTATION = 'staging-action/run-url';
const DEPLOYED_AT_ANNOTATION = 'staging-action/deployed-at';
/** The trace annotations, without the deploy time (see stampDeployTime); unknown ones left out. */
function traceAnnotations(trace) {
    return {
        ...(trace.commit === null ? {} : { [COMMIT_ANNOTATION]: trace.commit }),
        [BRANCH_ANNOTATION]: trace.branch,
        ...(trace.runUrl === null ? {} : { [RUN_URL_ANNOTATION]: trace.runUrl })
    };
}
/**
 * When this CronJob's commit was deployed: the live object's time when it already runs the same
 * commit, else `now`. A fresh time on every apply would make re-running a deploy (a re-run
 * workflow, a second push of the same commit) change every object: the API server would no longer
 * treat the apply as a no-op, and status and sweep, which date a staged version by its last
 * change, would call a version re-run yesterday new. Kept, a redeploy of the same commit leaves
 * the objects as they were; a new commit always gets a new time.
 */
function deployTime(live, commit, now) {
    const previous = live?.annotations?.[DEPLOYED_AT_ANNOTATION];
    const sameCommit = commit !== null && live?.annotations?.[COMMIT_ANNOTATION] === commit;
    if (sameCommit && previous !== undefined && !Number.isNaN(Date.parse(previous)))
        return previous;
    return now.toISOString();
}
/** The staged CronJobs with their deploy time annotated (see deployTime), live ones by name. */
function stampDeployTime(staged, live, commit, now) {
    return staged.map(s => {
        const current = live.find(c => c.metadata?.name === s.name)?.metadata;
        const manifest = structuredClone(s.manifest);
        manifest.metadata = {
            ...manifest.metadata,
            annotations: {
                ...manifest.metadata?.annotations,
                [DEPLOYED_AT_ANNOTATION]: deployTime(current, commit, now)
            }
        };
        return { ...s, manifest };
    });
}


/***/ }),

/***/ 8517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  statusMode: () => (/* binding */ statusMode)
});

// EXTERNAL MODULE: ./src/io/github.ts
var github = __webpack_require__(6557);
// EXTERNAL MODULE: ./src/io/git.ts + 6 modules
var git = __webpack_require__(8005);
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
