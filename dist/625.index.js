export const id = 625;
export const ids = [625];
export const modules = {

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


/***/ }),

/***/ 6542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OP: () => (/* binding */ failureReasons),
/* harmony export */   Yr: () => (/* binding */ jobOutcome),
/* harmony export */   gX: () => (/* binding */ owningCronJob),
/* harmony export */   lO: () => (/* binding */ latestJob)
/* harmony export */ });
function condition(job, type) {
    return job.status?.conditions?.find(c => c.type === type && c.status === 'True') ?? null;
}
/** Complete (or SuccessCriteriaMet) → succeeded; Failed (or FailureTarget) → failed; else running. */
function jobOutcome(job) {
    if (condition(job, 'Complete') ?? condition(job, 'SuccessCriteriaMet'))
        return 'succeeded';
    if (condition(job, 'Failed') ?? condition(job, 'FailureTarget'))
        return 'failed';
    return 'running';
}
function time(value) {
    return value === undefined ? 0 : new Date(value).getTime();
}
/** The most recently created Job (ties: the later name), or null. */
function latestJob(jobs) {
    let latest = null;
    for (const job of jobs) {
        const [a, b] = [
            time(job.metadata?.creationTimestamp),
            time(latest?.metadata?.creationTimestamp)
        ];
        if (!latest ||
            a > b ||
            (a === b && (job.metadata?.name ?? '') > (latest.metadata?.name ?? ''))) {
            latest = job;
        }
    }
    return latest;
}
/** The name of the CronJob that owns the Job, or null. */
function owningCronJob(job) {
    return job.metadata?.ownerReferences?.find(o => o.kind === 'CronJob')?.name ?? null;
}
/**
 * Why a Job failed, one line each: the Job's Failed condition, then every container of its pods
 * that ended badly (exit code, reason, message) or cannot start (ImagePullBackOff, ...).
 */
function failureReasons(job, pods) {
    const reasons = [];
    const failed = condition(job, 'Failed');
    if (failed)
        reasons.push([failed.reason, failed.message].filter(Boolean).join(': ') || 'Failed');
    const sorted = [...pods].sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
    for (const pod of sorted) {
        const statuses = [
            ...(pod.status?.initContainerStatuses ?? []),
            ...(pod.status?.containerStatuses ?? [])
        ];
        for (const status of statuses) {
            const ended = status.state?.terminated ?? status.lastState?.terminated;
            const waiting = status.state?.waiting;
            let what = null;
            if (ended && ended.exitCode !== 0) {
                what = `exited ${ended.exitCode}${ended.reason ? ` (${ended.reason})` : ''}${ended.message ? `: ${ended.message.trim()}` : ''}`;
            }
            else if (waiting?.reason &&
                waiting.reason !== 'ContainerCreating' &&
                waiting.reason !== 'PodInitializing') {
                what = `${waiting.reason}${waiting.message ? `: ${waiting.message.trim()}` : ''}`;
            }
            if (what)
                reasons.push(`pod ${pod.metadata?.name ?? '?'}, container ${status.name}: ${what}`);
        }
        if (statuses.length === 0 && pod.status?.reason) {
            reasons.push(`pod ${pod.metadata?.name ?? '?'}: ${pod.status.reason}${pod.status.message ? `: ${pod.status.message}` : ''}`);
        }
    }
    return reasons;
}


/***/ }),

/***/ 8625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  triggerMode: () => (/* binding */ triggerMode)
});

// EXTERNAL MODULE: ./src/kube/client.ts + 3 modules
var client = __webpack_require__(9614);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
;// CONCATENATED MODULE: ./src/trigger/report.ts

const ICONS = {
    created: '🚀',
    'would create': '🔍',
    succeeded: '✅',
    failed: '❌',
    'timed out': '⏱️'
};
function triggerReport(result, settings) {
    const { rows } = result;
    const count = (outcome) => rows.filter(r => r.outcome === outcome).length;
    const what = `${settings.datasetId} ${settings.version}`;
    const failed = count('failed');
    const timedOut = count('timed out');
    let headline;
    if (settings.dryRun)
        headline = `Dry run: would run ${rows.length} Job(s) of ${what}; nothing created`;
    else if (settings.waitMs === null)
        headline = `Started ${rows.length} Job(s) of ${what}`;
    else {
        headline = `Ran ${rows.length} Job(s) of ${what}: ${count('succeeded')} succeeded, ${failed} failed, ${timedOut} timed out`;
    }
    const report = {
        title: 'Staging trigger',
        headline,
        facts: [
            { label: 'Dataset', value: settings.datasetId, code: true },
            { label: 'Version', value: settings.version, code: true },
            { label: 'Namespace', value: result.namespace, code: true },
            ...(settings.waitMs !== null
                ? [{ label: 'Wait', value: (0,duration/* formatDuration */.a)(settings.waitMs) }]
                : [])
        ],
        tables: [
            {
                headers: ['Job', 'CronJob', 'Kind', 'Outcome', 'Details'],
                rows: rows.map(r => [
                    { text: r.name, code: true },
                    { text: r.cronJob, code: true },
                    r.kind,
                    { text: r.outcome, icon: ICONS[r.outcome] },
                    r.reasons.join('; ')
                ])
            }
        ],
        notes: [
            ...(timedOut > 0
                ? [{ text: 'Timed-out Jobs keep running; follow them with:' }]
                : settings.waitMs === null && !settings.dryRun
                    ? [{ text: 'The Jobs run on; follow them with:' }]
                    : []),
            ...(timedOut > 0 || (settings.waitMs === null && !settings.dryRun)
                ? [
                    {
                        text: rows
                            .filter(r => r.outcome === 'created' || r.outcome === 'timed out')
                            .map(r => `kubectl --namespace ${result.namespace} logs --follow job/${r.name}`)
                            .join('\n'),
                        code: true
                    }
                ]
                : [])
        ]
    };
    const problems = rows.filter(r => r.outcome === 'failed' || r.outcome === 'timed out');
    return {
        report,
        outputs: {
            jobs: JSON.stringify(rows.map(r => ({ name: r.name, cronJob: r.cronJob, kind: r.kind, outcome: r.outcome })))
        },
        ...(problems.length > 0
            ? {
                failure: `${failed} Job(s) of ${what} failed and ${timedOut} timed out: ${problems
                    .map(r => `${r.name} ${r.outcome}${r.reasons.length > 0 ? ` (${r.reasons.join('; ')})` : ''}`)
                    .join(', ')}`
            }
            : {})
    };
}

// EXTERNAL MODULE: ./src/dataset/errors.ts
var errors = __webpack_require__(2861);
// EXTERNAL MODULE: ./src/dataset/labels.ts
var labels = __webpack_require__(3189);
// EXTERNAL MODULE: ./src/dataset/ref.ts
var ref = __webpack_require__(3465);
// EXTERNAL MODULE: ./src/dataset/sources.ts + 1 modules
var sources = __webpack_require__(7397);
// EXTERNAL MODULE: ./src/kube/job-state.ts
var job_state = __webpack_require__(6542);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/kube/rules.ts
var rules = __webpack_require__(3574);
;// CONCATENATED MODULE: ./src/trigger/job.ts

const INSTANTIATE_ANNOTATION = 'cronjob.kubernetes.io/instantiate';
// generateName's alphabet: no vowels (no words), no look-alikes (0/o, 1/l).
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const SUFFIX_LENGTH = 5;
/** A random `SUFFIX_LENGTH`-character name suffix, from `random` (values in [0, 1)). */
function nameSuffix(random = Math.random) {
    let suffix = '';
    for (let i = 0; i < SUFFIX_LENGTH; i++) {
        suffix += SUFFIX_ALPHABET[Math.floor(random() * SUFFIX_ALPHABET.length)] ?? 'x';
    }
    return suffix;
}
/** The Job that runs `cronJob` now; `suffix` makes its name distinct from every other run's. */
function manualJob(cronJob, suffix) {
    const name = cronJob.metadata?.name ?? '';
    const uid = cronJob.metadata?.uid ?? '';
    const template = structuredClone(cronJob.spec?.jobTemplate ?? {});
    const spec = template.spec;
    if (!name || !uid || !spec) {
        throw new Error(`CronJob '${name}' as read from the cluster has no name, uid or job template`);
    }
    const indexed = spec.completionMode === 'Indexed' ? (spec.completions ?? 1) : null;
    return {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: {
            name: (0,rules/* manualJobName */.nz)(name, suffix, indexed),
            namespace: cronJob.metadata?.namespace,
            labels: { ...template.metadata?.labels },
            annotations: { ...template.metadata?.annotations, [INSTANTIATE_ANNOTATION]: 'manual' },
            ownerReferences: [
                {
                    apiVersion: 'batch/v1',
                    kind: 'CronJob',
                    name,
                    uid,
                    controller: true,
                    blockOwnerDeletion: true
                }
            ]
        },
        spec
    };
}

;// CONCATENATED MODULE: ./src/trigger/run.ts







/** The staged CronJobs to run: by labels, of one kind or all; errors say what is there instead. */
function selectCronJobs(cronJobs, settings, namespace) {
    const what = `${settings.datasetId} ${settings.version}`;
    if (cronJobs.length === 0) {
        throw new errors/* ValidationError */.yI(`No staged CronJobs of ${what} in namespace ${namespace}. Deploy it first (push ${(0,ref/* stageBranchName */.eH)(settings.datasetId, settings.version)}), or pass the namespace it was deployed to.`);
    }
    const kindOf = (c) => (0,labels/* stagedKind */.lu)(c.metadata);
    const selected = settings.kind === null ? [...cronJobs] : cronJobs.filter(c => kindOf(c) === settings.kind);
    if (selected.length === 0) {
        const kinds = [...new Set(cronJobs.map(kindOf))].sort().join(', ');
        throw new errors/* ValidationError */.yI(`${what} has no staged CronJob of kind ${(0,errors/* quote */.hD)(settings.kind ?? '')} in namespace ${namespace}; its kinds: ${kinds}.`);
    }
    return selected.sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
}
async function follow(cluster, namespace, rows, settings, deps) {
    const deadline = deps.now() + (settings.waitMs ?? 0);
    let pending = rows.filter(r => r.outcome === 'created');
    while (pending.length > 0) {
        for (const row of pending) {
            const job = await cluster.jobs.get(namespace, row.name);
            if (job === null) {
                row.outcome = 'failed';
                row.reasons = ['the Job was deleted before it finished'];
                continue;
            }
            const outcome = (0,job_state/* jobOutcome */.Yr)(job);
            if (outcome === 'running')
                continue;
            row.outcome = outcome;
            if (outcome === 'failed')
                row.reasons = await reasons(cluster, namespace, job);
            log/* log */.Rm.info(`${row.name}: ${outcome}`);
        }
        pending = pending.filter(r => r.outcome === 'created');
        const left = deadline - deps.now();
        if (pending.length === 0)
            break;
        if (left <= 0) {
            for (const row of pending) {
                row.outcome = 'timed out';
                const job = await cluster.jobs.get(namespace, row.name);
                row.reasons = job ? await reasons(cluster, namespace, job) : [];
                log/* log */.Rm.info(`${row.name}: still running when the wait ran out`);
            }
            break;
        }
        await deps.sleep(Math.min(deps.pollMs, left));
    }
}
async function reasons(cluster, namespace, job) {
    return (0,job_state/* failureReasons */.OP)(job, await cluster.jobs.pods(namespace, job.metadata?.name ?? ''));
}
async function runTrigger(settings, deps) {
    const config = await (0,sources/* loadConfig */.Z9)(settings.workspace, settings.config);
    const namespace = (0,sources/* resolveNamespace */.uP)(settings.namespace, config);
    const cluster = await deps.cluster();
    const found = await cluster.cronJobs.list(namespace, (0,labels/* stagingSelector */.ru)(settings.datasetId, settings.version));
    const selected = selectCronJobs(found, settings, namespace);
    const rows = [];
    await log/* log */.Rm.group(settings.dryRun ? 'Create Jobs (server-side dry run)' : 'Create Jobs', async () => {
        for (const cronJob of selected) {
            const job = manualJob(cronJob, nameSuffix(deps.random));
            const created = await cluster.jobs.create(job, { dryRun: settings.dryRun });
            const name = created.metadata?.name ?? job.metadata?.name ?? '';
            log/* log */.Rm.info(`${name}: ${settings.dryRun ? 'would create' : 'created'} from ${cronJob.metadata?.name}`);
            rows.push({
                name,
                cronJob: cronJob.metadata?.name ?? '',
                kind: (0,labels/* stagedKind */.lu)(cronJob.metadata),
                outcome: settings.dryRun ? 'would create' : 'created',
                reasons: []
            });
        }
    });
    if (settings.waitMs !== null && !settings.dryRun) {
        await log/* log */.Rm.group('Wait for the Jobs', () => follow(cluster, namespace, rows, settings, deps));
    }
    return { namespace, rows };
}

// EXTERNAL MODULE: ./src/dataset/config.ts
var config = __webpack_require__(4988);
// EXTERNAL MODULE: ./src/dataset/target.ts
var dataset_target = __webpack_require__(1027);
// EXTERNAL MODULE: ./src/inputs/context.ts
var context = __webpack_require__(5722);
;// CONCATENATED MODULE: ./src/trigger/settings.ts
// trigger's settings: every input it reads, parsed once into a typed object.






// A kind is a label value the deploy wrote (see deriveKind): anything else cannot match.
const KIND = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
function readTriggerSettings(inputs, env) {
    const base = (0,context/* readContext */.yI)(inputs, env);
    const target = (0,dataset_target/* readTarget */._)(inputs, env.GITHUB_REF || null);
    const kind = inputs.get('kind') || null;
    if (kind !== null && (!KIND.test(kind) || kind.length > 63)) {
        throw new errors/* ValidationError */.yI(`Input 'kind' ${(0,errors/* quote */.hD)(kind)} is not a CronJob kind: kinds are lowercase letters, digits, "-" and ".", such as update or validate.`);
    }
    return {
        ...base,
        mode: 'trigger',
        datasetId: (0,ref/* validateDatasetId */.Wc)(target.datasetId),
        version: (0,ref/* validateVersion */.Pj)(target.version),
        kind,
        waitMs: (0,duration/* parseDuration */.E)('wait', inputs.get('wait')),
        config: inputs.get('config') || config/* DEFAULT_CONFIG */.PV,
        namespace: inputs.get('namespace') || null,
        kubeconfig: inputs.get('kubeconfig') || null
    };
}

;// CONCATENATED MODULE: ./src/trigger/mode.ts
// The trigger mode: run a staged version's CronJobs now, as `kubectl create job --from` does.





// Often enough that a short wait ends soon after the Job, rarely enough for a 30-minute one.
const POLL_MS = 2000;
const triggerMode = {
    readSettings: readTriggerSettings,
    secrets: settings => [settings.kubeconfig],
    connect: settings => ({
        cluster: () => (0,client.connectKubernetes)(settings.kubeconfig, settings.requestTimeoutMs),
        pollMs: POLL_MS,
        sleep: retry/* sleep */.yy,
        now: () => Date.now(),
        random: Math.random
    }),
    run: runTrigger,
    report: triggerReport
};


/***/ }),

/***/ 6518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3718);
// Durations as people write them in workflow inputs (`30m`, `2h`, `7d`, `1h30m`), and back.

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+)([smhd])/g;
const WHOLE = /^(\d+[smhd])+$/;
// setTimeout and Date arithmetic stay exact far beyond this; anything longer is a typo.
const MAX_MS = 366 * UNIT_MS.d;
/** Milliseconds of `raw` (`90s`, `30m`, `2h`, `7d`, `1h30m`); null when empty; throws otherwise. */
function parseDuration(name, raw) {
    const value = raw.trim();
    if (value === '')
        return null;
    const expected = 'Expected a duration: a whole number and a unit s, m, h or d, e.g. 30m, 2h, 7d or 1h30m.';
    if (/^\d+$/.test(value)) {
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid duration '${raw}' for input '${name}': it has no unit. ${expected}`);
    }
    if (!WHOLE.test(value))
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid duration '${raw}' for input '${name}'. ${expected}`);
    let ms = 0;
    for (const [, amount, unit] of value.matchAll(PART))
        ms += Number(amount) * UNIT_MS[unit];
    if (ms === 0) {
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid duration '${raw}' for input '${name}': it must be longer than 0. ${expected}`);
    }
    if (ms > MAX_MS) {
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid duration '${raw}' for input '${name}': at most 366d.`);
    }
    return ms;
}
/** The largest two units of `ms`, e.g. `2d 3h`, `45m`, `12s`; `0s` for anything under a second. */
function formatDuration(ms) {
    let rest = Math.max(0, Math.floor(ms / 1000));
    const parts = [];
    for (const [unit, size] of [
        ['d', 86_400],
        ['h', 3600],
        ['m', 60],
        ['s', 1]
    ]) {
        const amount = Math.floor(rest / size);
        rest -= amount * size;
        if (amount > 0 || (parts.length > 0 && parts.length < 2))
            parts.push(`${amount}${unit}`);
        if (parts.length === 2)
            break;
    }
    const shown = parts.filter((p, i) => i === 0 || !p.startsWith('0'));
    return shown.length > 0 ? shown.join(' ') : '0s';
}


/***/ })

};
