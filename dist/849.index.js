export const id = 849;
export const ids = [849];
export const modules = {

/***/ 1849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dispatchAll: () => (/* binding */ dispatchAll)
/* harmony export */ });
/* unused harmony exports SHA_INPUTS, isWorkflowFile, shaInput */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5625);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
// dispatch-workflows: after a push, each workflow started with `workflow_dispatch` on staging
// (a push made with GITHUB_TOKEN starts none). Failures are reported, not fatal.



/** `workflow_dispatch` inputs that receive the staging SHA, the first one a workflow declares. */
const SHA_INPUTS = ['staging-sha', 'staging_sha', 'sha'];
async function dispatchAll(entries, result, deps) {
    const outcomes = [];
    // Listed once, and only when a workflow is given by name.
    let listed = null;
    for (const entry of entries) {
        let target;
        try {
            if (isWorkflowFile(entry)) {
                target = { id: entry, path: `.github/workflows/${entry}`, label: entry };
            }
            else {
                listed ??= deps.github.listWorkflows();
                target = byName(entry, await listed);
            }
        }
        catch (error) {
            outcomes.push(report({ workflow: entry, input: null, error: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error) }));
            continue;
        }
        const input = shaInput(await deps.git.tryShowFile(result.stagingSha, target.path));
        try {
            await deps.github.dispatchWorkflow(target.id, result.stagingBranch, input ? { [input]: result.stagingSha } : {});
            outcomes.push(report({ workflow: target.label, input, error: null }));
        }
        catch (error) {
            outcomes.push(report({ workflow: target.label, input, error: explain(error, deps.github.slug) }));
        }
    }
    return outcomes;
}
function report(outcome) {
    if (outcome.error === null) {
        const withSha = outcome.input ? ` with ${outcome.input}` : '';
        _log_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.info(`Dispatched ${outcome.workflow} on staging${withSha}`);
    }
    else {
        _log_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.warning(`Staging was pushed, but workflow ${outcome.workflow} was not dispatched: ${outcome.error}`);
    }
    return outcome;
}
function isWorkflowFile(entry) {
    return /\.ya?ml$/.test(entry);
}
function byName(name, workflows) {
    const matches = workflows.filter(w => w.name === name);
    if (matches.length === 1) {
        const [w] = matches;
        return { id: w.id, path: w.path, label: `${name} (${w.path.split('/').pop() ?? w.path})` };
    }
    if (matches.length > 1) {
        throw new Error(`several workflows are named '${name}' (${matches.map(w => w.path).join(', ')}): give the file name instead`);
    }
    const known = workflows.map(w => `'${w.name}'`).join(', ') || 'none';
    throw new Error(`no workflow is named '${name}' (the repository's workflows: ${known})`);
}
/**
 * The first of SHA_INPUTS the workflow file declares under `on.workflow_dispatch.inputs`, read
 * from the pushed staging commit (the file GitHub runs). null without one, or without the file:
 * then GitHub's answer to the dispatch says what is wrong.
 */
function shaInput(workflowYaml) {
    if (workflowYaml === null)
        return null;
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(workflowYaml);
    }
    catch {
        return null;
    }
    const on = record(doc)?.on;
    const inputs = record(record(record(on)?.workflow_dispatch)?.inputs);
    if (!inputs)
        return null;
    return SHA_INPUTS.find(name => Object.hasOwn(inputs, name)) ?? null;
}
function record(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : null;
}
/** GitHub's answer, with what to change where GitHub's words leave it open. */
function explain(error, slug) {
    const message = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error);
    const status = error.status;
    if (status === 404)
        return `${message} (no such workflow in ${slug})`;
    if (status === 403 && /not accessible by integration/i.test(message)) {
        return `${message} (give the job 'permissions: actions: write')`;
    }
    return message;
}


/***/ })

};
