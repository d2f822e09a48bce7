export const id = 552;
export const ids = [552,540];
export const modules = {

/***/ 9552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployMode: () => (/* binding */ deployMode)
});

// EXTERNAL MODULE: ./src/inputs/context.ts
var context = __webpack_require__(5722);
// EXTERNAL MODULE: ./src/io/git.ts + 6 modules
var git = __webpack_require__(8005);
// EXTERNAL MODULE: ./src/kube/client.ts + 3 modules
var client = __webpack_require__(9614);
// EXTERNAL MODULE: ./src/kube/secrets.ts
var secrets = __webpack_require__(4540);
// EXTERNAL MODULE: ./src/dataset/config.ts
var config = __webpack_require__(4988);
// EXTERNAL MODULE: ./src/dataset/ref.ts
var ref = __webpack_require__(3465);
// EXTERNAL MODULE: ./src/dataset/store.ts
var store = __webpack_require__(9905);
;// CONCATENATED MODULE: ./src/deploy/report.ts
// The deploy run as a person reads it (job summary, CLI) and as later steps read it (outputs).



function deployOutputs(rows, stores) {
    return {
        cronjobs: JSON.stringify(rows),
        'store-path': stores[0] ?? '',
        'store-paths': JSON.stringify(stores)
    };
}
function count(rows, ...actions) {
    return rows.filter(r => actions.includes(r.action)).length;
}
const ACTION_ICONS = {
    created: '✅',
    updated: '🔄',
    pruned: '🗑️',
    'would create': '🔍',
    'would update': '🔍',
    'would prune': '🔍'
};
/** Which staged CronJobs never run on their own: suspended in production, staged suspended. */
function suspendedNote(rows) {
    const names = rows.filter(r => r.suspended && !r.action.includes('prune')).map(r => r.name);
    if (names.length === 0)
        return [];
    return [
        {
            text: [
                {
                    text: 'Staged suspended, like production (never run on schedule; mode trigger runs them): ',
                    icon: '⏸️'
                },
                ...names.flatMap((name, i) => [
                    ...(i > 0 ? [{ text: ', ' }] : []),
                    { text: name, code: true }
                ]),
                { text: '.' }
            ]
        }
    ];
}
function deployReport(result, settings, links = null) {
    const { rows } = result;
    const id = settings.datasetId;
    const version = settings.version;
    const headline = settings.dryRun
        ? `Dry run: would stage ${id} ${version} as ${count(rows, 'would create', 'would update')} CronJob(s); nothing applied`
        : `Staged ${id} ${version}: ${count(rows, 'created')} created, ${count(rows, 'updated')} updated, ${count(rows, 'pruned')} pruned`;
    // Whatever deploy was told beyond the defaults, cleanup must be told too.
    const cleanup = [
        `${settings.cliCommand} cleanup --dataset-id ${id} --version ${version}`,
        ...(settings.namespace ? [`--namespace ${settings.namespace}`] : []),
        ...(settings.config !== config/* DEFAULT_CONFIG */.PV ? [`--config ${(0,store/* shellQuote */.ZL)(settings.config)}`] : [])
    ].join(' ');
    // The image is a fact above the table; a column only for rows that run another one (a pruned
    // CronJob still on an older image).
    const withImage = rows.some(r => r.image !== result.image);
    const branch = (0,ref/* stageBranchName */.eH)(id, version);
    return {
        title: 'Staging deploy',
        headline,
        facts: [
            { label: 'Dataset', value: id, code: true },
            { label: 'Version', value: version, code: true },
            ...(/^[0-9a-f]{40}$/.test(settings.sha)
                ? [{ label: 'Commit', value: settings.sha, code: true, href: links?.commit(settings.sha) }]
                : []),
            { label: 'Image', value: result.image, code: true },
            { label: 'Namespace', value: result.namespace, code: true },
            ...(0,store/* storeFacts */.x0)(result.stores)
        ],
        tables: [
            {
                headers: [
                    'CronJob',
                    'Staged from',
                    'Kind',
                    'Schedule',
                    ...(withImage ? ['Image'] : []),
                    'Result'
                ],
                rows: rows.map(r => [
                    { text: r.name, code: true },
                    { text: r.production, code: true },
                    r.kind,
                    // Suspended like production: the schedule is kept but never fires.
                    r.suspended
                        ? [{ text: r.schedule, code: true }, { text: ' (suspended)' }]
                        : { text: r.schedule, code: true },
                    ...(withImage ? [{ text: r.image, code: true }] : []),
                    { text: r.action, icon: ACTION_ICONS[r.action] }
                ])
            }
        ],
        notes: [
            ...suspendedNote(rows),
            {
                text: [
                    { text: 'To remove this staged version, delete the branch ' },
                    { text: branch, code: true, href: links?.branch(branch) },
                    { text: ' (the cleanup workflow runs on delete), or run:' }
                ]
            },
            { text: cleanup, code: true },
            ...(0,store/* storeRemovalNotes */.be)(result.stores, result.stores.length > 1
                ? 'The stores are never deleted automatically. When they are no longer needed:'
                : 'The store is never deleted automatically. When it is no longer needed:')
        ]
    };
}

// EXTERNAL MODULE: ./src/dataset/errors.ts
var dataset_errors = __webpack_require__(2861);
// EXTERNAL MODULE: ./src/dataset/image.ts
var dataset_image = __webpack_require__(3741);
// EXTERNAL MODULE: ./src/dataset/labels.ts
var labels = __webpack_require__(3189);
// EXTERNAL MODULE: ./src/dataset/manifests.ts + 3 modules
var manifests = __webpack_require__(316);
// EXTERNAL MODULE: ./src/dataset/sources.ts + 1 modules
var sources = __webpack_require__(7397);
// EXTERNAL MODULE: ./src/dataset/trace.ts
var trace = __webpack_require__(8309);
// EXTERNAL MODULE: ./src/kube/errors.ts
var errors = __webpack_require__(3646);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/deploy/run.ts











/** The branch the version must differ from: input, event payload, origin/HEAD, else main. */
async function baseBranch(settings, git) {
    if (settings.baseBranch)
        return settings.baseBranch;
    if (settings.eventDefaultBranch)
        return settings.eventDefaultBranch;
    const head = await git.exec(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], {
        allowFailure: true
    });
    return head.exitCode === 0 ? head.stdout.trim().replace(/^origin\//, '') : 'main';
}
/** The commit being staged, for its annotation: null unless a full SHA is known. */
function stagedCommit(settings) {
    return /^[0-9a-f]{40}$/.test(settings.sha) ? settings.sha : null;
}
/** The staged image: `docker-image`, else `{image-repository}:{sha}`. */
function stagedImage(settings) {
    return (0,dataset_image/* checkImageReference */.rd)(settings.dockerImage ?? `${settings.imageRepository}:${settings.sha}`, settings.dockerImage ? "the 'docker-image' input" : "'image-repository':{sha}");
}
/** Everything checked before the cluster is touched; returns the CronJobs to stage. */
async function plan(settings, git) {
    const { datasetId, version } = settings;
    const image = stagedImage(settings);
    const config = await (0,sources/* requireConfig */.Eu)(settings.workspace, settings.config);
    const namespace = (0,sources/* resolveNamespace */.uP)(settings.namespace, config);
    const dataset = (0,sources/* findDataset */.YQ)(await (0,sources/* loadDatasets */.wb)(settings.workspace, config), datasetId);
    const here = await (0,sources/* versionInCheckout */.C6)(settings.workspace, dataset);
    if (here !== version) {
        throw new dataset_errors/* ValidationError */.yI(`The branch stages version ${version}, but ${(0,sources/* versionWhere */.yl)(dataset)} says ${here} at this commit. ` +
            `Bump the version to ${version}, or push to stage/${datasetId}/v${here}.`);
    }
    const base = await baseBranch(settings, git);
    const onBase = await (0,sources/* versionOnBase */.HI)(git, base, dataset);
    if (onBase === version) {
        throw new dataset_errors/* ValidationError */.yI(`Version ${version} is already the version of ${datasetId} on ${base}: a staged version must differ from production. ` +
            `Bump the version in ${(0,sources/* versionWhere */.yl)(dataset)}.`);
    }
    log/* log */.Rm.info(`${datasetId}: version ${version} at this commit; ${onBase === null ? `not on ${base} yet` : `${onBase} on ${base}`}`);
    const staged = (0,manifests/* buildStagingCronJobs */.ML)({
        prefix: config.namePrefix,
        namespace,
        datasetId,
        version,
        image,
        productionCronJobs: await (0,sources/* productionCronJobs */.AW)(settings.workspace, dataset),
        scheduleOffsetMinutes: settings.scheduleOffsetMinutes,
        kindRule: dataset.kindRule,
        trace: {
            commit: stagedCommit(settings),
            branch: (0,ref/* stageBranchName */.eH)(datasetId, version),
            runUrl: settings.runUrl
        }
    });
    const stores = (0,store/* storePaths */.om)(dataset.store, { datasetId, version, ext: dataset.storeExtension });
    return { staged, namespace, stores, image };
}
/** Applies (or dry-runs) every CronJob in parallel: which were created, and what failed. */
async function applyEach(client, staged, dryRun) {
    const results = await Promise.allSettled(staged.map(s => client.apply(s.manifest, { dryRun })));
    return {
        created: results.map(r => r.status === 'fulfilled' && r.value.created),
        failed: results.flatMap((r, i) => r.status === 'rejected' ? [`${staged[i]?.name}: ${(0,util_errors/* errorMessage */.gJ)(r.reason)}`] : []),
        applied: staged.filter((_, i) => results[i]?.status === 'fulfilled').map(s => s.name),
        errors: results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))
    };
}
/** A 4xx other than 429 is the API server judging the manifest; anything else is the server's. */
function isRejection(error) {
    const status = error instanceof errors/* KubernetesError */.d ? error.status : undefined;
    return status !== undefined && status >= 400 && status < 500 && status !== 429;
}
/** Server-side dry run of every CronJob: if the API server rejects one, none is applied. */
async function dryRunAll(client, staged) {
    const { created, failed, errors } = await applyEach(client, staged, true);
    if (failed.length === 0)
        return created;
    // 500s, 429s, timeouts and unreachable servers say nothing about the manifests.
    if (!errors.every(isRejection)) {
        throw new Error(`Could not dry-run ${failed.length} of ${staged.length} CronJob(s): the Kubernetes API server failed or could not be reached (after retries); nothing was applied. ` +
            `Run deploy again once the cluster is healthy.\n- ${failed.join('\n- ')}`);
    }
    throw new dataset_errors/* ValidationError */.yI(`The Kubernetes API server rejected ${failed.length} of ${staged.length} CronJob(s) in a dry run; nothing was applied.\n- ${failed.join('\n- ')}`);
}
/**
 * Applies every CronJob. The dry run accepted them all, so a failure here is the cluster's
 * (after the client's retries): say exactly what is live and what is not.
 */
async function applyAll(client, staged) {
    const { created, failed, applied } = await applyEach(client, staged, false);
    if (failed.length > 0) {
        throw new Error(`Applied ${applied.length} of ${staged.length} CronJob(s) (${applied.join(', ') || 'none'}); ` +
            `the API server then refused:\n- ${failed.join('\n- ')}\nThe dry run had accepted them. ` +
            'Apply is idempotent: run deploy again once the cluster is healthy.');
    }
    return created;
}
async function runDeploy(settings, deps) {
    const planned = await log/* log */.Rm.group('Validate', () => plan(settings, deps.git));
    const { namespace } = planned;
    const client = await deps.cronJobs();
    // Listing first also proves the cluster is reachable before anything is sent to it.
    const live = await client
        .list(namespace, (0,labels/* stagingSelector */.ru)(settings.datasetId, settings.version))
        .catch((error) => {
        throw new Error(`${(0,util_errors/* errorMessage */.gJ)(error)} (listing the staged CronJobs of ${settings.datasetId} ${settings.version} in namespace ${namespace}; nothing was applied)`, { cause: error });
    });
    const staged = (0,trace/* stampDeployTime */.cy)(planned.staged, live, stagedCommit(settings), deps.now());
    const wouldCreate = await log/* log */.Rm.group('Server-side dry run', () => dryRunAll(client, staged));
    const prune = (0,manifests/* planPrune */.wM)(live.map(c => ({ name: c.metadata?.name ?? '' })), staged.map(s => s.name));
    // A pruned CronJob is described as it runs now, so the report says which kind went away.
    const prunedRow = (name, action) => {
        const cronJob = live.find(c => c.metadata?.name === name);
        const podSpec = cronJob?.spec?.jobTemplate.spec?.template.spec;
        return {
            name,
            production: cronJob?.metadata?.annotations?.[labels/* SOURCE_ANNOTATION */.eM] ?? '',
            kind: (0,labels/* stagedKind */.lu)(cronJob?.metadata),
            schedule: cronJob?.spec?.schedule ?? '',
            image: podSpec?.containers.map(c => c.image ?? '').join(', ') ?? '',
            suspended: cronJob?.spec?.suspend === true,
            action
        };
    };
    const rows = [];
    const row = (s, action) => ({
        name: s.name,
        production: s.productionName,
        kind: s.kind,
        schedule: s.schedule,
        image: s.image,
        suspended: s.suspended,
        action
    });
    if (settings.dryRun) {
        staged.forEach((s, i) => rows.push(row(s, wouldCreate[i] ? 'would create' : 'would update')));
        for (const name of prune)
            rows.push(prunedRow(name, 'would prune'));
    }
    else {
        const applied = await log/* log */.Rm.group('Apply', () => applyAll(client, staged));
        staged.forEach((s, i) => {
            rows.push(row(s, applied[i] ? 'created' : 'updated'));
            log/* log */.Rm.info(`${s.name}: ${applied[i] ? 'created' : 'updated'}`);
        });
        await log/* log */.Rm.group('Prune', async () => {
            for (const [i, name] of prune.entries()) {
                try {
                    await client.delete(namespace, name);
                }
                catch (error) {
                    throw new Error(`Applied all ${staged.length} CronJob(s) (${staged.map(s => s.name).join(', ')}); then could not prune CronJob ${namespace}/${name} (no longer produced): ${(0,util_errors/* errorMessage */.gJ)(error)}. ` +
                        `Pruned before it: ${prune.slice(0, i).join(', ') || 'none'}. Run deploy again to finish pruning.`, { cause: error });
                }
                log/* log */.Rm.info(`${name}: pruned (no longer produced)`);
                rows.push(prunedRow(name, 'pruned'));
            }
        });
    }
    return { namespace, stores: planned.stores, image: planned.image, rows };
}

// EXTERNAL MODULE: ./src/dataset/target.ts
var dataset_target = __webpack_require__(1027);
// EXTERNAL MODULE: ./src/inputs/parse.ts
var parse = __webpack_require__(3718);
;// CONCATENATED MODULE: ./src/deploy/settings.ts
// deploy's settings: every input it reads, parsed once into a typed object.





function readDeploySettings(inputs, env) {
    const event = (0,context/* readEvent */.j_)(env);
    const base = (0,context/* readContext */.yI)(inputs, env);
    const target = (0,dataset_target/* readTarget */._)(inputs, env.GITHUB_REF || null);
    const sha = inputs.get('sha') || env.GITHUB_SHA || '';
    const dockerImage = inputs.get('docker-image') || null;
    const imageRepository = inputs.get('image-repository') || null;
    if (!dockerImage && (!imageRepository || !/^[0-9a-f]{40}$/.test(sha))) {
        throw new parse/* InputError */.dz("Set 'docker-image' (e.g. ghcr.io/org/app:<sha>), or 'image-repository' to use {image-repository}:{github.sha}" +
            (imageRepository ? ` (the commit SHA '${sha}' is not a full 40-character SHA).` : '.'));
    }
    return {
        ...base,
        mode: 'deploy',
        datasetId: (0,ref/* validateDatasetId */.Wc)(target.datasetId),
        version: (0,ref/* validateVersion */.Pj)(target.version),
        dockerImage,
        imageRepository,
        sha,
        config: inputs.get('config') || config/* DEFAULT_CONFIG */.PV,
        namespace: inputs.get('namespace') || null,
        kubeconfig: inputs.get('kubeconfig') || null,
        scheduleOffsetMinutes: (0,parse/* parseInteger */.cG)('schedule-offset-minutes', inputs.get('schedule-offset-minutes'), 0),
        baseBranch: (0,parse/* optionalBranch */.vf)('base-branch', inputs.get('base-branch')),
        eventDefaultBranch: (0,context/* eventString */.O5)(event, 'repository', 'default_branch')
    };
}

;// CONCATENATED MODULE: ./src/deploy/mode.ts
// The deploy mode: stage one dataset version's CronJobs from a push to its stage branch.







const deployMode = {
    readSettings: readDeploySettings,
    secrets: settings => (0,secrets.kubeconfigSecrets)(settings.kubeconfig),
    connect: settings => ({
        git: new git/* Git */.TU(settings.workspace, { requestTimeoutMs: settings.requestTimeoutMs }),
        cronJobs: () => (0,client.connectKubernetes)(settings.kubeconfig, settings.requestTimeoutMs).cronJobs,
        now: () => new Date()
    }),
    run: runDeploy,
    report: (result, settings) => ({
        report: deployReport(result, settings, (0,context/* webLinks */.Ee)(settings)),
        outputs: deployOutputs(result.rows, result.stores)
    })
};


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
