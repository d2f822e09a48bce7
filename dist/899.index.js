export const id = 899;
export const ids = [899,540];
export const modules = {

/***/ 1899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanupMode: () => (/* binding */ cleanupMode)
});

// EXTERNAL MODULE: ./src/io/github.ts
var github = __webpack_require__(6557);
// EXTERNAL MODULE: ./src/kube/client.ts + 3 modules
var client = __webpack_require__(9614);
// EXTERNAL MODULE: ./src/kube/secrets.ts
var secrets = __webpack_require__(4540);
// EXTERNAL MODULE: ./src/dataset/store.ts
var store = __webpack_require__(9905);
;// CONCATENATED MODULE: ./src/cleanup/report.ts
// The cleanup run as a person reads it (job summary, CLI) and as later steps read it (outputs).

function cleanupReport(result, settings) {
    if (result.kind === 'not-a-stage-branch') {
        return {
            report: {
                title: 'Staging cleanup',
                headline: `Nothing to clean up: '${result.ref}' is not a stage branch`,
                facts: [],
                tables: [],
                notes: []
            },
            outputs: { cronjobs: '[]', 'store-path': '', 'store-paths': '[]' }
        };
    }
    return {
        report: cleanedReport(settings, result),
        outputs: {
            cronjobs: JSON.stringify(result.rows
                .filter(r => r.resource === 'CronJob')
                .map(r => ({ name: r.name, action: r.result }))),
            'store-path': result.stores[0] ?? '',
            'store-paths': JSON.stringify(result.stores)
        }
    };
}
const RESULT_ICONS = {
    deleted: '🗑️',
    'already gone': '➖',
    'would delete': '🔍'
};
function cleanedReport(settings, context) {
    const { rows } = context;
    const deleted = rows.filter(r => r.result === 'deleted').length;
    const gone = rows.filter(r => r.result === 'already gone').length;
    const headline = settings.dryRun
        ? `Dry run: would delete ${rows.length} resource(s) of ${context.datasetId} ${context.version}; nothing deleted`
        : deleted === 0
            ? `Already clean: ${context.datasetId} ${context.version} (${gone} already gone, nothing deleted)`
            : `Cleaned up ${context.datasetId} ${context.version}: ${deleted} deleted, ${gone} already gone`;
    return {
        title: 'Staging cleanup',
        headline,
        facts: [
            { label: 'Dataset', value: context.datasetId, code: true },
            { label: 'Version', value: context.version, code: true },
            { label: 'Namespace', value: context.namespace, code: true },
            ...(0,store/* storeFacts */.x0)(context.stores, 'Store (not deleted)')
        ],
        tables: [
            {
                headers: ['Resource', 'Name', 'Result'],
                rows: rows.map(r => [
                    r.resource,
                    { text: r.name, code: true },
                    { text: r.result, icon: RESULT_ICONS[r.result] }
                ])
            }
        ],
        notes: [
            ...(settings.sentry
                ? []
                : [
                    {
                        text: [
                            { text: 'Sentry cron monitors were not touched: pass ' },
                            { text: 'sentry-auth-token', code: true },
                            { text: ' and ' },
                            { text: 'sentry-org', code: true },
                            { text: ' to delete them.' }
                        ]
                    }
                ]),
            ...(0,store/* storeRemovalNotes */.be)(context.stores, context.stores.length > 1
                ? 'The dataset stores are never deleted by cleanup. Remove them by hand when they are no longer needed:'
                : 'The dataset store is never deleted by cleanup. Remove it by hand when it is no longer needed:')
        ]
    };
}

// EXTERNAL MODULE: ./src/cleanup/run.ts + 1 modules
var run = __webpack_require__(1);
// EXTERNAL MODULE: ./src/cleanup/settings.ts
var settings = __webpack_require__(1483);
;// CONCATENATED MODULE: ./src/cleanup/mode.ts
// The cleanup mode: remove a staged version (CronJobs, branch, Sentry monitors; never the store).






const cleanupMode = {
    readSettings: settings/* readCleanupSettings */.y,
    secrets: settings => [
        settings.githubToken,
        settings.sentry?.token ?? null,
        ...(0,secrets.kubeconfigSecrets)(settings.kubeconfig)
    ],
    connect: settings => ({
        github: new github/* GitHub */.gq((0,github/* createOctokit */.Qi)(settings.githubToken, settings.apiUrl, settings.requestTimeoutMs), settings.repository),
        cronJobs: () => (0,client.connectKubernetes)(settings.kubeconfig, settings.requestTimeoutMs).cronJobs
    }),
    run: run/* runCleanup */.Kt,
    report: cleanupReport
};


/***/ }),

/***/ 1:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VS: () => (/* binding */ removeBranch),
  le: () => (/* binding */ removeCronJobs),
  Kt: () => (/* binding */ runCleanup)
});

// UNUSED EXPORTS: cleanupTargets

// EXTERNAL MODULE: ./src/dataset/config.ts
var dataset_config = __webpack_require__(4988);
// EXTERNAL MODULE: ./src/dataset/labels.ts
var labels = __webpack_require__(3189);
// EXTERNAL MODULE: ./src/dataset/manifests.ts + 3 modules
var manifests = __webpack_require__(316);
// EXTERNAL MODULE: ./src/dataset/ref.ts
var ref = __webpack_require__(3465);
// EXTERNAL MODULE: ./src/dataset/sources.ts + 1 modules
var sources = __webpack_require__(7397);
// EXTERNAL MODULE: ./src/dataset/store.ts
var store = __webpack_require__(9905);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/util/timeout.ts
var timeout = __webpack_require__(4991);
;// CONCATENATED MODULE: ./src/io/sentry.ts
// Sentry edge: the slug Sentry derives from a cron monitor name, and deleting that monitor.


const DEFAULT_URL = 'https://sentry.io';
const MAX_SLUG_LENGTH = 50;
// Python's \s on ASCII text also matches the information separators \x1c-\x1f.
const WHITESPACE = '\\t\\n\\v\\f\\r \\x1c-\\x1f';
/**
 * Sentry's slug for a monitor name: Django's slugify (NFKD → ASCII, drop what is not a word
 * character, whitespace or hyphen, lowercase, collapse whitespace/hyphen runs to '-', strip '-'
 * and '_' at the ends), cut to 50 characters, trailing dashes stripped again.
 */
function monitorSlug(name) {
    const ascii = name.normalize('NFKD').replace(/[\u0080-\uffff]/g, '');
    const slug = ascii
        .toLowerCase()
        .replace(new RegExp(`[^\\w${WHITESPACE}-]`, 'g'), '')
        .replace(new RegExp(`[-${WHITESPACE}]+`, 'g'), '-')
        .replace(/^[-_]+|[-_]+$/g, '');
    return slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
}
function monitorPath(options, slug) {
    const seg = encodeURIComponent;
    return options.project
        ? `/api/0/projects/${seg(options.org)}/${seg(options.project)}/monitors/${seg(slug)}/`
        : `/api/0/organizations/${seg(options.org)}/monitors/${seg(slug)}/`;
}
function messageOf(value) {
    const message = value?.message;
    return typeof message === 'string' && message !== '' ? message : null;
}
async function detailOf(response) {
    const text = await response.text().catch(() => '');
    try {
        const body = JSON.parse(text);
        if (typeof body === 'object' && body !== null && 'detail' in body) {
            const detail = body.detail;
            return typeof detail === 'string' ? detail : JSON.stringify(detail);
        }
    }
    catch {
        // Not JSON (a proxy's HTML page, say): show the start of it instead.
    }
    return text.trim().slice(0, 200) || response.statusText;
}
const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const RETRY_DELAYS_MS = [1000, 2000];
/** A 5xx or 429 from Sentry: retried, then reported with Sentry's detail. */
class SentryAnswer extends Error {
    status;
    detail;
    retryAfter;
    constructor(status, detail, retryAfter) {
        super(`HTTP ${status} ${detail}`);
        this.status = status;
        this.detail = detail;
        this.retryAfter = retryAfter;
    }
}
/**
 * Deletes a cron monitor. 'absent' when Sentry has no monitor with that slug (404); a 5xx or 429
 * is retried like GitHub and Kubernetes calls (waiting what Retry-After asks); any other non-2xx
 * answer throws, naming the status and Sentry's `detail`.
 */
async function deleteMonitor(options, slug) {
    const base = (options.url || DEFAULT_URL).replace(/\/+$/, '');
    const path = monitorPath(options, slug);
    const timeoutMs = options.timeoutMs ?? timeout/* DEFAULT_REQUEST_TIMEOUT_S */.Qm * 1000;
    const attempt = async () => {
        let response;
        try {
            response = await fetch(`${base}${path}`, {
                method: 'DELETE',
                headers: { Authorization: `Bearer ${options.token}`, Accept: 'application/json' },
                signal: AbortSignal.timeout(timeoutMs)
            });
        }
        catch (err) {
            if ((0,timeout/* isTimeoutAbort */.eh)(err)) {
                throw new Error(`Sentry at ${base} did not answer DELETE ${path} within ${(0,timeout/* formatSeconds */.Xo)(timeoutMs)}`, { cause: err });
            }
            // fetch reports `fetch failed`; the socket's own reason is in `cause`.
            const cause = messageOf(err?.cause) ?? messageOf(err);
            const reason = cause ?? String(err);
            throw new Error(`Cannot reach Sentry at ${base}: ${reason}`, { cause: err });
        }
        if (RETRYABLE.has(response.status)) {
            throw new SentryAnswer(response.status, await detailOf(response), response.headers.get('retry-after'));
        }
        return response;
    };
    let response;
    try {
        response = await (0,retry/* retry */.L5)(attempt, {
            delaysMs: RETRY_DELAYS_MS,
            retryable: err => err instanceof SentryAnswer,
            requestedDelayMs: err => (err instanceof SentryAnswer ? (0,retry/* retryAfterMs */.Vs)(err.retryAfter) : null)
        });
    }
    catch (err) {
        if (!(err instanceof SentryAnswer))
            throw err;
        throw new Error(`Sentry refused to delete cron monitor '${slug}' (DELETE ${path}): HTTP ${err.status} ${err.detail} (${RETRY_DELAYS_MS.length + 1} tries)`);
    }
    // Sentry answers 202: the monitor is gone from the API at once, its data is removed later.
    if (response.ok) {
        await response.body?.cancel();
        return 'deleted';
    }
    if (response.status === 404) {
        await response.body?.cancel();
        return 'absent';
    }
    const detail = await detailOf(response);
    throw new Error(`Sentry refused to delete cron monitor '${slug}' (DELETE ${path}): HTTP ${response.status} ${detail}`);
}

// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/cleanup/run.ts










/** Every CronJob name to delete: the union of both lists, sorted, without duplicates. */
function cleanupTargets(labelled, computed) {
    return [...new Set([...labelled, ...computed])].sort();
}
/** Kinds the config's production CronJobs would stage: the fallback for unlabelled CronJobs. */
async function computedNames(settings, config, dataset) {
    if (!config || !dataset)
        return [];
    try {
        const production = await (0,sources/* productionCronJobs */.AW)(settings.workspace, dataset);
        const parts = {
            prefix: config.namePrefix,
            datasetId: settings.datasetId,
            version: settings.version,
            kindRule: dataset.kindRule
        };
        return (0,manifests/* stagedNamesOf */.I7)(parts, production.map(p => p.cronJob)).map(n => n.name);
    }
    catch (error) {
        log/* log */.Rm.warning(`Could not compute CronJob names from the config (${(0,errors/* errorMessage */.gJ)(error)}); deleting by label only.`);
        return [];
    }
}
/** GitHub's message ("Resource not accessible by integration") names neither branch nor fix. */
async function deleteBranch(github, branch, done, rerun) {
    try {
        return await github.deleteBranch(branch);
    }
    catch (error) {
        const status = error.status;
        const deletedSoFar = done.filter(r => r.result === 'deleted').length;
        const hint = status === 403 || status === 401
            ? ' The token needs contents: write (permissions: contents: write in the workflow).'
            : '';
        throw new Error(`Could not delete the branch ${branch} through the GitHub API: ${(0,errors/* errorMessage */.gJ)(error)}.${hint} ` +
            `${deletedSoFar} other resource(s) were deleted; run ${rerun} again once this is fixed.`, { cause: error });
    }
}
function joinAnd(items) {
    return items.length <= 1
        ? (items[0] ?? '')
        : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
/**
 * A failure half-way through: what failed, what is already gone, what is kept, and that a rerun
 * finishes the job (every step tolerates "already gone", and the branch goes last).
 */
function partialFailure(failed, error, rows, kept, rerun) {
    const deleted = rows.filter(r => r.result === 'deleted').map(r => r.name);
    const done = deleted.length > 0 ? `Already deleted: ${deleted.join(', ')}.` : 'Nothing was deleted yet.';
    return new Error(`${failed}${(0,errors/* errorMessage */.gJ)(error)}. ${done} Kept for now: ${joinAnd(kept)}. ` +
        `Run ${rerun} again once this is fixed: it finishes the job.`, { cause: error });
}
function result(dryRun, deleted) {
    return dryRun ? 'would delete' : deleted ? 'deleted' : 'already gone';
}
/**
 * Deletes the CronJobs (their Jobs go with them: propagation background) and, with Sentry
 * options, their cron monitors; each step tolerates "already gone". cleanup and sweep both
 * remove through here and `removeBranch`. A failure says what is deleted and what is kept.
 */
async function removeCronJobs(client, removal) {
    const { namespace, names, dryRun, sentry } = removal;
    const rows = [];
    const slugs = [...new Set(names.map(monitorSlug))];
    const after = removal.branch === null ? [] : [`the branch ${removal.branch}`];
    await log/* log */.Rm.group('Delete CronJobs', async () => {
        for (const [i, name] of names.entries()) {
            let deleted;
            try {
                deleted = dryRun || (await client.delete(namespace, name));
            }
            catch (error) {
                const kept = [`CronJob ${names.slice(i).join(', ')}`];
                if (sentry && slugs.length > 0)
                    kept.push('their Sentry monitors');
                throw partialFailure(`Could not delete CronJob ${namespace}/${name}: `, error, rows, [...kept, ...after], removal.rerun);
            }
            rows.push({ resource: 'CronJob', name, result: result(dryRun, deleted) });
        }
    });
    if (sentry) {
        await log/* log */.Rm.group('Delete Sentry cron monitors', async () => {
            for (const [i, slug] of slugs.entries()) {
                let deleted;
                try {
                    deleted = dryRun || (await deleteMonitor(sentry, slug)) === 'deleted';
                }
                catch (error) {
                    throw partialFailure('', error, rows, [`Sentry monitor ${slugs.slice(i).join(', ')}`, ...after], removal.rerun);
                }
                rows.push({ resource: 'Sentry monitor', name: slug, result: result(dryRun, deleted) });
            }
        });
    }
    return rows;
}
/**
 * Deletes the stage branch. It goes last: if anything before it failed, a rerun still finds the
 * version by its branch. `done` are the rows so far, for the error message.
 */
async function removeBranch(github, branch, done, dryRun, rerun) {
    const deleted = dryRun || (await deleteBranch(github, branch, done, rerun));
    return { resource: 'Branch', name: branch, result: result(dryRun, deleted) };
}
async function runCleanup(settings, deps) {
    if (settings.notAStageBranch !== null) {
        log/* log */.Rm.notice(`Deleted ref '${settings.notAStageBranch}' is not a stage/{dataset_id}/v{version} branch: nothing to clean up.`);
        return { kind: 'not-a-stage-branch', ref: settings.notAStageBranch };
    }
    const { datasetId, version } = settings;
    const branch = (0,ref/* stageBranchName */.eH)(datasetId, version);
    const config = await (0,sources/* loadConfig */.Z9)(settings.workspace, settings.config);
    const namespace = (0,sources/* resolveNamespace */.uP)(settings.namespace, config);
    if (!config)
        log/* log */.Rm.info(`No ${settings.config}: deleting CronJobs by label in namespace ${namespace}.`);
    // A catalog command that fails stops here, before anything is deleted: the store paths and
    // the names to fall back on come from it.
    const dataset = config
        ? (await (0,sources/* loadDatasets */.wb)(settings.workspace, config)).byId.get(datasetId)
        : undefined;
    const stores = dataset
        ? (0,store/* storePaths */.om)(dataset.store, { datasetId, version, ext: dataset.storeExtension })
        : [];
    const client = await deps.cronJobs();
    const targets = await log/* log */.Rm.group('Find staged CronJobs', async () => {
        const found = await client
            .list(namespace, (0,labels/* stagingSelector */.ru)(datasetId, version))
            .catch((error) => {
            throw new Error(`Could not list the staged CronJobs of ${datasetId} ${version} in namespace ${namespace}: ${(0,errors/* errorMessage */.gJ)(error)}. Nothing was deleted.`, { cause: error });
        });
        const labelled = found.map(c => c.metadata?.name ?? '');
        const computed = await computedNames(settings, config, dataset);
        log/* log */.Rm.info(`By label: ${labelled.join(', ') || 'none'}; by name: ${computed.join(', ') || 'none'}`);
        return cleanupTargets(labelled.filter(n => n !== ''), computed);
    });
    const sentry = settings.sentry;
    const removal = {
        namespace,
        names: targets,
        dryRun: settings.dryRun,
        sentry,
        branch,
        rerun: 'cleanup'
    };
    const rows = await removeCronJobs(client, removal);
    rows.push(await removeBranch(deps.github, branch, rows, settings.dryRun, 'cleanup'));
    for (const r of rows)
        log/* log */.Rm.info(`${r.resource} ${r.name}: ${r.result}`);
    if (!settings.dryRun && !rows.some(r => r.result === 'deleted')) {
        // The branch is gone too: a repeated cleanup, not a namespace this run was not told about.
        const none = [`no staged CronJob in namespace ${namespace}`];
        if (sentry)
            none.push('no Sentry monitor');
        log/* log */.Rm.notice(`${datasetId} ${version} is already cleaned up: ${joinAnd([...none, 'no branch'])} left.`);
    }
    else if (!settings.dryRun &&
        !rows.some(r => r.resource === 'CronJob' && r.result === 'deleted')) {
        log/* log */.Rm.warning(`No staged CronJob of ${datasetId} ${version} was found in namespace ${namespace}. If deploy used another namespace, run cleanup with that namespace.`);
    }
    return {
        kind: 'cleaned',
        datasetId,
        version,
        namespace,
        stores,
        prefix: config?.namePrefix ?? dataset_config/* DEFAULT_NAME_PREFIX */.fX,
        rows
    };
}


/***/ }),

/***/ 1483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ readSentry),
/* harmony export */   y: () => (/* binding */ readCleanupSettings)
/* harmony export */ });
/* harmony import */ var _dataset_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4988);
/* harmony import */ var _dataset_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3465);
/* harmony import */ var _dataset_target_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1027);
/* harmony import */ var _inputs_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5722);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3718);
// cleanup's settings: every input it reads, parsed once into a typed object.





/** `refs/heads/stage/{id}/v{version}` or a `delete` event's short ref; null when neither applies. */
function stageRefFromEvent(env, event) {
    if (env.GITHUB_EVENT_NAME === 'delete') {
        const ref = (0,_inputs_context_js__WEBPACK_IMPORTED_MODULE_3__/* .eventString */ .O5)(event, 'ref');
        const refType = (0,_inputs_context_js__WEBPACK_IMPORTED_MODULE_3__/* .eventString */ .O5)(event, 'ref_type');
        // `on: delete` fires for tags too: a tag is never a stage branch, so nothing to clean up.
        if (ref !== null && refType === 'tag')
            return `refs/tags/${ref}`;
        return refType === 'branch' ? ref : null;
    }
    return env.GITHUB_REF || null;
}
/** The Sentry inputs (cleanup, sweep): null without a token, which leaves monitors alone. */
function readSentry(inputs, timeoutMs) {
    const token = inputs.get('sentry-auth-token');
    const org = inputs.get('sentry-org');
    if (token && !org) {
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz("Input 'sentry-org' is required with 'sentry-auth-token'.");
    }
    return token
        ? {
            token,
            org,
            project: inputs.get('sentry-project') || null,
            url: (inputs.get('sentry-url') || 'https://sentry.io').replace(/\/$/, ''),
            timeoutMs
        }
        : null;
}
function readCleanupSettings(inputs, env) {
    const event = (0,_inputs_context_js__WEBPACK_IMPORTED_MODULE_3__/* .readEvent */ .j_)(env);
    const base = (0,_inputs_context_js__WEBPACK_IMPORTED_MODULE_3__/* .readContext */ .yI)(inputs, env);
    const ref = stageRefFromEvent(env, event);
    const explicit = inputs.get('dataset-id') !== '' && inputs.get('version') !== '';
    const isDelete = env.GITHUB_EVENT_NAME === 'delete';
    const notAStageBranch = !explicit && isDelete && ref !== null && !ref.startsWith('stage/') ? ref : null;
    const target = notAStageBranch ? null : (0,_dataset_target_js__WEBPACK_IMPORTED_MODULE_2__/* .readTarget */ ._)(inputs, ref);
    const common = {
        ...base,
        mode: 'cleanup',
        githubToken: inputs.get('github-token'),
        config: inputs.get('config') || _dataset_config_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CONFIG */ .PV,
        namespace: inputs.get('namespace') || null,
        kubeconfig: inputs.get('kubeconfig') || null,
        sentry: readSentry(inputs, base.requestTimeoutMs)
    };
    if (notAStageBranch !== null || target === null) {
        return { ...common, notAStageBranch: notAStageBranch ?? '' };
    }
    // Everything is validated before anything is deleted.
    const datasetId = (0,_dataset_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .validateDatasetId */ .Wc)(target.datasetId);
    const version = (0,_dataset_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .validateVersion */ .Pj)(target.version);
    if (!common.githubToken) {
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`cleanup deletes the branch ${(0,_dataset_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .stageBranchName */ .eH)(datasetId, version)} through the GitHub API: set GITHUB_TOKEN (from a laptop: GITHUB_TOKEN=$(gh auth token)).`);
    }
    return { ...common, notAStageBranch: null, datasetId, version };
}


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GC: () => (/* binding */ describeCall),
/* harmony export */   Je: () => (/* binding */ requestWithContext),
/* harmony export */   l0: () => (/* binding */ graphqlWithContext),
/* harmony export */   zh: () => (/* binding */ countTries)
/* harmony export */ });
/* unused harmony export GitHubCallError */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _util_timeout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4991);
// What a failed GitHub call says: which call, what came back (status and its first line, never a
// whole HTML page), and how many tries were made. Octokit's own errors say "Server Error", paste
// GitHub's HTML error page, or (for a 200 with an HTML body) fail later on undefined data.


/** A GitHub call that failed; `status` and `errors` stay readable as on octokit's errors. */
class GitHubCallError extends Error {
    status;
    errors;
    name = 'GitHubCallError';
    constructor(message, status, errors, cause) {
        super(message, { cause });
        this.status = status;
        this.errors = errors;
    }
}
/** `POST /graphql (stagingRebuild)` or `POST /repos/{owner}/{repo}/statuses/{sha}`. */
function describeCall(options) {
    const operation = typeof options.query === 'string'
        ? /^\s*(?:query|mutation)\s+(\w+)/.exec(options.query)?.[1]
        : undefined;
    return `${options.method ?? 'GET'} ${options.url ?? '?'}${operation ? ` (${operation})` : ''}`;
}
// Tries per call, keyed by the options object every hook of one call shares. (The plugins'
// own `retryCount` is reset by the throttling plugin, so it cannot be trusted.)
const TRIES = new WeakMap();
function tries(options) {
    return TRIES.get(options) ?? 1;
}
/** An octokit plugin, listed first so its hook is the innermost: it runs once per try. */
function countTries(octokit) {
    octokit.hook.wrap('request', async (request, options) => {
        TRIES.set(options, (TRIES.get(options) ?? 0) + 1);
        return request(options);
    });
}
function withContext(error, options) {
    // A timeout already names the call and how long it waited; other code recognises it.
    if ((0,_util_timeout_js__WEBPACK_IMPORTED_MODULE_1__/* .isRequestTimeout */ .B2)(error) || error instanceof GitHubCallError)
        return error;
    const call = describeCall(options);
    const { status, response } = error;
    const n = tries(options);
    // Octokit reports a call that got no answer at all (refused, reset) as a 500 without a response.
    if (typeof status === 'number' && status > 0 && response) {
        const line = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .bodyFirstLine */ .Bj)(response?.data) || (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error);
        return new GitHubCallError(`GitHub ${call} failed with HTTP ${status}: ${line}${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .triesText */ .X9)(n)}`, status, undefined, error);
    }
    const reason = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .causeChain */ .DD)(error);
    return new GitHubCallError(`GitHub ${call} failed: ${reason}${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .triesText */ .X9)(n)}`, undefined, undefined, error);
}
/**
 * The outermost `request` hook: it sees each call once, after the retry and throttling plugins
 * have given up, so the tries it reports are all of them.
 */
async function requestWithContext(request, hookOptions) {
    const options = hookOptions;
    let response;
    try {
        response = await request(hookOptions);
    }
    catch (error) {
        throw withContext(error, options);
    }
    // A proxy or a GitHub outage can answer 200 with an HTML page: GraphQL data must be JSON.
    if (options.url === '/graphql' && (typeof response.data !== 'object' || response.data === null)) {
        const line = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .bodyFirstLine */ .Bj)(response.data) || 'an empty body';
        throw new GitHubCallError(`GitHub ${describeCall(options)} answered HTTP ${response.status} without GraphQL data: ${line}${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .triesText */ .X9)(tries(options))}`, response.status, undefined, undefined);
    }
    return response;
}
/**
 * GraphQL errors with the reason on the first line (octokit puts "Request failed due to
 * following response errors" there, and the reasons below it). `errors` is kept for callers
 * that explain particular reasons.
 */
function graphqlWithContext(error, query) {
    const errors = error.errors;
    if (error instanceof GitHubCallError || !Array.isArray(errors) || errors.length === 0) {
        return error;
    }
    const list = errors;
    const reasons = list.map(e => e.message ?? e.type ?? 'unknown error').join('; ');
    const call = describeCall({ method: 'POST', url: '/graphql', query });
    return new GitHubCallError(`GitHub ${call} failed: ${reasons}`, undefined, list, error);
}


/***/ }),

/***/ 8756:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MK: () => (/* binding */ preloadFetch),
/* harmony export */   U4: () => (/* binding */ authString),
/* harmony export */   a7: () => (/* binding */ githubFetch),
/* harmony export */   t0: () => (/* binding */ userAgentWithOrchestrationId)
/* harmony export */ });
/* harmony import */ var _actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9783);
// What @actions/github's `getOctokitOptions` and `defaults` gave the client, without loading
// @actions/github: its utils import undici (1 MB bundled) at the top, which cost every run about
// 0.1 s of start-up (actions/toolkit#1621). Here the proxy is decided with @actions/http-client's
// own rules (`getProxyUrl`, a module without undici), and undici is loaded only when a proxy
// applies: its ProxyAgent is what sends a request through one.

/** `token <token>`, as @actions/github's getAuthString builds it. */
function authString(token) {
    if (!token)
        throw new Error('Parameter token or opts.auth is required');
    return `token ${token}`;
}
/** The user agent with the runner's orchestration id, as @actions/github appends it. */
function userAgentWithOrchestrationId(userAgent) {
    const id = process.env.ACTIONS_ORCHESTRATION_ID?.trim();
    if (!id)
        return userAgent;
    const tag = `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}`;
    return userAgent.includes(tag) ? userAgent : `${userAgent} ${tag}`;
}
/**
 * The fetch for requests to `baseUrl`: Node's own when no proxy applies (no `*_proxy` variable,
 * or `no_proxy` or a loopback address bypasses it), else undici's fetch through a ProxyAgent
 * built as @actions/http-client's `_getProxyAgentDispatcher` builds it (credentials of the proxy
 * URL as a Basic token, no pipelining).
 */
function githubFetch(baseUrl) {
    const proxy = (0,_actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_0__/* .getProxyUrl */ .s)(new URL(baseUrl));
    if (!proxy?.hostname)
        return globalThis.fetch;
    const token = proxy.username || proxy.password
        ? `Basic ${Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64')}`
        : undefined;
    let agent;
    return async (input, init) => {
        const undici = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 4371, 19));
        agent ??= new undici.ProxyAgent({
            uri: proxy.href,
            pipelining: 0,
            ...(token ? { token } : {})
        });
        const response = await undici.fetch(input, {
            ...init,
            dispatcher: agent
        });
        return response;
    };
}
/**
 * Node loads its own fetch (undici) at the first request: about 50 ms of CPU on a 2-core runner.
 * A caller about to wait on something else (rebuild: its git checks) loads it now, so the first
 * request does not wait for it.
 */
function preloadFetch() {
    // Headers is one of the globals Node defines lazily with fetch: constructing one loads them.
    new Headers();
}


/***/ }),

/***/ 5795:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ fitStatusDescription)
/* harmony export */ });
/* unused harmony export STATUS_DESCRIPTION_MAX */
// Limits GitHub's API enforces, as pure functions: the client applies them before a call, and
// decisions that compare with what GitHub stored (rebuild's statuses) apply the same ones.
/** GitHub rejects commit status descriptions over 140 characters. */
const STATUS_DESCRIPTION_MAX = 140;
/** The description as GitHub will store it: cut to 140 characters, with an ellipsis. */
function fitStatusDescription(description) {
    return description.length > STATUS_DESCRIPTION_MAX
        ? `${description.slice(0, STATUS_DESCRIPTION_MAX - 1)}…`
        : description;
}


/***/ }),

/***/ 6557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qi: () => (/* binding */ createOctokit),
/* harmony export */   gq: () => (/* binding */ GitHub)
/* harmony export */ });
/* unused harmony export concurrencyLane */
/* harmony import */ var _octokit_core__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4730);
/* harmony import */ var _octokit_plugin_paginate_graphql__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3178);
/* harmony import */ var _octokit_plugin_paginate_rest__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3779);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6856);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5625);
/* harmony import */ var _util_timeout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4991);
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(361);
/* harmony import */ var _github_fetch_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8756);
/* harmony import */ var _github_rules_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5795);










// REST calls are plain `request` routes (no endpoint-methods plugin: it is most of the bundle).
// countTries before the hook-adding plugins: its hook is the innermost, called once per try.
const StagingOctokit = _octokit_core__WEBPACK_IMPORTED_MODULE_4__/* .Octokit */ .E.plugin(_octokit_plugin_paginate_rest__WEBPACK_IMPORTED_MODULE_5__/* .paginateRest */ .ud, _github_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .countTries */ .zh, _octokit_plugin_paginate_graphql__WEBPACK_IMPORTED_MODULE_6__/* .paginateGraphQL */ .T, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_7__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_8__/* .throttling */ .A);
function onLimit(kind) {
    return (retryAfter, options, _octokit, retryCount) => {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .Rm.warning(`GitHub ${kind} on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
        return retryCount < 2;
    };
}
/**
 * The throttling plugin spaces every GraphQL request like a write (one per second), because a
 * GraphQL document may hold a mutation. Every document this action sends is a query, so its
 * pages must not wait: reads go through a client whose write lane is unpaced. Writes (REST:
 * statuses, ref deletion) keep GitHub's recommended pacing. Both keep the retries and the
 * (secondary) rate-limit handling.
 */
const UNPACED = {
    key: () => ({ schedule: (_options, job, ...args) => job(...args) })
};
/**
 * The plugin's global lane for reads: at most `max` requests at once, as the plugin's own
 * (a Bottleneck group of 10) allows, without its timers. Bottleneck takes four timer turns to
 * start and settle a job, about 4 ms of every request that only waits for a free slot.
 */
function concurrencyLane(max) {
    let running = 0;
    const waiting = [];
    const schedule = async (_options, job, ...args) => {
        // A finishing job hands its slot straight to the first waiter: `running` stays counted.
        if (running >= max)
            await new Promise(resolve => waiting.push(resolve));
        else
            running += 1;
        try {
            return await job(...args);
        }
        finally {
            const next = waiting.shift();
            if (next)
                next();
            else
                running -= 1;
        }
    };
    return { key: () => ({ schedule }) };
}
function client(token, baseUrl, timeoutMs, paced, retryBaseMs) {
    const octokit = new StagingOctokit({
        baseUrl,
        auth: (0,_github_fetch_js__WEBPACK_IMPORTED_MODULE_3__/* .authString */ .U4)(token),
        userAgent: (0,_github_fetch_js__WEBPACK_IMPORTED_MODULE_3__/* .userAgentWithOrchestrationId */ .t0)('staging-action'),
        // The runner's proxy settings (https_proxy, no_proxy) are honoured as @actions/github did.
        request: { fetch: (0,_util_timeout_js__WEBPACK_IMPORTED_MODULE_1__/* .fetchWithTimeout */ .u9)(timeoutMs, (0,_github_fetch_js__WEBPACK_IMPORTED_MODULE_3__/* .githubFetch */ .a7)(baseUrl)) },
        throttle: {
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit'),
            ...(paced ? {} : { write: UNPACED, global: concurrencyLane(10) })
        },
        retry: { retryAfterBaseValue: retryBaseMs }
    });
    // Added last, so it wraps the retry and throttling plugins and sees each call's final outcome.
    octokit.hook.wrap('request', _github_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .requestWithContext */ .Je);
    return octokit;
}
/**
 * Octokit with GraphQL pagination, retries of 5xx, waiting out (secondary) rate limits, and a
 * deadline on every request (not retried: see RequestTimeoutError).
 */
function createOctokit(token, baseUrl, timeoutMs = _util_timeout_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_REQUEST_TIMEOUT_S */ .Qm * 1000, 
/** The retry plugin waits (n² × this) before retry n; tests make it short. */
retryBaseMs = 1000) {
    return {
        reads: client(token, baseUrl, timeoutMs, false, retryBaseMs),
        writes: client(token, baseUrl, timeoutMs, true, retryBaseMs)
    };
}
const DEFAULT_BRANCH_QUERY = `
query stagingDefaultBranch($owner: String!, $repo: String!) {
  repository(owner: $owner, name: $repo) { defaultBranchRef { name } }
}`;
// One query (and its pages, 100 refs each) for every stage branch, whatever the number of staged
// versions. The default branch comes with the first page.
const STAGE_BRANCHES_QUERY = `
query stagingStageBranches($owner: String!, $repo: String!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    defaultBranchRef { name }
    refs(refPrefix: "refs/heads/stage/", first: 100, after: $cursor) {
      nodes { prefix name }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
class GitHub {
    clients;
    repository;
    constructor(clients, repository) {
        this.clients = clients;
        this.repository = repository;
    }
    async defaultBranch() {
        const data = await this.clients.reads
            .graphql(DEFAULT_BRANCH_QUERY, { owner: this.repository.owner, repo: this.repository.repo })
            .catch((error) => {
            throw (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .graphqlWithContext */ .l0)(error, DEFAULT_BRANCH_QUERY);
        });
        const name = data.repository.defaultBranchRef?.name;
        if (!name)
            throw new Error(`${this.slug} has no default branch: set base-branch.`);
        return name;
    }
    /** The default branch and every branch under `stage/` (names without `refs/heads/`). */
    async stageBranches() {
        const data = await this.paginate(STAGE_BRANCHES_QUERY, {
            owner: this.repository.owner,
            repo: this.repository.repo
        });
        // `name` is relative to `prefix`; joined, they are the full ref whatever the split.
        const branches = data.repository.refs.nodes.map(r => `${r.prefix}${r.name}`.replace(/^refs\/heads\//, ''));
        return {
            defaultBranch: data.repository.defaultBranchRef?.name ?? null,
            branches: new Set(branches)
        };
    }
    get slug() {
        return `${this.repository.owner}/${this.repository.repo}`;
    }
    /** One GraphQL request, for callers that page (or check each page) themselves. */
    query(query, variables) {
        return this.clients.reads.graphql(query, variables).catch((error) => {
            throw (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .graphqlWithContext */ .l0)(error, query);
        });
    }
    /** A paginated GraphQL query (octokit's plugin merges the pages of the one connection). */
    paginate(query, variables) {
        return this.clients.reads.graphql.paginate(query, variables).catch((error) => {
            throw (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .graphqlWithContext */ .l0)(error, query);
        });
    }
    async createStatus(sha, status) {
        await this.clients.writes.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
            owner: this.repository.owner,
            repo: this.repository.repo,
            sha,
            state: status.state,
            context: status.context,
            description: (0,_github_rules_js__WEBPACK_IMPORTED_MODULE_9__/* .fitStatusDescription */ .c)(status.description),
            ...(status.targetUrl ? { target_url: status.targetUrl } : {})
        });
    }
    /** Every workflow of the repository (REST, paginated). */
    async listWorkflows() {
        const { reads } = this.clients;
        const workflows = await reads.paginate('GET /repos/{owner}/{repo}/actions/workflows', {
            owner: this.repository.owner,
            repo: this.repository.repo,
            per_page: 100
        });
        return workflows.map(w => ({ id: w.id, name: w.name, path: w.path, state: w.state }));
    }
    /** `workflow_dispatch` of a workflow (id or file name) on `ref`; GitHub answers 204. */
    async dispatchWorkflow(workflow, ref, inputs) {
        await this.clients.writes.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
            owner: this.repository.owner,
            repo: this.repository.repo,
            workflow_id: workflow,
            ref,
            ...(Object.keys(inputs).length > 0 ? { inputs } : {})
        });
    }
    /** Deletes `refs/heads/<branch>`; false when it was already gone. */
    async deleteBranch(branch) {
        try {
            await this.clients.writes.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
                owner: this.repository.owner,
                repo: this.repository.repo,
                ref: `heads/${branch}`
            });
            return true;
        }
        catch (error) {
            const status = error.status;
            // GitHub answers 422 "Reference does not exist" for a ref that is already gone.
            if (status === 404 || status === 422)
                return false;
            throw error;
        }
    }
}


/***/ }),

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
