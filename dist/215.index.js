export const id = 215;
export const ids = [215];
export const modules = {

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

/***/ 6215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sweepMode: () => (/* binding */ sweepMode)
});

// EXTERNAL MODULE: ./src/io/github.ts
var github = __webpack_require__(6557);
// EXTERNAL MODULE: ./src/io/git.ts + 6 modules
var git = __webpack_require__(8005);
// EXTERNAL MODULE: ./src/kube/client.ts + 3 modules
var client = __webpack_require__(9614);
// EXTERNAL MODULE: ./src/dataset/store.ts
var store = __webpack_require__(9905);
// EXTERNAL MODULE: ./src/status/report.ts
var status_report = __webpack_require__(2814);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
;// CONCATENATED MODULE: ./src/sweep/report.ts
// The sweep run as a person reads it (job summary, CLI) and as later steps read it (`staged`).



const ICONS = {
    orphaned: '🧹',
    promoted: '🎉',
    expired: '⌛',
    live: '🟢'
};
function sweepReport(result, settings) {
    const retired = result.swept.filter(s => s.verdict !== 'live');
    const action = (verdict) => verdict === 'live' ? 'kept' : settings.dryRun ? 'would clean up' : 'cleaned up';
    const headline = result.swept.length === 0
        ? `Nothing staged in namespace ${result.namespace}`
        : settings.dryRun
            ? `Dry run: would clean up ${retired.length} of ${result.swept.length} staged version(s); nothing deleted`
            : `Cleaned up ${retired.length} of ${result.swept.length} staged version(s)`;
    const removed = retired.flatMap(s => s.rows.map(r => [
        `${s.version.datasetId} ${s.version.version}`,
        r.resource,
        { text: r.name, code: true },
        r.result
    ]));
    const stores = retired.flatMap(s => s.stores);
    const report = {
        title: 'Staging sweep',
        headline,
        facts: [
            { label: 'Namespace', value: result.namespace, code: true },
            ...(result.defaultBranch
                ? [{ label: 'Default branch', value: result.defaultBranch, code: true }]
                : []),
            {
                label: 'Max age',
                value: settings.maxAgeMs === null
                    ? 'none (versions never expire)'
                    : (0,duration/* formatDuration */.a)(settings.maxAgeMs)
            }
        ],
        tables: [
            ...(result.swept.length > 0
                ? [
                    {
                        headers: ['Dataset', 'Version', 'Verdict', 'Reason', 'Action'],
                        rows: result.swept.map(s => [
                            { text: s.version.datasetId, code: true },
                            { text: s.version.version, code: true },
                            { text: s.verdict, icon: ICONS[s.verdict] },
                            s.reason,
                            action(s.verdict)
                        ])
                    }
                ]
                : []),
            ...(removed.length > 0
                ? [
                    {
                        caption: 'Removed',
                        headers: ['Version', 'Resource', 'Name', 'Result'],
                        rows: removed
                    }
                ]
                : [])
        ],
        notes: [
            // Unknowns never retire a version: say which facts were missing.
            ...[...result.unknownVersions].map(([id, why]) => ({
                text: `Whether ${id} was promoted is unknown, so it was not swept as promoted: ${why}`
            })),
            ...result.swept
                .filter(s => s.verdict === 'live')
                .map(s => ({
                text: `${s.version.datasetId} ${s.version.version}: ${(0,status_report/* versionFacts */.iN)(s.version, result.defaultBranch, result.now)}`
            })),
            ...(stores.length > 0
                ? [
                    {
                        text: 'Stores are never deleted by sweep. Remove them by hand when no longer needed:'
                    },
                    { text: stores.map(store/* storeRemovalCommand */.Te).join('\n'), code: true }
                ]
                : [])
        ]
    };
    return {
        report,
        outputs: {
            staged: JSON.stringify(result.swept.map(s => ({
                datasetId: s.version.datasetId,
                version: s.version.version,
                verdict: s.verdict,
                reason: s.reason,
                action: action(s.verdict)
            })))
        }
    };
}

// EXTERNAL MODULE: ./src/cleanup/run.ts + 1 modules
var run = __webpack_require__(1);
// EXTERNAL MODULE: ./src/dataset/errors.ts
var errors = __webpack_require__(2861);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/status/inventory.ts + 2 modules
var status_inventory = __webpack_require__(3138);
;// CONCATENATED MODULE: ./src/sweep/verdict.ts

/**
 * orphaned (its branch is gone) first, then promoted (the default branch carries it), then
 * expired; anything else is live. Unknowns (a branch list or a default version that could not be
 * read) never retire a version: only facts do.
 */
function judge(version, options) {
    const base = options.defaultBranch ?? 'the default branch';
    if (version.branchExists === false) {
        return { verdict: 'orphaned', reason: `branch ${version.branch} no longer exists` };
    }
    if (version.promoted === true) {
        return { verdict: 'promoted', reason: `${base} carries version ${version.version}` };
    }
    const age = version.deployedAt === null
        ? null
        : new Date(options.now).getTime() - new Date(version.deployedAt).getTime();
    if (options.maxAgeMs !== null && age !== null && age > options.maxAgeMs) {
        return {
            verdict: 'expired',
            reason: `deployed ${(0,duration/* formatDuration */.a)(age)} ago, longer than max-age ${(0,duration/* formatDuration */.a)(options.maxAgeMs)}`
        };
    }
    const facts = [
        version.branchExists === null ? 'branch unknown' : 'branch exists',
        version.promoted === null
            ? 'promotion unknown'
            : `${base} has ${version.defaultVersion ?? 'no version of it'}`,
        age === null ? 'deploy time unknown' : `deployed ${(0,duration/* formatDuration */.a)(age)} ago`
    ];
    return { verdict: 'live', reason: facts.join('; ') };
}

;// CONCATENATED MODULE: ./src/sweep/run.ts
// The sweep run: judge every staged version, and retire the orphaned, promoted and expired ones
// with cleanup's own removal (CronJobs, Sentry monitors, the branch where it still exists; never
// the store).






async function runSweep(settings, deps) {
    const inventory = await (0,status_inventory/* readInventory */.z)(settings, deps);
    if (inventory.catalogError !== null) {
        // Without the catalog, sweep could not tell promoted versions or print their stores.
        throw new errors/* ConfigError */.xL(`Nothing was swept (fix the catalog command and run sweep again): ${inventory.catalogError}`);
    }
    const now = new Date().toISOString();
    const cluster = await deps.cluster();
    const swept = [];
    for (const version of inventory.versions) {
        const judgement = judge(version, {
            maxAgeMs: settings.maxAgeMs,
            now,
            defaultBranch: inventory.defaultBranch
        });
        const dataset = inventory.datasets?.byId.get(version.datasetId);
        const stores = dataset
            ? (0,store/* storePaths */.om)(dataset.store, {
                datasetId: version.datasetId,
                version: version.version,
                ext: dataset.storeExtension
            })
            : [];
        log/* log */.Rm.info(`${version.datasetId} ${version.version}: ${judgement.verdict} (${judgement.reason})`);
        if (judgement.verdict === 'live') {
            swept.push({ ...judgement, version, rows: [], stores });
            continue;
        }
        // An orphan's branch is already gone: nothing to delete, nothing to report.
        const branch = version.branchExists === false ? null : version.branch;
        const rows = await (0,run/* removeCronJobs */.le)(cluster.cronJobs, {
            namespace: inventory.namespace,
            names: version.cronJobs.map(c => c.name),
            dryRun: settings.dryRun,
            sentry: settings.sentry,
            branch,
            rerun: 'sweep'
        });
        if (branch !== null) {
            rows.push(await (0,run/* removeBranch */.VS)(deps.github, branch, rows, settings.dryRun, 'sweep'));
        }
        swept.push({ ...judgement, version, rows, stores });
    }
    return {
        namespace: inventory.namespace,
        config: inventory.config,
        datasets: inventory.datasets,
        catalogError: inventory.catalogError,
        defaultBranch: inventory.defaultBranch,
        unknownVersions: inventory.unknownVersions,
        unlabelled: inventory.unlabelled,
        now,
        swept
    };
}

// EXTERNAL MODULE: ./src/cleanup/settings.ts
var settings = __webpack_require__(1483);
// EXTERNAL MODULE: ./src/status/settings.ts
var status_settings = __webpack_require__(8549);
;// CONCATENATED MODULE: ./src/sweep/settings.ts
// sweep's settings: every input it reads, parsed once into a typed object.



function readSweepSettings(inputs, env) {
    const inventory = (0,status_settings/* readInventoryInputs */.A)('sweep', inputs, env);
    return {
        ...inventory,
        mode: 'sweep',
        maxAgeMs: (0,duration/* parseDuration */.E)('max-age', inputs.get('max-age')),
        sentry: (0,settings/* readSentry */.w)(inputs, inventory.requestTimeoutMs)
    };
}

;// CONCATENATED MODULE: ./src/sweep/mode.ts
// The sweep mode: clean up staged versions that are orphaned, promoted or expired.






const sweepMode = {
    readSettings: readSweepSettings,
    secrets: settings => [settings.githubToken, settings.kubeconfig, settings.sentry?.token ?? null],
    connect: settings => {
        let cluster = null;
        return {
            github: new github/* GitHub */.gq((0,github/* createOctokit */.Qi)(settings.githubToken, settings.apiUrl, settings.requestTimeoutMs), settings.repository),
            git: new git/* Git */.TU(settings.workspace, { requestTimeoutMs: settings.requestTimeoutMs }),
            // One connection for the inventory and the removals.
            cluster: () => (cluster ??= (0,client.connectKubernetes)(settings.kubeconfig, settings.requestTimeoutMs))
        };
    },
    run: runSweep,
    report: sweepReport
};


/***/ })

};
