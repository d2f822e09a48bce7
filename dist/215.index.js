export const id = 215;
export const ids = [215];
export const modules = {

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
// EXTERNAL MODULE: ./src/io/git.ts
var git = __webpack_require__(7500);
// EXTERNAL MODULE: ./src/kube/client.ts + 3 modules
var client = __webpack_require__(9614);
// EXTERNAL MODULE: ./src/dataset/store.ts
var dataset_store = __webpack_require__(9905);
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
    const stores = retired.map(s => s.store).filter((s) => s !== null);
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
                    { text: stores.map(dataset_store/* storeRemovalCommand */.Te).join('\n'), code: true }
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
    const now = new Date().toISOString();
    const cluster = await deps.cluster();
    const swept = [];
    for (const version of inventory.versions) {
        const judgement = judge(version, {
            maxAgeMs: settings.maxAgeMs,
            now,
            defaultBranch: inventory.defaultBranch
        });
        const dataset = inventory.config?.datasets[version.datasetId];
        const store = inventory.config?.store && dataset
            ? (0,dataset_store/* storePath */.TJ)(inventory.config.store, version.datasetId, version.version, dataset.storeExtension)
            : null;
        log/* log */.Rm.info(`${version.datasetId} ${version.version}: ${judgement.verdict} (${judgement.reason})`);
        if (judgement.verdict === 'live') {
            swept.push({ ...judgement, version, rows: [], store });
            continue;
        }
        // An orphan's branch is already gone: nothing to delete, nothing to report.
        const branch = version.branchExists === false ? null : version.branch;
        const rows = await (0,run/* removeCronJobs */.le)(cluster.cronJobs, {
            namespace: inventory.namespace,
            names: version.cronJobs.map(c => c.name),
            dryRun: settings.dryRun,
            sentry: settings.sentry,
            branch
        });
        if (branch !== null) {
            rows.push(await (0,run/* removeBranch */.VS)(deps.github, branch, rows, settings.dryRun));
        }
        swept.push({ ...judgement, version, rows, store });
    }
    return {
        namespace: inventory.namespace,
        config: inventory.config,
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
            github: new github/* GitHub */.g((0,github/* createOctokit */.Q)(settings.githubToken, settings.apiUrl, settings.requestTimeoutMs), settings.repository),
            git: new git/* Git */.T(settings.workspace),
            // One connection for the inventory and the removals.
            cluster: () => (cluster ??= (0,client.connectKubernetes)(settings.kubeconfig, settings.requestTimeoutMs))
        };
    },
    run: runSweep,
    report: sweepReport
};


/***/ })

};
