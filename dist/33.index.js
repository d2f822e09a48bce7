export const id = 33;
export const ids = [33];
export const modules = {

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

/***/ 3138:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  z: () => (/* binding */ readInventory)
});

// EXTERNAL MODULE: ./src/dataset/errors.ts
var errors = __webpack_require__(2861);
// EXTERNAL MODULE: ./src/dataset/labels.ts
var labels = __webpack_require__(3189);
// EXTERNAL MODULE: ./src/dataset/sources.ts + 1 modules
var sources = __webpack_require__(7397);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/status/promoted.ts


async function defaultBranchVersions(git, defaultBranch, 
/** The checkout's datasets; `unknown` when its catalog command could not be read. */
datasets, datasetIds) {
    const versions = new Map();
    const catalogs = new Map();
    for (const id of new Set(datasetIds)) {
        const dataset = datasets && 'byId' in datasets ? datasets.byId.get(id) : undefined;
        if (!defaultBranch)
            versions.set(id, { unknown: 'the repository has no default branch' });
        else if (!datasets)
            versions.set(id, { unknown: 'no staging config in the checkout' });
        else if ('unknown' in datasets)
            versions.set(id, { unknown: datasets.unknown });
        else if (!dataset)
            versions.set(id, { unknown: `${id} is not in the staging config` });
        else {
            try {
                versions.set(id, { version: await (0,sources/* versionOnBase */.HI)(git, defaultBranch, dataset, catalogs) });
            }
            catch (error) {
                versions.set(id, { unknown: (0,util_errors/* errorMessage */.gJ)(error) });
            }
        }
    }
    return versions;
}

// EXTERNAL MODULE: ./src/dataset/trace.ts
var trace = __webpack_require__(8309);
// EXTERNAL MODULE: ./src/dataset/ref.ts
var ref = __webpack_require__(3465);
// EXTERNAL MODULE: ./src/kube/job-state.ts
var job_state = __webpack_require__(6542);
// EXTERNAL MODULE: ./src/kube/rules.ts
var rules = __webpack_require__(3574);
;// CONCATENATED MODULE: ./src/status/staged.ts





/** RFC 3339 to the second, whether client-node gave a Date or the server's string. */
function timestamp(value) {
    if (value === undefined || value === null)
        return null;
    const date = typeof value === 'string' ? new Date(value) : value;
    return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
function deployedAt(metadata) {
    const applies = (metadata?.managedFields ?? [])
        .filter(m => m.manager === rules/* FIELD_MANAGER */.vy && m.time !== undefined)
        .map(m => timestamp(m.time))
        .filter((t) => t !== null)
        .sort();
    return applies.at(-1) ?? timestamp(metadata?.creationTimestamp);
}
function cronJobStatus(cronJob, kind, jobs) {
    const name = cronJob.metadata?.name ?? '';
    const images = [
        ...new Set((cronJob.spec?.jobTemplate.spec?.template.spec?.containers ?? []).map(c => c.image ?? ''))
    ].filter(i => i !== '');
    // The tag says what runs; the annotation (deploy's commit) covers images tagged otherwise.
    const annotated = cronJob.metadata?.annotations?.[trace/* COMMIT_ANNOTATION */._u];
    const commit = images.map(i => /:([0-9a-f]{40})$/.exec(i)?.[1]).find(c => c !== undefined) ??
        (annotated !== undefined && /^[0-9a-f]{40}$/.test(annotated) ? annotated : undefined);
    const latest = (0,job_state/* latestJob */.lO)(jobs.filter(j => (0,job_state/* owningCronJob */.gX)(j) === name));
    return {
        name,
        kind,
        schedule: cronJob.spec?.schedule ?? '',
        suspended: cronJob.spec?.suspend === true,
        lastScheduleTime: timestamp(cronJob.status?.lastScheduleTime),
        lastSuccessfulTime: timestamp(cronJob.status?.lastSuccessfulTime),
        active: cronJob.status?.active?.length ?? 0,
        latestJob: latest ? { name: latest.metadata?.name ?? '', outcome: (0,job_state/* jobOutcome */.Yr)(latest) } : null,
        image: images.join(', '),
        commit: commit ?? null,
        deployedAt: deployedAt(cronJob.metadata)
    };
}
/**
 * Groups the staged CronJobs by dataset version, sorted by dataset id then version then name.
 * CronJobs whose labels do not name a valid dataset id and version are left out (and returned in
 * `unlabelled`): they are not this action's to report or retire.
 */
function groupStaged(input) {
    const groups = new Map();
    const unlabelled = [];
    for (const cronJob of input.cronJobs) {
        const identity = (0,labels/* stagedIdentity */.DZ)(cronJob.metadata);
        if (!identity || (0,ref/* datasetIdProblem */.dk)(identity.datasetId) || (0,ref/* versionProblem */.Ec)(identity.version)) {
            unlabelled.push(cronJob.metadata?.name ?? '');
            continue;
        }
        const datasetId = identity.datasetId;
        const version = identity.version;
        const key = `${datasetId}\0${version}`;
        let group = groups.get(key);
        if (!group) {
            const branch = (0,ref/* stageBranchName */.eH)(datasetId, version);
            const known = input.defaultVersions.get(datasetId);
            const defaultVersion = known && 'version' in known ? known.version : null;
            group = {
                datasetId,
                version,
                branch,
                branchExists: input.branches ? input.branches.has(branch) : null,
                defaultVersion,
                promoted: known && 'version' in known ? known.version === version : null,
                deployedAt: null,
                cronJobs: []
            };
            groups.set(key, group);
        }
        group.cronJobs.push(cronJobStatus(cronJob, identity.kind, input.jobs));
    }
    const versions = [...groups.values()].sort((a, b) => a.datasetId === b.datasetId ? compare(a.version, b.version) : compare(a.datasetId, b.datasetId));
    for (const group of versions) {
        group.cronJobs.sort((a, b) => compare(a.name, b.name));
        group.deployedAt =
            group.cronJobs
                .map(c => c.deployedAt)
                .filter((t) => t !== null)
                .sort()
                .at(-1) ?? null;
    }
    return { versions, unlabelled: unlabelled.sort() };
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/status/inventory.ts






/**
 * The checkout's datasets. status is read-only, so a catalog command that fails is a warning
 * there (promotion becomes unknown); sweep refuses to remove anything on it.
 */
async function readDatasets(workspace, config) {
    if (!config)
        return { datasets: null, catalogError: null };
    try {
        return { datasets: await (0,sources/* loadDatasets */.wb)(workspace, config), catalogError: null };
    }
    catch (error) {
        if (!(error instanceof errors/* StagingError */.QH))
            throw error;
        log/* log */.Rm.warning(`Could not read the datasets of ${config.source}: ${error.message}`);
        const why = `the datasets of ${config.source} could not be read: ${error.message}`;
        return { datasets: null, catalogError: why };
    }
}
async function readInventory(settings, deps) {
    const config = await (0,sources/* loadConfig */.Z9)(settings.workspace, settings.config);
    const namespace = (0,sources/* resolveNamespace */.uP)(settings.namespace, config);
    const { datasets, catalogError } = await readDatasets(settings.workspace, config);
    const cluster = await deps.cluster();
    return log/* log */.Rm.group(`Read staged versions in namespace ${namespace}`, async () => {
        const [cronJobs, jobs, refs] = await Promise.all([
            cluster.cronJobs.list(namespace, labels/* MANAGED_SELECTOR */.oi),
            cluster.jobs.list(namespace, labels/* MANAGED_SELECTOR */.oi),
            deps.github.stageBranches()
        ]);
        const ids = cronJobs.map(c => (0,labels/* stagedIdentity */.DZ)(c.metadata)?.datasetId ?? '');
        const defaults = await defaultBranchVersions(deps.git, refs.defaultBranch, catalogError === null ? datasets : { unknown: catalogError }, ids.filter(id => id !== ''));
        const { versions, unlabelled } = groupStaged({
            cronJobs,
            jobs,
            branches: refs.branches,
            defaultVersions: defaults
        });
        const unknownVersions = new Map();
        for (const [id, known] of defaults) {
            if ('unknown' in known)
                unknownVersions.set(id, known.unknown);
        }
        for (const [id, why] of unknownVersions) {
            log/* log */.Rm.warning(`Cannot tell whether ${id} was promoted: ${why}`);
        }
        log/* log */.Rm.info(`${cronJobs.length} staged CronJob(s) in ${versions.length} version(s); ${refs.branches.size} stage branch(es); default branch ${refs.defaultBranch ?? '(none)'}`);
        return {
            namespace,
            config,
            datasets,
            catalogError,
            defaultBranch: refs.defaultBranch,
            versions,
            unknownVersions,
            unlabelled
        };
    });
}


/***/ }),

/***/ 2814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xt: () => (/* binding */ statusReport),
/* harmony export */   iN: () => (/* binding */ versionFacts)
/* harmony export */ });
/* unused harmony exports ago, versionTable */
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6518);

/** "3h 5m ago" for a timestamp, relative to `now`; "never" for none. */
function ago(time, now) {
    if (time === null)
        return 'never';
    return `${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(new Date(now).getTime() - new Date(time).getTime())} ago`;
}
/** One line on a version: its branch, whether the default branch carries it, its last deploy. */
function versionFacts(v, defaultBranch, now) {
    const branch = v.branchExists === null ? 'branch unknown' : v.branchExists ? 'branch exists' : 'branch gone';
    const base = defaultBranch ?? 'the default branch';
    const promoted = v.promoted === null
        ? `promotion unknown`
        : v.promoted
            ? `promoted (${base} has ${v.version})`
            : `not promoted (${base} has ${v.defaultVersion ?? 'no version'})`;
    return `${branch}; ${promoted}; deployed ${ago(v.deployedAt, now)}`;
}
const OUTCOME_ICONS = {
    succeeded: '✅',
    failed: '❌',
    running: '⏳'
};
function row(c, now) {
    const latest = c.latestJob
        ? [
            { text: c.latestJob.name, code: true },
            { text: ` ${c.latestJob.outcome}`, icon: OUTCOME_ICONS[c.latestJob.outcome] }
        ]
        : 'none';
    return [
        { text: c.name, code: true },
        c.kind,
        { text: c.schedule, code: true },
        c.suspended ? 'yes' : 'no',
        ago(c.lastScheduleTime, now),
        ago(c.lastSuccessfulTime, now),
        String(c.active),
        latest,
        c.commit ? { text: c.commit.slice(0, 7), code: true } : { text: c.image, code: true }
    ];
}
function versionTable(v, defaultBranch, now) {
    return {
        caption: `${v.datasetId} ${v.version}: ${versionFacts(v, defaultBranch, now)}`,
        headers: [
            'CronJob',
            'Kind',
            'Schedule',
            'Suspended',
            'Last schedule',
            'Last success',
            'Active',
            'Latest Job',
            'Commit'
        ],
        rows: v.cronJobs.map(c => row(c, now))
    };
}
function statusReport(result) {
    const { versions, namespace } = result;
    const datasets = new Set(versions.map(v => v.datasetId)).size;
    const report = {
        title: 'Staging status',
        headline: versions.length === 0
            ? `Nothing staged in namespace ${namespace}`
            : `${versions.length} staged version(s) of ${datasets} dataset(s) in namespace ${namespace}`,
        facts: [
            { label: 'Namespace', value: namespace, code: true },
            ...(result.defaultBranch
                ? [{ label: 'Default branch', value: result.defaultBranch, code: true }]
                : [])
        ],
        tables: versions.map(v => versionTable(v, result.defaultBranch, result.now)),
        notes: [
            ...[...result.unknownVersions].map(([id, why]) => ({
                text: `Whether ${id} was promoted is unknown: ${why}`
            })),
            ...(result.unlabelled.length > 0
                ? [
                    {
                        text: `Managed by staging-action but without dataset and version labels (left alone): ${result.unlabelled.join(', ')}`
                    }
                ]
                : [])
        ]
    };
    return { report, outputs: { staged: JSON.stringify(versions) } };
}


/***/ }),

/***/ 8549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ readInventoryInputs),
/* harmony export */   g: () => (/* binding */ readStatusSettings)
/* harmony export */ });
/* harmony import */ var _dataset_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4988);
/* harmony import */ var _inputs_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5722);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3718);
// status's settings: every input it reads, parsed once into a typed object.



function readInventoryInputs(mode, inputs, env) {
    const settings = {
        ...(0,_inputs_context_js__WEBPACK_IMPORTED_MODULE_1__/* .readContext */ .yI)(inputs, env),
        githubToken: inputs.get('github-token'),
        config: inputs.get('config') || _dataset_config_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CONFIG */ .PV,
        namespace: inputs.get('namespace') || null,
        kubeconfig: inputs.get('kubeconfig') || null
    };
    if (!settings.githubToken) {
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${mode} reads every stage/ branch through the GitHub API: set github-token (from a laptop: GITHUB_TOKEN=$(gh auth token)).`);
    }
    return settings;
}
function readStatusSettings(inputs, env) {
    return { ...readInventoryInputs('status', inputs, env), mode: 'status' };
}


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
