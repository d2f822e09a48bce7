export const id = 523;
export const ids = [523];
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

// EXTERNAL MODULE: ./src/dataset/config.ts + 2 modules
var dataset_config = __webpack_require__(6631);
// EXTERNAL MODULE: ./src/dataset/labels.ts
var labels = __webpack_require__(3189);
// EXTERNAL MODULE: ./src/dataset/names.ts
var names = __webpack_require__(4092);
// EXTERNAL MODULE: ./src/dataset/ref.ts
var ref = __webpack_require__(3465);
// EXTERNAL MODULE: ./src/dataset/sources.ts
var sources = __webpack_require__(5850);
// EXTERNAL MODULE: ./src/dataset/store.ts
var dataset_store = __webpack_require__(9905);
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
async function computedNames(settings, config) {
    const dataset = config?.datasets[settings.datasetId];
    if (!config || !dataset)
        return [];
    try {
        const production = await (0,sources/* productionCronJobs */.AW)(settings.workspace, dataset);
        return production
            .map(p => (0,names/* cronJobName */.dP)({
            prefix: config.namePrefix,
            datasetId: settings.datasetId,
            version: settings.version,
            kind: (0,names/* deriveKind */.An)(p.cronJob.metadata?.name ?? '', settings.datasetId)
        }))
            .filter(name => name.length <= names/* MAX_CRONJOB_NAME */.vD);
    }
    catch (error) {
        log/* log */.Rm.warning(`Could not compute CronJob names from the config (${(0,errors/* errorMessage */.g)(error)}); deleting by label only.`);
        return [];
    }
}
/** GitHub's message ("Resource not accessible by integration") names neither branch nor fix. */
async function deleteBranch(github, branch, done) {
    try {
        return await github.deleteBranch(branch);
    }
    catch (error) {
        const status = error.status;
        const deletedSoFar = done.filter(r => r.result === 'deleted').length;
        const hint = status === 403 || status === 401
            ? ' The token needs contents: write (permissions: contents: write in the workflow).'
            : '';
        throw new Error(`Could not delete the branch ${branch} through the GitHub API: ${(0,errors/* errorMessage */.g)(error)}.${hint} ` +
            `${deletedSoFar} other resource(s) were deleted; run cleanup again once this is fixed.`, { cause: error });
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
function partialFailure(failed, error, rows, kept) {
    const deleted = rows.filter(r => r.result === 'deleted').map(r => r.name);
    const done = deleted.length > 0 ? `Already deleted: ${deleted.join(', ')}.` : 'Nothing was deleted yet.';
    return new Error(`${failed}${(0,errors/* errorMessage */.g)(error)}. ${done} Kept for now: ${joinAnd(kept)}. ` +
        'Run cleanup again once this is fixed: it finishes the job.', { cause: error });
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
                throw partialFailure(`Could not delete CronJob ${namespace}/${name}: `, error, rows, [
                    ...kept,
                    ...after
                ]);
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
                    throw partialFailure('', error, rows, [
                        `Sentry monitor ${slugs.slice(i).join(', ')}`,
                        ...after
                    ]);
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
async function removeBranch(github, branch, done, dryRun) {
    const deleted = dryRun || (await deleteBranch(github, branch, done));
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
    const dataset = config?.datasets[datasetId];
    const store = config?.store && dataset
        ? (0,dataset_store/* storePath */.TJ)(config.store, datasetId, version, dataset.storeExtension)
        : null;
    const client = await deps.cronJobs();
    const targets = await log/* log */.Rm.group('Find staged CronJobs', async () => {
        const found = await client
            .list(namespace, (0,labels/* stagingSelector */.ru)(datasetId, version))
            .catch((error) => {
            throw new Error(`Could not list the staged CronJobs of ${datasetId} ${version} in namespace ${namespace}: ${(0,errors/* errorMessage */.g)(error)}. Nothing was deleted.`, { cause: error });
        });
        const labelled = found.map(c => c.metadata?.name ?? '');
        const computed = await computedNames(settings, config);
        log/* log */.Rm.info(`By label: ${labelled.join(', ') || 'none'}; by name: ${computed.join(', ') || 'none'}`);
        return cleanupTargets(labelled.filter(n => n !== ''), computed);
    });
    const sentry = settings.sentry;
    const removal = { namespace, names: targets, dryRun: settings.dryRun, sentry, branch };
    const rows = await removeCronJobs(client, removal);
    rows.push(await removeBranch(deps.github, branch, rows, settings.dryRun));
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
        store,
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
/* harmony import */ var _dataset_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6631);
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

/***/ 4092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   An: () => (/* binding */ deriveKind),
/* harmony export */   dP: () => (/* binding */ cronJobName),
/* harmony export */   mq: () => (/* binding */ checkIndexedJobName),
/* harmony export */   pE: () => (/* binding */ checkCronJobName),
/* harmony export */   vD: () => (/* reexport safe */ _kube_rules_js__WEBPACK_IMPORTED_MODULE_2__.vD)
/* harmony export */ });
/* unused harmony export longestDatasetId */
/* harmony import */ var _kube_rules_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3574);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2861);
/* harmony import */ var _ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3465);
// Staging CronJob names: {prefix}-{dataset_id}-v{version slug}-{kind}, checked against the limits
// the API server really enforces (not the 63 of a plain object name).




const KIND = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
/** The staging CronJob name, unchecked (see checkCronJobName). */
function cronJobName({ prefix, datasetId, version, kind }) {
    return `${prefix}-${datasetId}-v${(0,_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .versionSlug */ .o$)(version)}-${kind}`;
}
/** The longest dataset id whose staging name still fits in MAX_CRONJOB_NAME (may be ≤ 0). */
function longestDatasetId({ prefix, version, kind }) {
    // The 4 is the three "-" separators and the "v" before the version.
    return _kube_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_CRONJOB_NAME */ .vD - prefix.length - (0,_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .versionSlug */ .o$)(version).length - kind.length - 4;
}
/** The staging CronJob name; throws when the API server would reject it. */
function checkCronJobName(parts) {
    const name = cronJobName(parts);
    if (name.length > _kube_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_CRONJOB_NAME */ .vD) {
        const { prefix, datasetId, version, kind } = parts;
        const longest = longestDatasetId(parts);
        const context = `With prefix ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(prefix)}, version ${version} and kind ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(kind)}`;
        const advice = longest >= 1
            ? `${context}, the dataset id can be at most ${longest} characters (this one is ` +
                `${datasetId.length}): shorten the id or the name-prefix.`
            : `${context}, even a 1-character dataset id does not fit: shorten the name-prefix, ` +
                'the version or the kind (the production CronJob name after the dataset id).';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValidationError */ .yI(`CronJob name ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)} is ${name.length} characters; Kubernetes allows at most ` +
            `${_kube_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_CRONJOB_NAME */ .vD} for a CronJob (${_kube_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_DNS_LABEL */ .Mj} minus the ${_kube_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .JOB_NAME_SUFFIX */ .IU} ` +
            `characters added to its Jobs' names). ${advice}`);
    }
    if (!(0,_kube_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .isDnsSubdomain */ .sg)(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValidationError */ .yI(`CronJob name ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)} is not a valid Kubernetes name: it must be lowercase letters, ` +
            'digits, "-" and ".", starting and ending with a letter or digit, with a letter or digit ' +
            `on each side of every "." (a DNS-1123 subdomain). Check the name-prefix ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(parts.prefix)} ` +
            `and the kind ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(parts.kind)} (the production CronJob name after the dataset id).`);
    }
    return name;
}
/**
 * Indexed Jobs name each pod's hostname `{job name}-{index}`, and the API server rejects a Job whose
 * largest such hostname is not a DNS-1123 label; the CronJob controller would then fail every run.
 */
function checkIndexedJobName(name, completions) {
    const maxIndex = String(Math.max(completions, 1) - 1);
    const longestHostname = name.length + _kube_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .JOB_NAME_SUFFIX */ .IU + 1 + maxIndex.length;
    const shape = `${name}-<${_kube_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .JOB_NAME_SUFFIX */ .IU - 1} digits>-${maxIndex}`;
    const what = `CronJob ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)} runs Indexed Jobs with ${Math.max(completions, 1)} completions, so ` +
        `its pods are named like ${shape} and those names are also their hostnames`;
    if (!(0,_kube_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .isDnsLabel */ .Cd)(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValidationError */ .yI(`${what}, which cannot contain ".": rename the production CronJob without dots.`);
    }
    if (longestHostname > _kube_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_DNS_LABEL */ .Mj) {
        const fits = _kube_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_DNS_LABEL */ .Mj - _kube_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .JOB_NAME_SUFFIX */ .IU - 1 - maxIndex.length;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValidationError */ .yI(`${what}; the longest is ${longestHostname} characters but a hostname allows at most ` +
            `${_kube_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_DNS_LABEL */ .Mj}. With ${Math.max(completions, 1)} completions the CronJob name can be ` +
            `at most ${fits} characters (this one is ${name.length}): shorten the dataset id, the ` +
            'name-prefix or the kind.');
    }
}
/** The kind of a production CronJob: its name after `{datasetId}-` (e.g. update, validate). */
function deriveKind(productionName, datasetId) {
    const prefix = `${datasetId}-`;
    if (!productionName.startsWith(prefix)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValidationError */ .yI(`Production CronJob ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(productionName)} does not belong to dataset ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(datasetId)}: ` +
            `staging names CronJobs after their kind, the part of the production name after ` +
            `"${prefix}" (e.g. ${prefix}update). Rename it to "${prefix}<kind>" or remove it from ` +
            `the dataset's cronjobs.`);
    }
    const kind = productionName.slice(prefix.length);
    if (kind === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValidationError */ .yI(`Production CronJob ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(productionName)} has no kind after "${prefix}": rename it to ` +
            `"${prefix}<kind>" (e.g. ${prefix}update).`);
    }
    if (!KIND.test(kind) || kind.length > _kube_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_DNS_LABEL */ .Mj) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValidationError */ .yI(`Production CronJob ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(productionName)} has the kind ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(kind)}, which is not usable ` +
            'in names and labels: it must be at most 63 lowercase letters, digits, "-" and ".", ' +
            `starting and ending with a letter or digit. Rename it to "${prefix}<kind>".`);
    }
    return kind;
}


/***/ }),

/***/ 9905:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TJ: () => (/* binding */ storePath),
/* harmony export */   Te: () => (/* binding */ storeRemovalCommand),
/* harmony export */   ZL: () => (/* binding */ shellQuote)
/* harmony export */ });
// Where a staged version writes, and how a user removes it once the version is retired. The command
// is printed for a human, never run: the store is deleted by hand when the user is ready.
/** `{store}/{datasetId}/v{version}.{ext}`, with any trailing "/" of the store removed. */
function storePath(store, datasetId, version, ext) {
    return `${store.replace(/\/+$/, '')}/${datasetId}/v${version}.${ext}`;
}
/** Single-quotes for POSIX shells: the only character to escape inside '' is ' itself. */
function shellQuote(value) {
    return `'${value.replaceAll("'", `'\\''`)}'`;
}
/** The command that deletes the store at `path` (S3, GCS or a local/mounted path). */
function storeRemovalCommand(path) {
    if (path.startsWith('s3://'))
        return `aws s3 rm --recursive ${shellQuote(path)}`;
    if (path.startsWith('gs://'))
        return `gcloud storage rm --recursive ${shellQuote(path)}`;
    return `rm -rf ${shellQuote(path)}`;
}


/***/ }),

/***/ 1027:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ readTarget)
/* harmony export */ });
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3718);
/* harmony import */ var _ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3465);
// Which dataset version a run is about: the `dataset-id` and `version` inputs, else the stage
// branch the run is for. Shared by every mode that works on one staged version.


/** The raw id and version (checked by the caller with validateDatasetId / validateVersion). */
function readTarget(inputs, ref) {
    const datasetId = inputs.get('dataset-id');
    const version = inputs.get('version');
    if (datasetId && version)
        return { datasetId, version };
    if (!ref) {
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz("Inputs 'dataset-id' and 'version' are required when the run is not for a stage/{dataset_id}/v{version} branch.");
    }
    const parsed = (0,_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .parseStageRef */ .B1)(ref);
    return { datasetId: datasetId || parsed.datasetId, version: version || parsed.version };
}


/***/ })

};
