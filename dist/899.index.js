export const id = 899;
export const ids = [899];
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
            outputs: { cronjobs: '[]', 'store-path': '' }
        };
    }
    return {
        report: cleanedReport(settings, result),
        outputs: {
            cronjobs: JSON.stringify(result.rows
                .filter(r => r.resource === 'CronJob')
                .map(r => ({ name: r.name, action: r.result }))),
            'store-path': result.store ?? ''
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
            ...(context.store ? [{ label: 'Store (not deleted)', value: context.store, code: true }] : [])
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
            ...(context.store
                ? [
                    {
                        text: 'The dataset store is never deleted by cleanup. Remove it by hand when it is no longer needed:'
                    },
                    { text: (0,store/* storeRemovalCommand */.Te)(context.store), code: true }
                ]
                : [])
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
        ...(0,secrets/* kubeconfigSecrets */.h)(settings.kubeconfig)
    ],
    connect: settings => ({
        github: new github/* GitHub */.g((0,github/* createOctokit */.Q)(settings.githubToken, settings.apiUrl, settings.requestTimeoutMs), settings.repository),
        cronJobs: () => (0,client.connectKubernetes)(settings.kubeconfig, settings.requestTimeoutMs).cronJobs
    }),
    run: run/* runCleanup */.Kt,
    report: cleanupReport
};


/***/ }),

/***/ 6557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ createOctokit),
/* harmony export */   g: () => (/* binding */ GitHub)
/* harmony export */ });
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5250);
/* harmony import */ var _octokit_plugin_paginate_graphql__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3178);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6856);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5625);
/* harmony import */ var _util_timeout_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4991);






const StagingOctokit = _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_0__/* .GitHub */ .gq.plugin(_octokit_plugin_paginate_graphql__WEBPACK_IMPORTED_MODULE_3__/* .paginateGraphQL */ .T, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A);
function onLimit(kind) {
    return (retryAfter, options, _octokit, retryCount) => {
        _log_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.warning(`GitHub ${kind} on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
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
// The plugin only calls `write.key(id).schedule(options, job)`; a Bottleneck group that runs
// the job at once is all an unpaced lane needs.
const UNPACED = {
    key: () => ({
        schedule: (_options, job, ...args) => job(...args)
    })
};
function client(token, baseUrl, timeoutMs, paced) {
    // Wraps @actions/github's own fetch, which honours the runner's proxy settings.
    const base = _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_0__/* .defaults */ .NT.request?.fetch ?? fetch;
    return new StagingOctokit((0,_actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_0__/* .getOctokitOptions */ .EG)(token, {
        baseUrl,
        userAgent: 'staging-action',
        request: { fetch: (0,_util_timeout_js__WEBPACK_IMPORTED_MODULE_2__/* .fetchWithTimeout */ .u9)(timeoutMs, base) },
        throttle: {
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit'),
            ...(paced ? {} : { write: UNPACED })
        }
    }));
}
/**
 * Octokit with GraphQL pagination, retries of 5xx, waiting out (secondary) rate limits, and a
 * deadline on every request (not retried: see RequestTimeoutError).
 */
function createOctokit(token, baseUrl, timeoutMs = _util_timeout_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_REQUEST_TIMEOUT_S */ .Qm * 1000) {
    return {
        reads: client(token, baseUrl, timeoutMs, false),
        writes: client(token, baseUrl, timeoutMs, true)
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
        const data = await this.clients.reads.graphql(DEFAULT_BRANCH_QUERY, { owner: this.repository.owner, repo: this.repository.repo });
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
    /** A paginated GraphQL query (octokit's plugin merges the pages of the one connection). */
    paginate(query, variables) {
        return this.clients.reads.graphql.paginate(query, variables);
    }
    async createStatus(sha, status) {
        await this.clients.writes.rest.repos.createCommitStatus({
            owner: this.repository.owner,
            repo: this.repository.repo,
            sha,
            state: status.state,
            context: status.context,
            // GitHub rejects descriptions over 140 characters.
            description: status.description.length > 140
                ? `${status.description.slice(0, 139)}…`
                : status.description,
            ...(status.targetUrl ? { target_url: status.targetUrl } : {})
        });
    }
    /** Deletes `refs/heads/<branch>`; false when it was already gone. */
    async deleteBranch(branch) {
        try {
            await this.clients.writes.rest.git.deleteRef({
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

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ kubeconfigSecrets)
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
