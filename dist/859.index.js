export const id = 859;
export const ids = [859];
export const modules = {

/***/ 245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ci: () => (/* binding */ outputTail),
/* harmony export */   d1: () => (/* binding */ runCommand),
/* harmony export */   zz: () => (/* binding */ commandEnv)
/* harmony export */ });
/* unused harmony export stderrTail */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2861);
// Commands from the staging config (catalog-command, cronjobs-command): run from an argument list,
// never a shell, and without the GitHub token in their environment (the repository's code must
// not be able to push, merge or read other repositories with the action's token).


/** Variables that hold the GitHub token in a workflow step or on a laptop. */
const TOKEN_VARIABLES = ['GITHUB_TOKEN', 'GH_TOKEN', 'INPUT_GITHUB-TOKEN', 'INPUT_GITHUB_TOKEN'];
/** Enough for a catalog of many datasets with full manifests. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;
const TAIL_LINES = 20;
const TAIL_CHARS = 2000;
/** `env` without the token variables, and without any other variable holding a token's value. */
function commandEnv(env) {
    const tokens = new Set(TOKEN_VARIABLES.map(n => env[n]).filter((v) => !!v));
    const result = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined || TOKEN_VARIABLES.includes(name.toUpperCase()))
            continue;
        if (tokens.has(value))
            continue;
        result[name] = value;
    }
    return result;
}
/** The end of a command's output: where the error usually is, short enough for a log line. */
function outputTail(output) {
    const tail = output.trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
    return tail.length > TAIL_CHARS ? `…${tail.slice(-TAIL_CHARS)}` : tail;
}
function stderrTail(stderr) {
    const tail = outputTail(stderr);
    return tail.trim() === '' ? '(nothing on stderr)' : tail;
}
/**
 * Runs `argv` in `cwd` and returns its stdout; `what` names the command in errors (e.g.
 * "catalog-command 'uv run main print-catalog'"). A failure is a ConfigError with stderr's tail.
 */
function runCommand(argv, cwd, what) {
    const [program, ...args] = argv;
    return new Promise((resolve, reject) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(program ?? '', args, { cwd, env: commandEnv(process.env), maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8' }, (error, stdout, stderr) => {
            if (error === null)
                return resolve(stdout);
            // execFile's error carries the exit code as a number, or a string code when it never ran.
            const { code, signal } = error;
            if (code === 'ENOENT') {
                return reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`${what} could not start: ${program} was not found (in ${cwd}, on PATH). Install it in an earlier step, or fix the command.`));
            }
            const how = typeof code === 'number'
                ? `exit ${code}`
                : signal
                    ? `killed by ${signal}`
                    : String(code ?? error.message);
            reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`${what} failed (${how}) in ${cwd}; the end of its stderr:\n${stderrTail(stderr)}`));
        });
    });
}


/***/ }),

/***/ 2861:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QH: () => (/* binding */ StagingError),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   xL: () => (/* binding */ ConfigError),
/* harmony export */   yI: () => (/* binding */ ValidationError)
/* harmony export */ });
// Errors users read in GitHub job logs. Each message says what was wrong, what was expected and how
// to fix it, so callers can print `message` alone (no stack trace) and fail the step.
/** Base class: anything the user can fix by changing the branch, the config or the manifests. */
class StagingError extends Error {
    constructor(message) {
        super(message);
        this.name = new.target.name;
    }
}
/** The staging config file, a version file or a CronJob manifest file is malformed. */
class ConfigError extends StagingError {
}
/** A branch name, dataset id, version, CronJob name, label or schedule breaks a rule. */
class ValidationError extends StagingError {
}
/** Quote untrusted text for a log line: JSON escaping keeps control characters visible. */
function quote(value) {
    return JSON.stringify(value);
}


/***/ }),

/***/ 5722:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ee: () => (/* binding */ webLinks),
/* harmony export */   O5: () => (/* binding */ eventString),
/* harmony export */   j_: () => (/* binding */ readEvent),
/* harmony export */   yI: () => (/* binding */ readContext)
/* harmony export */ });
/* unused harmony export cliCommand */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_timeout_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4991);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3718);
// What every mode knows about the run it is in: the repository, the API endpoints, the workspace,
// the event payload. Read from the GITHUB_* environment (or the CLI's flags) once.




/** The event payload, when the run has one (absent for the CLI). */
function readEvent(env) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path)
        return {};
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
    }
    catch {
        return {};
    }
}
/** A non-empty string at `path` in the payload, else null. */
function eventString(event, ...path) {
    let cur = event;
    for (const key of path) {
        if (typeof cur !== 'object' || cur === null)
            return null;
        cur = cur[key];
    }
    return typeof cur === 'string' && cur !== '' ? cur : null;
}
/**
 * The package is not on the npm registry (and `npx staging-action` would fetch whatever package
 * owns that name there): npx fetches it from the action's own repository at the ref the workflow
 * uses. `uses: ./` at the root of a checkout runs this repository at the checked-out commit.
 * Anywhere else (the CLI, an action in a subfolder) it is the bin's name, as the README installs it.
 */
function cliCommand(env) {
    const ref = (value) => value && /^[\w./-]+$/.test(value) && !value.startsWith('-') ? `#${value}` : '';
    const action = env.GITHUB_ACTION_REPOSITORY;
    if (action && REPOSITORY.test(action)) {
        return `npx --yes github:${action}${ref(env.GITHUB_ACTION_REF)}`;
    }
    const self = env.GITHUB_REPOSITORY;
    const local = env.GITHUB_ACTION_PATH && env.GITHUB_WORKSPACE;
    if (local &&
        (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(env.GITHUB_ACTION_PATH ?? '') === (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(env.GITHUB_WORKSPACE ?? '') &&
        self &&
        REPOSITORY.test(self) &&
        /^[0-9a-f]{40}$/.test(env.GITHUB_SHA ?? '')) {
        return `npx --yes github:${self}${ref(env.GITHUB_SHA)}`;
    }
    return 'staging-action';
}
const REPOSITORY = /^[\w.-]+\/[\w.-]+$/;
function webLinks(context) {
    const repo = `${context.serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(context.repository.owner)}/${encodeURIComponent(context.repository.repo)}`;
    return {
        pullRequest: number => `${repo}/pull/${number}`,
        checks: number => `${repo}/pull/${number}/checks`,
        commit: sha => `${repo}/commit/${encodeURIComponent(sha)}`,
        branch: name => `${repo}/tree/${name.split('/').map(encodeURIComponent).join('/')}`
    };
}
function parseRequestTimeout(raw) {
    const seconds = (0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .parseInteger */ .cG)('request-timeout', raw, _util_timeout_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_REQUEST_TIMEOUT_S */ .Qm);
    if (seconds < 1 || seconds > 600) {
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`Invalid value '${raw}' for input 'request-timeout'. Expected whole seconds from 1 to 600.`);
    }
    return seconds;
}
function readContext(inputs, env) {
    const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
    const repository = (0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRepository */ .SU)(inputs.get('repository') || env.GITHUB_REPOSITORY || '');
    const runId = env.GITHUB_RUN_ID;
    return {
        repository,
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, ''),
        serverUrl,
        dryRun: (0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBoolean */ .yG)('dry-run', inputs.get('dry-run'), false),
        requestTimeoutMs: parseRequestTimeout(inputs.get('request-timeout')) * 1000,
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        runUrl: runId
            ? `${serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${runId}`
            : null,
        cliCommand: cliCommand(env)
    };
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

/***/ 3574:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ap: () => (/* binding */ DNS_LABEL_RULE),
/* harmony export */   Cd: () => (/* binding */ isDnsLabel),
/* harmony export */   IU: () => (/* binding */ JOB_NAME_SUFFIX),
/* harmony export */   Mj: () => (/* binding */ MAX_DNS_LABEL),
/* harmony export */   mk: () => (/* binding */ SERVER_OWNED_METADATA),
/* harmony export */   nz: () => (/* binding */ manualJobName),
/* harmony export */   sg: () => (/* binding */ isDnsSubdomain),
/* harmony export */   vD: () => (/* binding */ MAX_CRONJOB_NAME),
/* harmony export */   vy: () => (/* binding */ FIELD_MANAGER),
/* harmony export */   yj: () => (/* binding */ MAX_LABEL_VALUE),
/* harmony export */   zV: () => (/* binding */ labelValueProblem)
/* harmony export */ });
/* unused harmony exports MAX_JOB_NAME, maxJobName */
// The API server's naming rules, in one place: what it accepts for names, namespaces and label
// values, the CronJob and Indexed Job limits, and which metadata fields the server owns.
/** A DNS-1123 label: object names of most kinds, namespaces, pod hostnames. */
const MAX_DNS_LABEL = 63;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** ValidateCronJobCreate: 63 minus the 11 characters the controller appends to its Jobs' names. */
const MAX_CRONJOB_NAME = 52;
/** The suffix the CronJob controller appends to Job names: "-" and up to 10 digits. */
const JOB_NAME_SUFFIX = 11;
const MAX_LABEL_VALUE = 63;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const DNS_LABEL_RULE = 'a DNS-1123 label (at most 63 lowercase letters, digits and "-", starting and ending with a ' +
    'letter or digit)';
function isDnsLabel(value) {
    return value.length <= MAX_DNS_LABEL && DNS_LABEL.test(value);
}
/** Object names of most kinds (CronJobs included): dot-separated DNS-1123 labels, 253 at most. */
function isDnsSubdomain(value) {
    return value.length <= 253 && DNS_SUBDOMAIN.test(value);
}
/** Why `value` is not a label value, or null when it is one. */
function labelValueProblem(value) {
    if (value.length > MAX_LABEL_VALUE) {
        return `it is ${value.length} characters; Kubernetes label values allow at most ${MAX_LABEL_VALUE}`;
    }
    if (!LABEL_VALUE.test(value)) {
        return ('it may contain only letters, digits, "-", "_" and ".", and must start and end with a ' +
            'letter or digit');
    }
    return null;
}
/**
 * Fields the server sets on every object. Sent back in an apply body they are rejected or act as
 * preconditions; copied from another object they describe the wrong one.
 */
const SERVER_OWNED_METADATA = [
    'uid',
    'resourceVersion',
    'generation',
    'creationTimestamp',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
    'managedFields',
    'selfLink'
];
/**
 * Job names: the API server copies the name into the `batch.kubernetes.io/job-name` label of its
 * pods, so it must be a label value too (63 at most); Indexed Jobs also name each pod's hostname
 * `{job name}-{index}`, which must be a DNS-1123 label.
 */
const MAX_JOB_NAME = 63;
const MANUAL = '-manual-';
/** The longest Job name the API server accepts for `completions` Indexed pods (null: not Indexed). */
function maxJobName(indexedCompletions) {
    if (indexedCompletions === null)
        return MAX_JOB_NAME;
    const maxIndex = String(Math.max(indexedCompletions, 1) - 1);
    return MAX_DNS_LABEL - 1 - maxIndex.length;
}
/**
 * The name of a Job run by hand from a CronJob: `{cronjob}-manual-{suffix}`, the CronJob's name cut
 * (and any trailing "-" or "." dropped) so the whole fits `maxJobName`. `kubectl create job --from`
 * leaves the name to the user; here the suffix (random, lowercase letters and digits) keeps every
 * trigger distinct, even two in the same second.
 */
function manualJobName(cronJobName, suffix, indexedCompletions = null) {
    const room = maxJobName(indexedCompletions) - MANUAL.length - suffix.length;
    const stem = cronJobName.slice(0, Math.max(room, 1)).replace(/[-.]+$/, '');
    return `${stem}${MANUAL}${suffix}`;
}
/** The field manager of every apply: managedFields say when staging-action last changed an object. */
const FIELD_MANAGER = 'staging-action';


/***/ }),

/***/ 9510:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rebuildMode: () => (/* binding */ rebuildMode)
});

// EXTERNAL MODULE: ./src/inputs/context.ts
var context = __webpack_require__(5722);
// EXTERNAL MODULE: ./src/io/git.ts + 6 modules
var io_git = __webpack_require__(8005);
// EXTERNAL MODULE: ./src/io/github.ts
var github = __webpack_require__(6557);
;// CONCATENATED MODULE: ./src/rebuild/outcome.ts
function mergedOutcome(pr, sha) {
    return { number: pr.number, title: pr.title, author: pr.author, status: 'merged', sha };
}
function skippedOutcome(pr, reason) {
    return { number: pr.number, title: pr.title, author: pr.author, status: 'skipped', reason };
}
/**
 * Oldest PR first (ascending number): the same set of PRs always merges in the same order, so
 * the same inputs give the same staging tree and the same PR wins a conflict on every run.
 */
function mergeOrder(prs) {
    return [...prs].sort((a, b) => a.number - b.number);
}

;// CONCATENATED MODULE: ./src/rebuild/reasons.ts
// Why a PR stayed out of staging, in words a person reads at a glance.
const MAX_LISTED = 5;
/**
 * Names from GitHub or git (titles, labels, check names, file names) on one line: a newline in
 * one could otherwise forge a line in a commit message or break a table.
 */
function oneLine(text) {
    return (text
        // eslint-disable-next-line no-control-regex -- removing control characters is the point
        .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
        .replace(/ {2,}/g, ' ')
        .trim());
}
/** What a verify run checked. */
function describeRun(prs) {
    return prs.length === 0 ? 'base alone' : `base + ${prs.map(n => `#${n}`).join(' ')}`;
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
function shortSha(sha) {
    return sha.slice(0, 7);
}
function list(items) {
    const shown = items.slice(0, MAX_LISTED).map(oneLine).join(', ');
    const more = items.length - MAX_LISTED;
    return more > 0 ? `${shown} and ${more} more` : shown;
}
function quoted(labels) {
    return labels.map(l => `"${oneLine(l)}"`).join(', ');
}
function conflictPartners(partners) {
    const prs = [...new Set(partners.filter((p) => p !== 'base'))].sort((a, b) => a - b);
    const names = [...(partners.includes('base') ? ['base'] : []), ...prs.map(n => `#${n}`)];
    return names.join(', ');
}
/** The stable code for a reason, as in the `skipped` output. */
function reasonCode(reason) {
    return reason.kind;
}
function describeSkip(reason) {
    switch (reason.kind) {
        case 'draft':
            return 'draft';
        case 'fork':
            return 'from a fork';
        case 'label': {
            const parts = [];
            if (reason.missing.length > 0)
                parts.push(`missing ${quoted(reason.missing)}`);
            if (reason.excluded.length > 0)
                parts.push(`has ${quoted(reason.excluded)}`);
            return `label: ${parts.join('; ')}`;
        }
        case 'ci-failing':
            return `CI failing: ${list(reason.checks)}`;
        case 'ci-pending':
            return `CI pending: ${list(reason.checks)}`;
        case 'no-checks':
            return 'CI pending: no checks reported yet (require-checks)';
        case 'ci-unknown':
            return `CI not known: ${oneLine(reason.detail)}`;
        case 'head-moved':
            return `head moved after its checks ran (${shortSha(reason.expected)} → ${shortSha(reason.actual)})`;
        case 'head-missing':
            return `head ${shortSha(reason.sha)} cannot be fetched: GitHub has no refs/pull head for it (a new push to the PR restores it)`;
        case 'verify-failed':
            return reason.with.length === 0
                ? 'verify-command fails with it on the base'
                : `verify-command fails with it combined with ${list(reason.with.map(n => `#${n}`))}`;
        case 'conflict': {
            const partners = conflictPartners(reason.with);
            const withText = partners === '' ? 'conflict' : `conflict with ${partners}`;
            return reason.files.length > 0 ? `${withText} in ${list(reason.files)}` : withText;
        }
    }
}

;// CONCATENATED MODULE: ./src/rebuild/report.ts
// The rebuild run as a person reads it (job summary, CLI) and as later steps read it (outputs).


function counts(outcomes) {
    const merged = outcomes.filter(o => o.status === 'merged').length;
    return `${merged} merged, ${outcomes.length - merged} skipped`;
}
function headline(result) {
    // "staging" names the product's branch whatever it is called; the facts give its real name.
    switch (result.result) {
        case 'pushed':
            return `${result.created ? 'Created' : 'Pushed'} staging: ${counts(result.outcomes)}`;
        case 'unchanged':
            return `Staging unchanged: ${counts(result.outcomes)}`;
        case 'lease-lost':
            return 'Lease lost: staging moved during the run; nothing overwritten — the next run rebuilds it';
        case 'dry-run':
            return `Dry run: would push staging: ${counts(result.outcomes)}`;
        case 'not-verified':
            return `Not verified: verify-command found no passing combination in ${result.verify?.maxRuns ?? 0} run(s); nothing new pushed`;
    }
}
/** How each outcome reads in the Outcome column, in the order skipped groups are listed. */
const OUTCOMES = {
    merged: { icon: '✅', text: 'merged' },
    // What the PR's author can fix first: a conflict, then red and pending CI.
    conflict: { icon: '⚠️', text: 'conflict' },
    'verify-failed': { icon: '🧪', text: 'verify failed' },
    'ci-failing': { icon: '❌', text: 'CI failing' },
    'ci-pending': { icon: '⏳', text: 'CI pending' },
    'no-checks': { icon: '⏳', text: 'no checks yet' },
    'ci-unknown': { icon: '❔', text: 'CI not known' },
    'head-moved': { icon: '🔁', text: 'head moved' },
    'head-missing': { icon: '❓', text: 'head missing' },
    label: { icon: '🏷️', text: 'label' },
    draft: { icon: '📝', text: 'draft' },
    fork: { icon: '🍴', text: 'fork' }
};
const GROUP_ORDER = Object.keys(OUTCOMES);
function outcomeKey(outcome) {
    return outcome.status === 'merged' ? 'merged' : outcome.reason.kind;
}
/** Merged PRs first, then the skipped ones grouped by reason; by number within a group. */
function reportOrder(outcomes) {
    const group = (o) => GROUP_ORDER.indexOf(outcomeKey(o));
    return mergeOrder(outcomes).sort((a, b) => group(a) - group(b));
}
function details(outcome, links) {
    if (outcome.status === 'merged') {
        return { text: shortSha(outcome.sha), code: true, href: links?.commit(outcome.sha) };
    }
    switch (outcome.reason.kind) {
        // The Outcome column says it all.
        case 'draft':
        case 'fork':
            return '';
        // The checks tab lists the workflow runs behind the verdict.
        case 'ci-failing':
        case 'ci-pending':
        case 'no-checks':
        case 'ci-unknown':
            return { text: describeSkip(outcome.reason), href: links?.checks(outcome.number) };
        default:
            return describeSkip(outcome.reason);
    }
}
function row(outcome, links, withAuthor) {
    const { icon, text } = OUTCOMES[outcomeKey(outcome)];
    return [
        { text: `#${outcome.number}`, href: links?.pullRequest(outcome.number) },
        outcome.title,
        ...(withAuthor ? [outcome.author ?? ''] : []),
        { text, icon, strong: outcome.status === 'merged' },
        details(outcome, links)
    ];
}
function sha(value, links) {
    return value === '' ? { value: '(none)' } : { value, code: true, href: links?.commit(value) };
}
/** The Argo CD refresh and the workflow dispatches after a push, one fact each. */
function nudgeFacts(result) {
    const facts = [];
    if (result.argocd) {
        const { application, error } = result.argocd;
        facts.push({
            label: 'Argo CD',
            value: error
                ? `could not request a refresh of ${application}: ${error}`
                : `requested a refresh of Application ${application}`
        });
    }
    if (result.dispatches) {
        const each = result.dispatches.map(d => d.error
            ? `${d.workflow}: not dispatched: ${d.error}`
            : `${d.workflow}: dispatched${d.input ? ` with ${d.input}` : ''}`);
        facts.push({ label: 'Workflows', value: each.join('; ') });
    }
    return facts;
}
/** The report; `links` (from the run's server URL and repository) turns PRs and SHAs into links. */
function buildRebuildReport(result, links = null) {
    const outcomes = reportOrder(result.outcomes);
    const report = {
        title: 'Staging rebuild',
        headline: headline(result),
        facts: [
            {
                label: 'Base',
                value: `${result.baseBranch}@${shortSha(result.baseSha)}`,
                code: true,
                href: result.baseSha ? links?.commit(result.baseSha) : undefined
            },
            {
                label: 'Staging branch',
                value: result.stagingBranch,
                code: true,
                href: result.stagingSha ? links?.branch(result.stagingBranch) : undefined
            },
            { label: 'Staging SHA', ...sha(result.stagingSha, links) },
            { label: 'Tree SHA', ...sha(result.treeSha, null) },
            ...(result.statusErrors
                ? [
                    {
                        label: 'Commit statuses',
                        value: `${result.statusErrors.length} could not be posted: ${result.statusErrors.join('; ')}`
                    }
                ]
                : []),
            ...(result.flux
                ? [
                    {
                        label: 'Flux',
                        value: result.flux.error
                            ? `could not request a reconcile of ${result.flux.source}: ${result.flux.error}`
                            : `requested a reconcile of GitRepository ${result.flux.source}`
                    }
                ]
                : []),
            ...nudgeFacts(result)
        ],
        tables: [],
        notes: []
    };
    addVerify(report, result);
    if (result.result === 'unchanged') {
        report.notes.push({
            text: result.fastPath
                ? 'Inputs unchanged since the last build: nothing fetched, merged or pushed.'
                : 'The candidate tree equals staging: nothing pushed.'
        });
    }
    if (outcomes.length === 0) {
        report.notes.push({ text: `No open pull requests to ${result.baseBranch}.` });
    }
    else {
        // Author is dropped when no outcome carries one.
        const withAuthor = outcomes.some(o => o.author);
        report.tables.push({
            headers: ['PR', 'Title', ...(withAuthor ? ['Author'] : []), 'Outcome', 'Details'],
            rows: outcomes.map(o => row(o, links, withAuthor)),
            // Nothing happened: the headline and counts are the news, the table is there if wanted.
            ...(result.result === 'unchanged'
                ? { folded: `${outcomes.length} open pull request(s): ${counts(outcomes)}` }
                : {})
        });
    }
    return report;
}
/** The verify runs (what was checked, pass or fail, how long), then each left-out PR's output. */
function addVerify(report, result) {
    const verify = result.verify;
    if (verify) {
        const failedRuns = verify.runs.filter(r => !r.passed).length;
        report.tables.push({
            caption: 'verify-command runs',
            headers: ['Checked', 'Result', 'Duration'],
            rows: verify.runs.map(r => [
                describeRun(r.prs),
                r.passed
                    ? { text: 'passed', icon: '✅' }
                    : { text: r.timedOut ? 'timed out' : 'failed', icon: '❌' },
                seconds(r.durationMs)
            ]),
            ...(failedRuns === 0 ? { folded: `verify-command passed (${verify.runs.length} run)` } : {})
        });
        if (verify.ended === 'cap-reached') {
            report.notes.push({
                text: `verify-max-runs (${verify.maxRuns}) was reached before a combination passed: staging was left as it was. Raise verify-max-runs, or fix the PRs listed as verify failed.`
            });
        }
    }
    for (const o of mergeOrder(result.outcomes)) {
        if (o.status !== 'skipped' || o.reason.kind !== 'verify-failed')
            continue;
        report.notes.push({ text: `#${o.number}: ${describeSkip(o.reason)}. The end of its output:` });
        report.notes.push({ text: o.reason.output, code: true });
    }
}
/** The action's outputs; every value a string, lists as JSON. */
function rebuildOutputs(result) {
    const outcomes = mergeOrder(result.outcomes);
    const merged = [];
    const skipped = [];
    for (const o of outcomes) {
        if (o.status === 'merged')
            merged.push(o.number);
        else
            skipped.push({
                number: o.number,
                reason: reasonCode(o.reason),
                detail: describeSkip(o.reason)
            });
    }
    return {
        merged: JSON.stringify(merged),
        skipped: JSON.stringify(skipped),
        pushed: String(result.result === 'pushed'),
        'staging-sha': result.stagingSha,
        'tree-sha': result.treeSha,
        result: result.result
    };
}

// EXTERNAL MODULE: ./src/inputs/parse.ts
var parse = __webpack_require__(3718);
// EXTERNAL MODULE: ./src/io/github-fetch.ts
var github_fetch = __webpack_require__(8756);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/util/timeout.ts
var timeout = __webpack_require__(4991);
;// CONCATENATED MODULE: ./src/rebuild/gate.ts
// Which open PRs may enter staging: the gate is a pure decision over what GitHub reported.
/** `CI / build` for Actions check runs (as GitHub shows them on a PR), else the bare name. */
function checkDisplayName(c) {
    if (c.kind === 'check-run' && c.workflowName)
        return `${c.workflowName} / ${c.name}`;
    return c.name;
}
function identity(c) {
    // A check run is re-run under the same workflow file and job name; statuses by context.
    if (c.kind === 'check-run')
        return `run\u0000${c.workflowPath ?? c.appSlug ?? ''}\u0000${c.name}`;
    return `status\u0000${c.name}`;
}
function time(value) {
    if (value === null)
        return null;
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : t;
}
/** True when check run `a` is a later run than `b`. */
function isLaterRun(a, b) {
    const ta = time(a.startedAt) ?? time(a.completedAt);
    const tb = time(b.startedAt) ?? time(b.completedAt);
    if (ta !== null && tb !== null && ta !== tb)
        return ta > tb;
    if (a.databaseId !== null && b.databaseId !== null && a.databaseId !== b.databaseId) {
        return a.databaseId > b.databaseId;
    }
    // A run that has not started yet (no timestamps) was queued after one that already ran.
    if (ta === null && tb !== null)
        return true;
    if (tb === null && ta !== null)
        return false;
    return true; // indistinguishable: the later one in GitHub's list wins
}
function isLater(a, b) {
    if (a.kind === 'check-run' && b.kind === 'check-run')
        return isLaterRun(a, b);
    if (a.kind === 'status' && b.kind === 'status') {
        const ta = time(a.createdAt);
        const tb = time(b.createdAt);
        if (ta !== null && tb !== null && ta !== tb)
            return ta > tb;
        if (ta === null && tb !== null)
            return false;
        return true;
    }
    return true; // different identities never compete
}
/** One context per check: the latest run (re-runs replace earlier attempts). First-seen order. */
function latestChecks(contexts) {
    const latest = new Map();
    for (const c of contexts) {
        const key = identity(c);
        const seen = latest.get(key);
        if (seen === undefined || isLater(c, seen))
            latest.set(key, c);
    }
    return [...latest.values()];
}
const PENDING_RUN_STATUSES = new Set(['QUEUED', 'IN_PROGRESS', 'WAITING', 'PENDING', 'REQUESTED']);
// As branch protection counts them: a neutral or skipped run does not block a merge.
const PASSING_CONCLUSIONS = new Set(['SUCCESS', 'NEUTRAL', 'SKIPPED']);
const PENDING_STATES = new Set(['PENDING', 'EXPECTED']);
/** Anything not known to pass or to be still running fails: an unknown value never merges. */
function checkState(c) {
    if (c.kind === 'check-run') {
        const status = c.status.toUpperCase();
        if (PENDING_RUN_STATUSES.has(status))
            return 'pending';
        if (status !== 'COMPLETED')
            return 'fail';
        return PASSING_CONCLUSIONS.has((c.conclusion ?? '').toUpperCase()) ? 'pass' : 'fail';
    }
    const state = c.state.toUpperCase();
    if (state === 'SUCCESS')
        return 'pass';
    return PENDING_STATES.has(state) ? 'pending' : 'fail';
}
/**
 * This action's own runs would otherwise wait on themselves: every job of the staging workflow
 * (matched by file path, so renaming a job changes nothing) and the status it posts.
 */
function isOwnCheck(c, self) {
    if (c.kind === 'status')
        return self.statusContext !== null && c.name === self.statusContext;
    if (c.workflowPath !== null)
        return self.workflowPath !== null && c.workflowPath === self.workflowPath;
    return (c.workflowName !== null && self.workflowName !== null && c.workflowName === self.workflowName);
}
function globToRegExp(pattern) {
    const source = [...pattern]
        .map(ch => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')))
        .join('');
    return new RegExp(`^${source}$`, 'su');
}
/** Exact names or globs (`*` any run of characters, `?` one); case-sensitive, whole string. */
function matchesAny(name, patterns) {
    return patterns.some(p => globToRegExp(p).test(name));
}
function labelReason(pr, options) {
    // GitHub treats label names case-insensitively (one repo cannot have `Deploy` and `deploy`).
    const has = new Set(pr.labels.map(l => l.toLowerCase()));
    const unique = (names) => names.filter((n, i) => names.findIndex(m => m.toLowerCase() === n.toLowerCase()) === i);
    const missing = unique(options.labels).filter(l => !has.has(l.toLowerCase()));
    const excluded = unique(options.excludeLabels).filter(l => has.has(l.toLowerCase()));
    if (missing.length === 0 && excluded.length === 0)
        return null;
    return { kind: 'label', missing, excluded };
}
function ciReason(pr, options) {
    const relevant = pr.checks.filter(c => !isOwnCheck(c, options.self) &&
        !matchesAny(c.name, options.ignoreChecks) &&
        !matchesAny(checkDisplayName(c), options.ignoreChecks));
    const checks = latestChecks(relevant);
    if (checks.length === 0)
        return options.requireChecks ? { kind: 'no-checks' } : null;
    const named = (state) => [...new Set(checks.filter(c => checkState(c) === state).map(checkDisplayName))].sort();
    const failing = named('fail');
    if (failing.length > 0)
        return { kind: 'ci-failing', checks: failing };
    const pending = named('pending');
    if (pending.length > 0)
        return { kind: 'ci-pending', checks: pending };
    return null;
}
/** The first reason a PR stays out of staging, or the commit to merge (the one whose checks ran). */
function evaluatePullRequest(pr, options) {
    if (pr.isDraft && !options.includeDrafts)
        return { eligible: false, reason: { kind: 'draft' } };
    if (pr.isCrossRepository && !options.includeForks) {
        return { eligible: false, reason: { kind: 'fork' } };
    }
    const reason = labelReason(pr, options) ?? pr.checksSkip ?? ciReason(pr, options);
    if (reason !== null)
        return { eligible: false, reason };
    return { eligible: true, sha: pr.checksOid || pr.headRefOid };
}

;// CONCATENATED MODULE: ./src/rebuild/conflicts.ts
// Who a conflicting PR collides with: a pure attribution over file sets that git computed.
/**
 * `alsoConflictsWithBase`: the PR does not merge cleanly on the base alone. Otherwise the
 * collision is with the earlier merged PRs that touched one of the conflicting paths, or a path
 * inside or above one (file/directory clashes); when none did (renames), every earlier PR that
 * touched a path under the same directories is named, and as a last resort the result is empty
 * ("earlier merges").
 */
function attributeConflict(files, alsoConflictsWithBase, merged) {
    // A PR collides on a path it changed, or on one inside it or containing it (file/directory).
    const touches = (f) => files.some(c => f === c || f.startsWith(`${c}/`) || c.startsWith(`${f}/`));
    const withPrs = merged.filter(m => m.changed.some(touches)).map(m => m.number);
    if (withPrs.length === 0 && !alsoConflictsWithBase) {
        const dirs = new Set(files.map(dirname));
        withPrs.push(...merged.filter(m => m.changed.some(f => dirs.has(dirname(f)))).map(m => m.number));
    }
    const result = alsoConflictsWithBase ? ['base'] : [];
    return [...result, ...[...new Set(withPrs)].sort((a, b) => a - b)];
}
function dirname(path) {
    const i = path.lastIndexOf('/');
    return i < 0 ? '' : path.slice(0, i);
}

;// CONCATENATED MODULE: ./src/rebuild/merge.ts
// The git phase of rebuild: one fetch, then merges without a worktree, conflicts explained.





const PR_REF = (n) => `refs/remotes/pull/${n}/head`;
/**
 * One fetch for the base and every eligible PR's head; returns the SHAs now present. The SHAs the
 * CI gate judged are asked for directly (no ref advertisement, no refs to write); when the server
 * refuses one, the fetch falls back to `refs/pull/N/head`, and what is still missing is asked for
 * by SHA.
 */
async function fetchAll(git, base, baseSha, eligible) {
    // merge-tree needs merge bases: a shallow checkout (actions/checkout's default) gets its history.
    const unshallow = await git.isShallow();
    log/* log */.Rm.info(`Fetching ${base} and ${eligible.length} pull request head(s)${unshallow ? ' (unshallowing)' : ''}`);
    const wanted = [...new Set([baseSha, ...eligible.map(e => e.sha)])];
    // A fetch that succeeds has every SHA it asked for: no need to look them up.
    if (await git.tryFetchCommits(wanted, { unshallow }))
        return new Set(wanted);
    log/* log */.Rm.debug('Fetch by SHA refused; fetching refs/pull/N/head');
    await fetchPullRefs(git, base, eligible, unshallow);
    const present = await git.presentCommits(wanted);
    const missing = wanted.filter(sha => !present.has(sha));
    // A head force-pushed after its checks ran is no longer under refs/pull/N/head: ask for it by SHA.
    // One SHA the server no longer has fails the whole fetch, so then each is asked for on its own.
    if (missing.length > 0 && !(await git.tryFetchCommits(missing)) && missing.length > 1) {
        for (const sha of missing)
            await git.tryFetchCommits([sha]);
    }
    for (const sha of await git.presentCommits(missing))
        present.add(sha);
    if (!present.has(baseSha)) {
        throw new Error(`Could not fetch ${base} at ${baseSha} from origin.`);
    }
    return present;
}
/**
 * The one fetch, without the `refs/pull/N/head` GitHub does not have (git names one missing ref
 * per failed fetch): those PRs' heads are then asked for by SHA like force-pushed ones.
 */
async function fetchPullRefs(git, base, eligible, unshallow) {
    const numbers = eligible.map(e => e.pr.number);
    for (;;) {
        const refspecs = [
            `+refs/heads/${base}:refs/remotes/origin/${base}`,
            ...numbers.map(n => `+refs/pull/${n}/head:${PR_REF(n)}`)
        ];
        try {
            return await git.fetch(refspecs, { unshallow });
        }
        catch (error) {
            const stderr = error instanceof io_git/* GitError */.XS ? error.result.stderr : '';
            const missing = Number(/couldn't find remote ref refs\/pull\/(\d+)\/head/.exec(stderr)?.[1]);
            if (!numbers.includes(missing))
                throw error;
            log/* log */.Rm.warning(`#${missing}: GitHub has no refs/pull/${missing}/head; fetching its head by SHA`);
            numbers.splice(numbers.indexOf(missing), 1);
        }
    }
}
async function mergeAll(git, baseSha, eligible, available) {
    let head = baseSha;
    let tree = null;
    const outcomes = new Map();
    const merged = [];
    // What the loop may merge: plain merges of these heads are done in-process (Git.withMerges).
    const plan = {
        base: baseSha,
        heads: [...new Set(eligible.map(e => e.sha))].filter(sha => available.has(sha))
    };
    // Asked only when a PR conflicts. The first conflict asks for every fetched head at once (two
    // processes), merged or not yet reached, so later conflicts spawn nothing; only the merged PRs
    // are ever named. The few heads the batch cannot answer are asked for one by one.
    const changedCache = new Map();
    let batched = false;
    const changedOfMerged = async () => {
        if (!batched && merged.length > 0) {
            batched = true;
            for (const [sha, files] of await git.changedFilesBatch(baseSha, plan.heads)) {
                changedCache.set(sha, files);
            }
        }
        const unknown = merged.map(m => m.sha).filter(sha => !changedCache.has(sha));
        for (const sha of unknown) {
            changedCache.set(sha, await git.changedFiles(baseSha, sha));
        }
        return merged.map(m => ({ number: m.number, changed: changedCache.get(m.sha) ?? [] }));
    };
    // Long-lived git processes for the merges and their commits (see Git.withMerges).
    await git.withMerges(async ({ merge, commit }) => {
        for (const { pr, sha } of eligible) {
            const skip = (reason) => {
                outcomes.set(pr.number, skippedOutcome(pr, reason));
                log/* log */.Rm.info(`#${pr.number}: skipped, ${describeSkip(reason)}`);
            };
            if (!available.has(sha)) {
                const actual = await git.tryRevParse(PR_REF(pr.number));
                skip(actual === null
                    ? { kind: 'head-missing', sha }
                    : { kind: 'head-moved', expected: sha, actual });
                continue;
            }
            const result = await merge(head, sha);
            if (!result.clean) {
                const alone = head === baseSha ? result : await merge(baseSha, sha);
                const changed = await changedOfMerged();
                skip({
                    kind: 'conflict',
                    files: result.conflicts,
                    with: attributeConflict(result.conflicts, !alone.clean, changed)
                });
                continue;
            }
            const message = `Merge #${pr.number}: ${oneLine(pr.title)}\n\nHead: ${sha}\n`;
            head = await commit(result.tree, [head, sha], message);
            tree = result.tree;
            merged.push({ number: pr.number, sha });
            outcomes.set(pr.number, mergedOutcome(pr, sha));
            log/* log */.Rm.info(`#${pr.number}: merged ${shortSha(sha)}`);
        }
    }, plan);
    // Nothing merged: staging's tree is the base's.
    return { head, tree: tree ?? (await git.treeOf(baseSha)), outcomes };
}

// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/rebuild/nudges.ts


/** The Flux reconcile, the Argo CD refresh and the workflow dispatches, added to the pushed result. */
async function nudgeAfterPush(result, settings, deps) {
    let out = result;
    const { flux, argo } = deps;
    if (flux && settings.fluxSource) {
        // What `flux reconcile source git` does: the staging namespaces update now, not at the next poll.
        const { source, error } = await annotate('Flux', 'GitRepository', settings.fluxSource, ref => flux.requestReconcile(ref.namespace, ref.name, new Date()));
        out = { ...out, flux: { source, error } };
    }
    if (argo && settings.argocdApplication) {
        // What `argocd app get --refresh` does: Argo CD compares the app with staging now.
        const { source, error } = await annotate('Argo CD', 'Application', settings.argocdApplication, ref => argo.requestRefresh(ref.namespace, ref.name));
        out = { ...out, argocd: { application: source, error } };
    }
    if (settings.dispatchWorkflows.length > 0) {
        // Loaded only here: it brings the YAML parser, which a rebuild otherwise never needs.
        const { dispatchAll } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(849)]).then(__webpack_require__.bind(__webpack_require__, 1849));
        out = {
            ...out,
            dispatches: await log/* log */.Rm.group('Dispatch workflows', () => dispatchAll(settings.dispatchWorkflows, result, deps))
        };
    }
    return out;
}
/** One annotation that makes a GitOps tool look at staging now; a failure is reported. */
async function annotate(group, kind, ref, call) {
    const source = `${ref.namespace}/${ref.name}`;
    const verb = kind === 'Application' ? 'a refresh' : 'a reconcile';
    return log/* log */.Rm.group(group, async () => {
        try {
            await call(ref);
            log/* log */.Rm.info(`Requested ${verb} of ${kind} ${source}`);
            return { source, error: null };
        }
        catch (error) {
            const message = (0,util_errors/* errorMessage */.gJ)(error);
            log/* log */.Rm.warning(`Staging was pushed, but ${kind} ${source} could not be annotated: ${message}`);
            return { source, error: message };
        }
    });
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/rebuild/record.ts
// The record kept in the staging head commit message: what the build was made from, so a rerun
// with the same inputs can stop after the GraphQL round trip, and report the same conflicts.



const BASE_TRAILER = 'Staging-Action-Base';
const DIGEST_TRAILER = 'Staging-Action-Digest';
const CONFLICTS_TRAILER = 'Staging-Action-Conflicts';
const VERIFIED_TRAILER = 'Staging-Action-Verified';
const VERIFY_FAILED_TRAILER = 'Staging-Action-Verify-Failed';
// The commit message keeps the end of each left-out PR's output, not pages of it.
const RECORDED_OUTPUT_CHARS = 600;
// Bump when the encoding or the way staging is built changes: older records then never match.
const DIGEST_VERSION = 'staging-action/inputs/v1';
/** sha256 hex of the base commit and every eligible PR's (number, sha), in merge order. */
function inputsDigest(inputs) {
    const lines = [DIGEST_VERSION, `base ${inputs.baseSha.toLowerCase()}`];
    for (const pr of mergeOrder(inputs.eligible))
        lines.push(`pr ${pr.number} ${pr.sha.toLowerCase()}`);
    return (0,external_node_crypto_.createHash)('sha256')
        .update(lines.join('\n') + '\n', 'utf8')
        .digest('hex');
}
/**
 * What a left-out PR was verified on: the base and every eligible PR before it in merge order.
 * While it and they are the same, verify would fail the same way: the PR is not tried again.
 */
function priorDigest(inputs, number) {
    return inputsDigest({ ...inputs, eligible: inputs.eligible.filter(e => e.number < number) });
}
function conflictsOf(outcomes) {
    const conflicts = [];
    for (const o of mergeOrder(outcomes)) {
        if (o.status === 'skipped' && o.reason.kind === 'conflict') {
            conflicts.push({ number: o.number, files: o.reason.files, with: o.reason.with });
        }
    }
    return conflicts;
}
function formatStagingMessage(args) {
    const ordered = mergeOrder(args.outcomes);
    const merged = ordered.filter(o => o.status === 'merged');
    const conflicted = ordered.filter(o => o.status === 'skipped' && o.reason.kind === 'conflict');
    const count = `${merged.length} PR${merged.length === 1 ? '' : 's'}`;
    const paragraphs = [`staging: ${oneLine(args.baseBranch)}@${shortSha(args.baseSha)} + ${count}`];
    // Titles and file names are untrusted: one line each, so none can start the trailer paragraph.
    if (merged.length > 0) {
        const lines = merged.map(o => `- #${o.number} ${oneLine(o.title)} (${shortSha(o.sha)})`);
        paragraphs.push(['Merged:', ...lines].join('\n'));
    }
    if (conflicted.length > 0) {
        const lines = conflicted.map(o => {
            const detail = o.status === 'skipped' ? describeSkip(o.reason) : '';
            return `- #${o.number} ${oneLine(o.title)}: ${detail}`;
        });
        paragraphs.push(['Skipped (conflicts):', ...lines].join('\n'));
    }
    paragraphs.push([
        `${BASE_TRAILER}: ${args.baseSha}`,
        `${DIGEST_TRAILER}: ${args.digest}`,
        // JSON.stringify escapes newlines in file names, so this stays one line.
        `${CONFLICTS_TRAILER}: ${JSON.stringify(conflictsOf(args.outcomes))}`,
        // Only with verify-command, so records written without it stay byte for byte as before.
        ...(args.verified ? [`${VERIFIED_TRAILER}: ${args.verified}`] : []),
        ...(args.verifyFailed && args.verifyFailed.length > 0
            ? [
                `${VERIFY_FAILED_TRAILER}: ${JSON.stringify(args.verifyFailed.map(f => ({ ...f, output: f.output.slice(-RECORDED_OUTPUT_CHARS) })))}`
            ]
            : [])
    ].join('\n'));
    return paragraphs.join('\n\n') + '\n';
}
function isConflict(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const { number, files, with: partners } = value;
    return (Number.isSafeInteger(number) &&
        number > 0 &&
        Array.isArray(files) &&
        files.every(f => typeof f === 'string') &&
        Array.isArray(partners) &&
        partners.every(p => p === 'base' || (Number.isSafeInteger(p) && p > 0)));
}
function parseConflicts(json) {
    let value;
    try {
        value = JSON.parse(json);
    }
    catch {
        return null;
    }
    if (!Array.isArray(value) || !value.every(isConflict))
        return null;
    return value.map(c => ({ number: c.number, files: [...c.files], with: [...c.with] }));
}
function isVerifyFailure(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const v = value;
    return (Number.isSafeInteger(v.number) &&
        typeof v.sha === 'string' &&
        typeof v.prior === 'string' &&
        typeof v.output === 'string' &&
        Array.isArray(v.with) &&
        v.with.every(n => Number.isSafeInteger(n)));
}
function parseVerifyFailed(json) {
    try {
        const value = JSON.parse(json);
        return Array.isArray(value) && value.every(isVerifyFailure) ? value : null;
    }
    catch {
        return null;
    }
}
/**
 * The record in a staging head commit message, or null when there is none or it is malformed.
 * Only the last paragraph counts: everything above it quotes PR titles.
 */
function parseStagingRecord(message) {
    const paragraphs = message
        .replace(/\r\n/g, '\n')
        .trim()
        .split(/\n[ \t]*\n/);
    const last = paragraphs[paragraphs.length - 1] ?? '';
    const fields = new Map();
    for (const line of last.split('\n')) {
        const match = /^([A-Za-z0-9-]+): ?(.*)$/.exec(line.trim());
        if (!match)
            return null; // not a trailer paragraph
        const [, key = '', value = ''] = match;
        if (key.startsWith('Staging-Action-') && fields.has(key))
            return null;
        fields.set(key, value.trim());
    }
    const base = fields.get(BASE_TRAILER) ?? '';
    const digest = fields.get(DIGEST_TRAILER) ?? '';
    const conflictsJson = fields.get(CONFLICTS_TRAILER);
    if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(base))
        return null;
    if (!/^[0-9a-f]{64}$/.test(digest))
        return null;
    if (conflictsJson === undefined)
        return null;
    const conflicts = parseConflicts(conflictsJson);
    if (conflicts === null)
        return null;
    const verified = fields.get(VERIFIED_TRAILER) ?? null;
    if (verified !== null && !/^[0-9a-f]{64}$/.test(verified))
        return null;
    const failedJson = fields.get(VERIFY_FAILED_TRAILER);
    const verifyFailed = failedJson === undefined ? [] : parseVerifyFailed(failedJson);
    if (verifyFailed === null)
        return null;
    return { base, digest, conflicts, verified, verifyFailed };
}

// EXTERNAL MODULE: ./src/kube/rules.ts
var rules = __webpack_require__(3574);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
;// CONCATENATED MODULE: ./src/rebuild/settings.ts
// rebuild's settings: every input it reads, parsed once into a typed object.




/**
 * `.github/workflows/staging.yml` from GITHUB_WORKFLOW_REF
 * (`octo/repo/.github/workflows/staging.yml@refs/heads/main`); null when it has no path.
 */
function workflowPathFromRef(workflowRef) {
    const withoutRepo = workflowRef.split('/').slice(2).join('/');
    const at = withoutRepo.indexOf('@refs/');
    const path = at >= 0 ? withoutRepo.slice(0, at) : withoutRepo.replace(/@[^@]*$/, '');
    return path === '' ? null : path;
}
/** `namespace/name` of a namespaced object: a DNS-1123 label and a DNS-1123 subdomain. */
function parseObjectRef(input, raw, expected) {
    if (raw === '')
        return null;
    const [namespace = '', name = '', ...rest] = raw.split('/');
    if (rest.length > 0 || !(0,rules/* isDnsLabel */.Cd)(namespace) || !(0,rules/* isDnsSubdomain */.sg)(name)) {
        throw new parse/* InputError */.dz(`Invalid ${input} '${raw}'. Expected {namespace}/{name} of ${expected}.`);
    }
    return { namespace, name };
}
const DEFAULT_VERIFY_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_VERIFY_MAX_RUNS = 8;
function parseVerify(inputs) {
    const command = inputs.get('verify-command');
    const timeoutMs = (0,duration/* parseDuration */.E)('verify-timeout', inputs.get('verify-timeout'));
    const maxRuns = (0,parse/* parseInteger */.cG)('verify-max-runs', inputs.get('verify-max-runs'), DEFAULT_VERIFY_MAX_RUNS);
    if (maxRuns < 1 || maxRuns > 100) {
        throw new parse/* InputError */.dz(`Invalid verify-max-runs '${maxRuns}': expected 1 to 100 (each run is one verify-command in a temporary worktree).`);
    }
    if (command.trim() === '')
        return null;
    return { command, timeoutMs: timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS, maxRuns };
}
/** Workflow files are dispatched by file name; `.github/workflows/x.yml` is accepted as `x.yml`. */
function parseDispatchWorkflows(raw) {
    const items = (0,parse/* parseList */.E1)('dispatch-workflows', raw).map(w => w.replace(/^\.?\/?\.github\/workflows\//, ''));
    for (const item of items) {
        if (/\.ya?ml$/.test(item) && item.includes('/')) {
            throw new parse/* InputError */.dz(`Invalid dispatch-workflows entry '${item}': a workflow file lives directly in .github/workflows; give its file name (e.g. deploy-staging.yml) or the workflow's name.`);
        }
    }
    return [...new Set(items)];
}
/** Fork PRs and Dependabot get a read-only GITHUB_TOKEN on `pull_request` events. */
function readOnlyReason(env, event) {
    const name = env.GITHUB_EVENT_NAME;
    if (name !== 'pull_request' && name !== 'pull_request_review')
        return null;
    const head = (0,context/* eventString */.O5)(event, 'pull_request', 'head', 'repo', 'full_name');
    const base = (0,context/* eventString */.O5)(event, 'pull_request', 'base', 'repo', 'full_name');
    if (head && base && head !== base) {
        return `this ${name} run comes from the fork ${head}`;
    }
    if (env.GITHUB_ACTOR === 'dependabot[bot]')
        return `this ${name} run was started by Dependabot`;
    return null;
}
/** Force-pushing the default branch would replace it with base + PRs: never the staging branch. */
function defaultBranchError(branch) {
    return new parse/* InputError */.dz(`staging-branch '${branch}' is the repository's default branch. The staging branch is force-pushed on every run, which would replace it: use a separate branch such as 'staging'.`);
}
function readRebuildSettings(inputs, env) {
    const event = (0,context/* readEvent */.j_)(env);
    const base = (0,context/* readContext */.yI)(inputs, env);
    const baseBranch = (0,parse/* optionalBranch */.vf)('base-branch', inputs.get('base-branch'));
    const stagingBranch = (0,parse/* validateBranchName */.eg)('staging-branch', inputs.get('staging-branch') || 'staging');
    const eventDefaultBranch = (0,context/* eventString */.O5)(event, 'repository', 'default_branch');
    if (stagingBranch === (baseBranch ?? eventDefaultBranch)) {
        throw new parse/* InputError */.dz(`staging-branch and base-branch are both '${stagingBranch}'. The staging branch is rebuilt and force-pushed on every run: it must be a separate branch such as 'staging'.`);
    }
    if (stagingBranch === eventDefaultBranch)
        throw defaultBranchError(stagingBranch);
    const commitStatus = inputs.get('commit-status');
    const githubToken = inputs.get('github-token');
    if (!githubToken) {
        throw new parse/* InputError */.dz("Input 'github-token' is empty. Pass a token with contents: write (the default is the workflow's GITHUB_TOKEN).");
    }
    return {
        ...base,
        mode: 'rebuild',
        githubToken,
        baseBranch,
        stagingBranch,
        ignoreChecks: (0,parse/* parseList */.E1)('ignore-checks', inputs.get('ignore-checks')),
        includeDrafts: (0,parse/* parseBoolean */.yG)('include-drafts', inputs.get('include-drafts'), false),
        includeForks: (0,parse/* parseBoolean */.yG)('include-forks', inputs.get('include-forks'), false),
        labels: (0,parse/* parseList */.E1)('labels', inputs.get('labels')),
        excludeLabels: (0,parse/* parseList */.E1)('exclude-labels', inputs.get('exclude-labels')),
        requireChecks: (0,parse/* parseBoolean */.yG)('require-checks', inputs.get('require-checks'), false),
        commitStatus: commitStatus === '' ? null : commitStatus,
        verify: parseVerify(inputs),
        fluxSource: parseObjectRef('flux-source', inputs.get('flux-source'), 'a Flux GitRepository, e.g. flux-system/flux-system-staging'),
        argocdApplication: parseObjectRef('argocd-application', inputs.get('argocd-application'), 'an Argo CD Application, e.g. argocd/app-staging'),
        dispatchWorkflows: parseDispatchWorkflows(inputs.get('dispatch-workflows')),
        kubeconfig: inputs.get('kubeconfig') || null,
        self: {
            workflowPath: env.GITHUB_WORKFLOW_REF ? workflowPathFromRef(env.GITHUB_WORKFLOW_REF) : null,
            workflowName: env.GITHUB_WORKFLOW || null,
            statusContext: commitStatus === '' ? null : commitStatus
        },
        eventDefaultBranch,
        readOnlyReason: readOnlyReason(env, event)
    };
}

// EXTERNAL MODULE: ./src/io/github-errors.ts
var github_errors = __webpack_require__(361);
;// CONCATENATED MODULE: ./src/rebuild/query.ts
// GraphQL documents for the rebuild round trip. They are validated against GitHub's published
// schema in the tests (the fake GitHub executes them), so a field GitHub would reject fails there.
const CONTEXT_FIELDS = `
  __typename
  ... on CheckRun {
    name
    status
    conclusion
    startedAt
    completedAt
    databaseId
    checkSuite {
      app { slug }
      workflowRun {
        file { path }
        workflow { name }
      }
    }
  }
  ... on StatusContext {
    context
    state
    description
    createdAt
  }
`;
/** Open PRs to base, oldest first, with each head commit's checks: one page from `$cursor`. */
const PULL_REQUESTS = `
    pullRequests(states: OPEN, baseRefName: $base, first: 100, after: $cursor, orderBy: { field: CREATED_AT, direction: ASC }) {
      nodes {
        id
        number
        title
        isDraft
        isCrossRepository
        headRefOid
        author { login }
        labels(first: 100) { nodes { name } }
        statusCheckRollup {
          commit { oid }
          contexts(first: 100) {
            pageInfo { hasNextPage endCursor }
            nodes { ${CONTEXT_FIELDS} }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }`;
/**
 * Everything rebuild needs in one query: permission, the default branch, base and staging heads
 * (and the protection rule on staging that non-admins can see, `refUpdateRule`), and the first
 * page of open PRs. Sent without a cursor; PULL_REQUESTS_QUERY reads the pages after it.
 */
const REBUILD_QUERY = `
query stagingRebuild($owner: String!, $repo: String!, $base: String!, $baseRef: String!, $stagingRef: String!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    viewerPermission
    defaultBranchRef { name }
    baseRef: ref(qualifiedName: $baseRef) {
      target { oid ... on Commit { tree { oid } } }
    }
    stagingRef: ref(qualifiedName: $stagingRef) {
      refUpdateRule { pattern }
      target { oid ... on Commit { message tree { oid } } }
    }${PULL_REQUESTS}
  }
}`;
/**
 * The pages of open PRs after REBUILD_QUERY's, without the repository's fields again (the
 * staging commit's message alone is about 70 bytes per merged PR).
 */
const PULL_REQUESTS_QUERY = `
query stagingPullRequests($owner: String!, $repo: String!, $base: String!, $cursor: String) {
  repository(owner: $owner, name: $repo) {${PULL_REQUESTS}
  }
}`;
/**
 * Further pages of one PR's check contexts, for PRs with more than 100. It reads the PR's rollup
 * as it is now: the head and the rollup's commit tell whether it is still the commit the first
 * query read.
 */
const CONTEXTS_QUERY = `
query stagingContexts($id: ID!, $cursor: String) {
  node(id: $id) {
    ... on PullRequest {
      headRefOid
      statusCheckRollup {
        commit { oid }
        contexts(first: 100, after: $cursor) {
          nodes { ${CONTEXT_FIELDS} }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
}`;

;// CONCATENATED MODULE: ./src/rebuild/state.ts





function toContext(raw) {
    if (raw.__typename === 'CheckRun') {
        return {
            kind: 'check-run',
            name: raw.name ?? '',
            status: raw.status ?? '',
            conclusion: raw.conclusion ?? null,
            startedAt: raw.startedAt ?? null,
            completedAt: raw.completedAt ?? null,
            databaseId: raw.databaseId ?? null,
            workflowPath: raw.checkSuite?.workflowRun?.file?.path ?? null,
            workflowName: raw.checkSuite?.workflowRun?.workflow.name ?? null,
            appSlug: raw.checkSuite?.app?.slug ?? null
        };
    }
    if (raw.__typename === 'StatusContext') {
        return {
            kind: 'status',
            name: raw.context ?? '',
            state: raw.state ?? '',
            description: raw.description ?? null,
            createdAt: raw.createdAt ?? null
        };
    }
    return null;
}
function contextsOf(nodes) {
    return (nodes ?? []).flatMap(n => {
        const c = n ? toContext(n) : null;
        return c ? [c] : [];
    });
}
/**
 * A token without a permission the query needs gets GitHub's bare "Resource not accessible by
 * integration": say which permissions rebuild reads with.
 */
function explainForbidden(error) {
    const graphqlErrors = error.errors ?? [];
    const message = graphqlErrors.map(e => e.message ?? '').join('; ') || (0,util_errors/* errorMessage */.gJ)(error);
    if (/Resource not accessible by integration|FORBIDDEN/i.test(message)) {
        throw new Error(`The token cannot read what rebuild needs (${message}). Give the job ` +
            "'permissions: contents: write, pull-requests: read, checks: read, actions: read' " +
            "(plus 'statuses: write' with commit-status).", { cause: error });
    }
    throw error;
}
/**
 * One query for everything rebuild needs, then the further pages of PRs (and of the checks of
 * PRs with more than 100). The repository's fields come from the first page only.
 */
async function loadRebuildState(github, base, staging) {
    const { owner, repo: name } = github.repository;
    const data = await github
        .query(REBUILD_QUERY, {
        owner,
        repo: name,
        base,
        baseRef: `refs/heads/${base}`,
        stagingRef: `refs/heads/${staging}`
    })
        .catch(explainForbidden);
    const { pageInfo } = data.repository.pullRequests;
    if (pageInfo.hasNextPage) {
        const rest = await github
            .paginate(PULL_REQUESTS_QUERY, {
            owner,
            repo: name,
            base,
            cursor: pageInfo.endCursor
        })
            .catch(explainForbidden);
        data.repository.pullRequests.nodes.push(...rest.repository.pullRequests.nodes);
    }
    const repo = data.repository;
    const pullRequests = [];
    for (const pr of repo.pullRequests.nodes) {
        if (!pr)
            continue;
        const rollup = pr.statusCheckRollup;
        const checks = contextsOf(rollup?.contexts.nodes ?? null);
        const checksOid = rollup?.commit?.oid ?? pr.headRefOid;
        let checksSkip;
        if (rollup?.contexts.pageInfo.hasNextPage) {
            const rest = await remainingContexts(github, pr, checksOid, rollup.contexts.pageInfo.endCursor);
            if ('skip' in rest)
                checksSkip = rest.skip;
            else
                checks.push(...rest.checks);
        }
        pullRequests.push({
            number: pr.number,
            title: pr.title,
            author: pr.author?.login ?? null,
            isDraft: pr.isDraft,
            isCrossRepository: pr.isCrossRepository,
            headRefOid: pr.headRefOid,
            labels: (pr.labels?.nodes ?? []).flatMap(l => (l ? [l.name] : [])),
            checksOid,
            checks,
            ...(checksSkip ? { checksSkip } : {})
        });
    }
    const stagingTarget = repo.stagingRef?.target;
    return {
        viewerPermission: repo.viewerPermission,
        defaultBranch: repo.defaultBranchRef?.name ?? null,
        stagingProtection: repo.stagingRef?.refUpdateRule?.pattern ?? null,
        baseSha: repo.baseRef?.target.oid ?? null,
        staging: stagingTarget && stagingTarget.tree
            ? {
                sha: stagingTarget.oid,
                tree: stagingTarget.tree.oid,
                message: stagingTarget.message ?? ''
            }
            : null,
        pullRequests
    };
}
const CONTEXTS_CALL = (0,github_errors/* describeCall */.GC)({ method: 'POST', url: '/graphql', query: CONTEXTS_QUERY });
/** A PR that GitHub cannot resolve is asked for this many times in all. */
const NULL_NODE_ASKS = 2;
/** GitHub's reason when every error of a failed query is NOT_FOUND (a node it cannot resolve). */
function notFoundReason(error) {
    const errors = error.errors;
    if (!Array.isArray(errors) || errors.length === 0)
        return null;
    if (!errors.every(e => e.type === 'NOT_FOUND'))
        return null;
    return errors.map(e => e.message ?? 'not found').join('; ');
}
/**
 * One follow-up page. A PR the first query has just returned is rarely gone, so a null node (or
 * NOT_FOUND) may be a passing glitch: it is asked for once more before it counts.
 */
async function contextsPage(github, id, cursor) {
    for (let tries = 1;; tries++) {
        let answer = 'node: null';
        let node;
        try {
            node = (await github.query(CONTEXTS_QUERY, { id, cursor })).node;
        }
        catch (error) {
            const reason = notFoundReason(error);
            if (reason === null)
                explainForbidden(error);
            answer = `NOT_FOUND (${reason})`;
            node = null;
        }
        if (node !== null || tries >= NULL_NODE_ASKS)
            return { node, tries, answer };
    }
}
/**
 * The checks past the first page, all of the commit the first query read (`checksOid`); paged
 * here rather than by octokit's plugin, which cannot page a null node or rollup ("No pageInfo
 * property found in response"). The PR can change between the two queries, and then its CI is
 * not known for that commit: force-pushed, it is skipped as head-moved (its new head gets a run
 * of its own); deleted or unreadable, as ci-unknown saying what was asked and what came back.
 */
async function remainingContexts(github, pr, checksOid, cursor) {
    const asked = `${CONTEXTS_CALL} for its checks after the first 100 on ${shortSha(checksOid)}`;
    const unknown = (answer, tries, why) => {
        const detail = `GitHub answered ${answer} to ${asked}, ${tries} ${tries === 1 ? 'try' : 'tries'}: ${why}`;
        log/* log */.Rm.warning(`#${pr.number}: CI not known: ${detail}`);
        return { skip: { kind: 'ci-unknown', detail } };
    };
    const checks = [];
    for (let after = cursor;;) {
        const { node, tries, answer } = await contextsPage(github, pr.id, after);
        if (node === null) {
            return unknown(answer, tries, 'the PR was deleted or cannot be read any more; the next run reads it again');
        }
        const rollup = node.statusCheckRollup;
        const now = rollup?.commit?.oid ?? node.headRefOid ?? checksOid;
        if (now !== checksOid)
            return { skip: { kind: 'head-moved', expected: checksOid, actual: now } };
        if (!rollup) {
            return unknown('statusCheckRollup: null', tries, 'its checks are gone; the next run reads them again');
        }
        checks.push(...contextsOf(rollup.contexts.nodes));
        if (!rollup.contexts.pageInfo.hasNextPage)
            return { checks };
        after = rollup.contexts.pageInfo.endCursor;
    }
}

// EXTERNAL MODULE: ./src/io/github-rules.ts
var github_rules = __webpack_require__(5795);
;// CONCATENATED MODULE: ./src/rebuild/statuses.ts
// Which of this action's own commit statuses need posting: pure, desired against what the
// GraphQL read already reported, so a run that changes nothing posts nothing (each POST is paced
// at one per second: 30 unchanged PRs used to cost 30 s).

/** The `context` status on each PR's checked commit, keyed by that commit's SHA. */
function currentStatuses(pullRequests, context) {
    const current = new Map();
    for (const pr of pullRequests) {
        for (const c of pr.checks) {
            if (c.kind !== 'status' || c.name !== context)
                continue;
            current.set(pr.checksOid, { state: c.state, description: c.description ?? null });
        }
    }
    return current;
}
/**
 * True when posting `desired` would change nothing GitHub shows: same state (GraphQL spells it
 * SUCCESS, REST success) and the same description as GitHub stores it (cut to 140 characters).
 * The target URL is not compared: it names the run that last changed the status.
 */
function statusUnchanged(current, desired) {
    return (current !== undefined &&
        current.state.toLowerCase() === desired.state.toLowerCase() &&
        current.description === (0,github_rules/* fitStatusDescription */.c)(desired.description));
}

;// CONCATENATED MODULE: ./src/rebuild/post-statuses.ts





/** Skips a PR's author can act on in staging's terms; CI and gate skips have their own checks. */
const STATUS_REASONS = new Set(['conflict', 'verify-failed']);
/**
 * Opt-in: a status on every merged or conflicting PR head. Never read back by the gate. Staging
 * is already settled here, so a status GitHub refuses is reported, not fatal.
 */
async function postStatuses(github, settings, result, shas, state) {
    const context = settings.commitStatus;
    if (!context || settings.dryRun)
        return result;
    const current = currentStatuses(state.pullRequests, context);
    let unchanged = 0;
    const errors = [];
    // After one status timed out, the rest would each wait as long: they are reported instead.
    let timedOut = null;
    await log/* log */.Rm.group('Commit statuses', async () => {
        for (const o of result.outcomes) {
            const sha = o.status === 'merged' ? o.sha : shas.get(o.number);
            if (!sha || (o.status === 'skipped' && !STATUS_REASONS.has(o.reason.kind)))
                continue;
            if (timedOut !== null) {
                errors.push(`#${o.number}: not posted after #${timedOut} timed out`);
                continue;
            }
            const status = o.status === 'merged'
                ? {
                    state: 'success',
                    // No staging SHA here: it changes on every push and would re-post every status.
                    description: `In ${settings.stagingBranch}`
                }
                : {
                    state: 'failure',
                    description: `Not in ${settings.stagingBranch}: ${describeSkip(o.reason)}`
                };
            if (statusUnchanged(current.get(sha), status)) {
                unchanged += 1;
                continue;
            }
            try {
                await github.createStatus(sha, { ...status, context, targetUrl: settings.runUrl });
            }
            catch (error) {
                if ((0,timeout/* isRequestTimeout */.B2)(error))
                    timedOut = o.number;
                const message = `#${o.number}: ${(0,util_errors/* errorMessage */.gJ)(error)}`;
                log/* log */.Rm.warning(`Could not post the '${context}' status on ${message}`);
                errors.push(message);
            }
        }
        if (unchanged > 0)
            log/* log */.Rm.info(`${unchanged} '${context}' status(es) already up to date`);
    });
    return errors.length > 0 ? { ...result, statusErrors: errors } : result;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/dataset/command.ts
var command = __webpack_require__(245);
;// CONCATENATED MODULE: ./src/rebuild/bisect.ts
// Which merged PRs to leave out when the combined tree fails verify-command: the decision alone,
// with the runs of the command handed in as `check`, so it is tested on plain predicates.
/**
 * The full candidate first (one run when it passes). When it fails: the base alone; then, in merge
 * order, a binary search for the first prefix that fails; its last PR is left out, the PRs before
 * it are known to pass together, and the search goes on over the rest. Deterministic: the same
 * outcomes of `check` give the same runs. At most `maxRuns` runs.
 */
async function planVerify(merged, check, maxRuns) {
    const runs = [];
    const culprits = [];
    const run = async (prs) => {
        if (runs.length >= maxRuns)
            return null;
        const result = { prs, ...(await check(prs)) };
        runs.push(result);
        return result;
    };
    const capped = () => ({ kind: 'cap-reached', culprits, runs });
    const full = await run([...merged]);
    if (!full)
        return capped();
    if (full.passed)
        return { kind: 'passed', kept: [...merged], culprits, runs };
    if (merged.length === 0)
        return { kind: 'base-failed', runs };
    const base = await run([]);
    if (!base)
        return capped();
    if (!base.passed)
        return { kind: 'base-failed', runs };
    // Invariant: `kept` passes, `kept + rest` fails (`failing` is that run).
    let kept = [];
    let rest = [...merged];
    let failing = full;
    for (;;) {
        let lo = 0; // kept + rest[0, lo) passes
        let hi = rest.length; // kept + rest[0, hi) fails
        while (hi - lo > 1) {
            const mid = Math.floor((lo + hi) / 2);
            const probe = await run([...kept, ...rest.slice(0, mid)]);
            if (!probe)
                return capped();
            if (probe.passed)
                lo = mid;
            else
                [hi, failing] = [mid, probe];
        }
        const culprit = rest[hi - 1];
        kept = [...kept, ...rest.slice(0, hi - 1)];
        culprits.push({ number: culprit, with: [...kept], output: failing.output });
        rest = rest.slice(hi);
        if (rest.length === 0)
            return { kind: 'passed', kept, culprits, runs };
        const next = await run([...kept, ...rest]);
        if (!next)
            return capped();
        if (next.passed)
            return { kind: 'passed', kept: [...kept, ...rest], culprits, runs };
        failing = next;
    }
}

;// CONCATENATED MODULE: ./src/rebuild/verify.ts
// verify-command: the combined tree checked before it is pushed, and the PRs that break it left
// out (the plan is bisect.ts; this is its I/O: candidate commits, worktrees, the command).









/** Only the tail is ever shown: what is kept of a chatty command's output while it runs. */
const KEPT_OUTPUT_CHARS = 8000;
// After SIGTERM at the timeout, a command that ignores it gets this long before SIGKILL.
const KILL_GRACE_MS = 2000;
/** What the record keeps of a verify-command, so a changed command is verified again. */
function verifyCommandHash(command) {
    return (0,external_node_crypto_.createHash)('sha256').update(command, 'utf8').digest('hex');
}
/**
 * Runs `script` with `bash -e` in `cwd`, without the GitHub token in its environment, killing
 * its whole process group at `timeoutMs` (a `kustomize build | ...` pipeline leaves children).
 */
function runScript(script, cwd, timeoutMs) {
    const started = Date.now();
    return new Promise(resolve => {
        const child = (0,external_node_child_process_.spawn)('bash', ['-e', '-c', script], {
            cwd,
            env: (0,command/* commandEnv */.zz)(process.env),
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let output = '';
        const collect = (chunk) => {
            output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT_CHARS);
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        let timedOut = false;
        const kill = (signal) => {
            try {
                if (child.pid !== undefined)
                    process.kill(-child.pid, signal);
            }
            catch {
                // already gone
            }
        };
        const timer = setTimeout(() => {
            timedOut = true;
            kill('SIGTERM');
            setTimeout(() => kill('SIGKILL'), KILL_GRACE_MS).unref();
        }, timeoutMs);
        const done = (passed, extra) => {
            clearTimeout(timer);
            const text = (0,command/* outputTail */.ci)(output + extra);
            resolve({ passed, output: text, durationMs: Date.now() - started, timedOut });
        };
        child.on('error', error => done(false, `\ncould not start bash: ${error.message}`));
        child.on('close', (code, signal) => {
            if (timedOut)
                return done(false, `\nverify-command timed out after ${(0,duration/* formatDuration */.a)(timeoutMs)}`);
            if (code === 0)
                return done(true, '');
            done(false, code === null ? `\nkilled by ${signal}` : `\nexit ${code}`);
        });
    });
}
/** The command on one commit, in a temporary detached worktree removed whatever happens. */
function verifyCommit(git, commit, settings) {
    return git.withWorktree(commit, 'staging-verify-', dir => runScript(settings.command, dir, settings.timeoutMs));
}
/**
 * Verifies `built` (the merge of `eligible`); when it fails, leaves out the PRs the plan finds,
 * building each combination it checks from the same merges.
 */
async function verifyBuild(git, settings, baseSha, eligible, available, built) {
    const merged = [...built.outcomes.values()]
        .filter((o) => o.status === 'merged')
        .map(o => o.number)
        .sort((a, b) => a - b);
    const builds = new Map([[merged.join(','), built]]);
    const buildOf = async (prs) => {
        const key = prs.join(',');
        let b = builds.get(key);
        if (!b) {
            const wanted = new Set(prs);
            b = await mergeAll(git, baseSha, eligible.filter(e => wanted.has(e.pr.number)), available);
            builds.set(key, b);
        }
        return b;
    };
    const plan = await planVerify(merged, async (prs) => {
        const b = await buildOf(prs);
        const run = await verifyCommit(git, b.head, settings);
        log/* log */.Rm.info(`verify ${describeRun(prs)}: ${run.passed ? 'passed' : run.timedOut ? 'timed out' : 'failed'} in ${seconds(run.durationMs)}`);
        return run;
    }, settings.maxRuns);
    const kept = plan.kind === 'passed' ? plan.kept : merged;
    return { plan, built: await buildOf(kept) };
}
/**
 * PRs the record left out whose head, base and earlier PRs are what they were: verify would fail
 * the same way, so they stay out without a run.
 */
function stillFailing(record, commandHash, inputs) {
    if (!record || record.verified !== commandHash)
        return [];
    const heads = new Map(inputs.eligible.map(e => [e.number, e.sha]));
    return record.verifyFailed.filter(f => heads.get(f.number) === f.sha && priorDigest(inputs, f.number) === f.prior);
}
async function verifyStage(args) {
    const failed = new Map(args.known.map(f => [f.number, f]));
    if (args.alreadyVerified)
        return { built: args.built, failed, capped: false };
    const { plan, built } = await verifyBuild(args.git, args.settings, args.inputs.baseSha, args.eligible, args.available, args.built);
    if (plan.kind === 'base-failed') {
        const last = plan.runs.at(-1);
        throw new Error(`verify-command fails on ${args.baseBranch}@${args.inputs.baseSha.slice(0, 7)} alone, so no combination of PRs can pass: nothing was pushed. Fix ${args.baseBranch} (or the command). The end of its output:\n${last?.output ?? ''}`);
    }
    const heads = new Map(args.inputs.eligible.map(e => [e.number, e.sha]));
    for (const c of plan.culprits) {
        failed.set(c.number, {
            number: c.number,
            sha: heads.get(c.number) ?? '',
            prior: priorDigest(args.inputs, c.number),
            with: c.with,
            output: c.output
        });
    }
    const summary = {
        runs: plan.runs.map(r => ({
            prs: r.prs,
            passed: r.passed,
            durationMs: r.durationMs,
            ...(r.timedOut ? { timedOut: true } : {})
        })),
        ended: plan.kind === 'passed' ? 'passed' : 'cap-reached',
        maxRuns: args.settings.maxRuns
    };
    return { built, failed, summary, capped: plan.kind === 'cap-reached' };
}

;// CONCATENATED MODULE: ./src/rebuild/run.ts














const PUSH_PERMISSIONS = ['ADMIN', 'MAINTAIN', 'WRITE'];
/** Staging = base + every open PR whose CI passes, merged in PR-number order. */
async function rebuild(settings, deps) {
    const { github, git } = deps;
    if (settings.readOnlyReason) {
        throw new parse/* InputError */.dz(`The token is read-only: ${settings.readOnlyReason}, and GitHub gives such runs a read-only GITHUB_TOKEN. ` +
            `Skip such runs (the README's workflow does) and let workflow_run, workflow_dispatch or the schedule rebuild staging.`);
    }
    await checkGit(git);
    const flux = settings.fluxSource && deps.flux ? await deps.flux() : null;
    const argo = settings.argocdApplication && deps.argo ? await deps.argo() : null;
    const base = settings.baseBranch ?? settings.eventDefaultBranch ?? (await github.defaultBranch());
    if (base === settings.stagingBranch) {
        throw new parse/* InputError */.dz(`staging-branch '${base}' is the base branch. The staging branch is force-pushed on every run: use a separate branch such as 'staging'.`);
    }
    const state = await log/* log */.Rm.group('Query GitHub', async () => {
        const s = await loadRebuildState(github, base, settings.stagingBranch).catch((error) => {
            if (!(0,timeout/* isRequestTimeout */.B2)(error))
                throw error;
            throw new Error(`GitHub: ${error.message}. Nothing was fetched or pushed: staging is as it was.`, { cause: error });
        });
        log/* log */.Rm.info(`${s.pullRequests.length} open pull request(s) to ${base}`);
        return s;
    });
    run_checkState(state, settings, github.slug, base);
    checkStagingBranch(state, settings.stagingBranch);
    const baseSha = state.baseSha;
    const gated = mergeOrder(state.pullRequests).map(pr => ({
        pr,
        decision: evaluatePullRequest(pr, settings)
    }));
    const eligible = gated.flatMap(g => g.decision.eligible ? [{ pr: g.pr, sha: g.decision.sha }] : []);
    const gateSkips = new Map(gated.flatMap(g => g.decision.eligible ? [] : [[g.pr.number, skippedOutcome(g.pr, g.decision.reason)]]));
    const shas = new Map(eligible.map(e => [e.pr.number, e.sha]));
    const digestOf = (heads) => inputsDigest({ baseSha, eligible: heads.map(e => ({ number: e.pr.number, sha: e.sha })) });
    // Set once verify-command ran: every result from then on shows its runs.
    const shown = {};
    const finish = (result, stagingSha, treeSha, outcomes, fastPath = false) => ({
        repository: github.slug,
        baseBranch: base,
        baseSha,
        stagingBranch: settings.stagingBranch,
        created: state.staging === null,
        result,
        fastPath,
        stagingSha,
        treeSha,
        outcomes,
        ...shown
    });
    // Fast path: staging was built from exactly these inputs; nothing to fetch, merge or push.
    const record = state.staging ? parseStagingRecord(state.staging.message) : null;
    const commandHash = settings.verify ? verifyCommandHash(settings.verify.command) : null;
    // A staging built without this verify-command (or with another) is not the one to keep.
    const verifiedAlike = record !== null &&
        (record.verified === commandHash || (commandHash === null && record.verifyFailed.length === 0));
    if (state.staging && record?.digest === digestOf(eligible) && verifiedAlike) {
        log/* log */.Rm.info('Base and eligible PR heads are unchanged since staging was built: nothing to do.');
        const conflicts = new Map(record.conflicts.map(c => [c.number, c]));
        const failed = new Map(record.verifyFailed.map(f => [f.number, f]));
        const outcomes = gated.map(({ pr, decision }) => {
            const conflict = conflicts.get(pr.number);
            if (conflict)
                return skippedOutcome(pr, { kind: 'conflict', files: conflict.files, with: conflict.with });
            const f = failed.get(pr.number);
            if (f)
                return skippedOutcome(pr, { kind: 'verify-failed', with: f.with, output: f.output });
            return decision.eligible
                ? mergedOutcome(pr, decision.sha)
                : gateSkips.get(pr.number);
        });
        return finish('unchanged', state.staging.sha, state.staging.tree, outcomes, true);
    }
    const available = await log/* log */.Rm.group('Fetch', () => fetchAll(git, base, baseSha, eligible));
    const inputs = { baseSha, eligible: eligible.map(e => ({ number: e.pr.number, sha: e.sha })) };
    const known = commandHash ? stillFailing(record, commandHash, inputs) : [];
    const toMerge = eligible.filter(e => !known.some(f => f.number === e.pr.number));
    const merged = await log/* log */.Rm.group('Merge', () => mergeAll(git, baseSha, toMerge, available));
    const verified = settings.verify
        ? await log/* log */.Rm.group('Verify', () => verifyStage({
            git,
            settings: settings.verify,
            baseBranch: base,
            inputs,
            eligible: toMerge,
            available,
            built: merged,
            known,
            alreadyVerified: state.staging?.tree === merged.tree && record?.verified === commandHash
        }))
        : null;
    if (verified?.summary)
        shown.verify = verified.summary;
    const built = verified?.built ?? merged;
    const verifyFailed = (n) => {
        const f = verified?.failed.get(n);
        return f && { kind: 'verify-failed', with: f.with, output: f.output };
    };
    const outcomes = gated.map(g => {
        const reason = verifyFailed(g.pr.number);
        if (reason)
            return skippedOutcome(g.pr, reason);
        // A PR that conflicted in the full merge is not in the combinations verify built.
        const o = built.outcomes.get(g.pr.number) ?? merged.outcomes.get(g.pr.number);
        return o ?? gateSkips.get(g.pr.number);
    });
    if (verified?.capped) {
        log/* log */.Rm.warning(`verify-command: ${settings.verify?.maxRuns} run(s) (verify-max-runs) found no combination that passes; nothing new was pushed. Raise verify-max-runs, or fix the PRs the summary lists.`);
        return finish('not-verified', state.staging?.sha ?? '', state.staging?.tree ?? '', outcomes);
    }
    // A head that could not be fetched is not in staging: the record leaves it out, so a rerun with
    // the same inputs tries it again instead of taking the fast path and reporting it merged.
    const digest = digestOf(eligible.filter(e => available.has(e.sha)));
    const message = formatStagingMessage({
        baseBranch: base,
        baseSha,
        outcomes,
        digest,
        verified: commandHash,
        verifyFailed: [...(verified?.failed.values() ?? [])]
    });
    const candidate = await git.commitTree(built.tree, [built.head], message);
    log/* log */.Rm.info(`Candidate ${candidate} (tree ${built.tree})`);
    if (state.staging && state.staging.tree === built.tree) {
        log/* log */.Rm.info(`The candidate tree equals ${settings.stagingBranch}'s tree: nothing to push.`);
        return postStatuses(github, settings, finish('unchanged', state.staging.sha, built.tree, outcomes), shas, state);
    }
    if (settings.dryRun) {
        log/* log */.Rm.info('Dry run: not pushing.');
        return finish('dry-run', candidate, built.tree, outcomes);
    }
    const pushed = await log/* log */.Rm.group('Push', () => git.tryPushWithLease(candidate, settings.stagingBranch, state.staging?.sha ?? null));
    if (!pushed.ok) {
        if (!pushed.leaseLost)
            throw pushError(pushed.message, github.slug);
        log/* log */.Rm.warning(`${settings.stagingBranch} moved since this run read it (${state.staging ? shortSha(state.staging.sha) : 'absent'}); nothing was overwritten. The next run rebuilds it.`);
        return finish('lease-lost', state.staging?.sha ?? '', built.tree, outcomes);
    }
    const result = await postStatuses(github, settings, finish('pushed', candidate, built.tree, outcomes), shas, state);
    return nudgeAfterPush(result, settings, { github, git, argo, flux });
}
async function checkGit(git) {
    // Both asked at once (the version's verdict comes first), and fetch loaded while git answers.
    const answers = Promise.all([git.version(), git.isRepository()]);
    (0,github_fetch/* preloadFetch */.MK)();
    const [v, repository] = await answers;
    if (v.major < 2 || (v.major === 2 && v.minor < 38)) {
        throw new Error(`rebuild needs git 2.38 or newer (for 'git merge-tree --write-tree'); this runner has ${v.text}. Use a current GitHub-hosted runner or install a newer git.`);
    }
    if (!repository) {
        throw new parse/* InputError */.dz(`${git.cwd} is not a git repository. Run actions/checkout before this action (the default fetch-depth is fine).`);
    }
}
function run_checkState(state, settings, slug, base) {
    const readOnly = state.viewerPermission !== null && !PUSH_PERMISSIONS.includes(state.viewerPermission);
    if (readOnly && !settings.dryRun) {
        const message = `The token can only read ${slug} (permission ${state.viewerPermission}); rebuild pushes ${settings.stagingBranch}. ` +
            `Give the job 'permissions: contents: write' (and 'statuses: write' with commit-status), or pass a token that can push.`;
        // A user token's viewerPermission is its collaborator role. For installation tokens
        // (GITHUB_TOKEN, GitHub Apps: ghs_) GitHub does not document what it reports, so the push
        // itself decides; a refused push changes nothing either.
        if (!settings.githubToken.startsWith('ghs_'))
            throw new parse/* InputError */.dz(message);
        log/* log */.Rm.warning(message);
    }
    if (!state.baseSha) {
        throw new parse/* InputError */.dz(`Base branch '${base}' does not exist in ${slug}. Set base-branch to an existing branch.`);
    }
}
/**
 * The query's answer has the last word on what must never be force-pushed: the default branch
 * (the event payload may not name it) and any branch a protection rule covers.
 */
function checkStagingBranch(state, staging) {
    if (state.defaultBranch === staging)
        throw defaultBranchError(staging);
    if (state.stagingProtection !== null) {
        throw new parse/* InputError */.dz(`staging-branch '${staging}' is protected by the branch protection rule '${state.stagingProtection}'. The staging branch is force-pushed on every run: use a branch no rule protects, or remove it from the rule.`);
    }
}
function pushError(message, slug) {
    // git's own wording, not a bare "403": SHAs, ports and repository names can contain that.
    if (/returned error: 403|HTTP 403|Permission to \S+ denied/i.test(message)) {
        return new Error(`The token cannot push to ${slug} (${message.split('\n').pop() ?? message}). Give the job 'permissions: contents: write', keep actions/checkout's persist-credentials, or pass a token that can push.`);
    }
    return new Error(`Pushing staging failed: ${message}`);
}

;// CONCATENATED MODULE: ./src/rebuild/mode.ts
// The rebuild mode: staging = base + every open PR whose CI passes.






const rebuildMode = {
    readSettings: readRebuildSettings,
    // The YAML parser behind kubeconfigSecrets is loaded only when a kubeconfig is given (Flux).
    secrets: async (settings) => [
        settings.githubToken,
        ...(settings.kubeconfig === null
            ? []
            : (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(540)]).then(__webpack_require__.bind(__webpack_require__, 4540))).kubeconfigSecrets(settings.kubeconfig))
    ],
    connect: settings => {
        // Loaded only when flux-source or argocd-application asks for it, and connected once.
        let kube;
        const kubernetes = () => (kube ??= Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(614)]).then(__webpack_require__.bind(__webpack_require__, 9614)).then(m => m.connectKubernetes(settings.kubeconfig, settings.requestTimeoutMs)));
        return {
            github: new github/* GitHub */.gq((0,github/* createOctokit */.Qi)(settings.githubToken, settings.apiUrl, settings.requestTimeoutMs), settings.repository),
            git: new io_git/* Git */.TU(settings.workspace, { requestTimeoutMs: settings.requestTimeoutMs }),
            flux: async () => (await kubernetes()).flux,
            argo: async () => (await kubernetes()).argo
        };
    },
    run: rebuild,
    report: (result, settings) => ({
        report: buildRebuildReport(result, (0,context/* webLinks */.Ee)(settings)),
        outputs: rebuildOutputs(result)
    })
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


/***/ }),

/***/ 4266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
// One retry helper for every call whose failure a second attempt can fix (git's network commands,
// Kubernetes and Sentry requests; octokit has its own). Callers say which failures are transient; everything else fails at once.
/** The longest Retry-After honoured: a server asking for more is not waited for that long. */
const MAX_REQUESTED_DELAY_MS = 60_000;
/** A Retry-After header (seconds, or an HTTP date) in milliseconds; null when absent or unreadable. */
function retryAfterMs(value, now = Date.now()) {
    if (value === null || value === undefined || value.trim() === '')
        return null;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return seconds >= 0 ? seconds * 1000 : null;
    const date = Date.parse(value);
    return Number.isNaN(date) ? null : Math.max(0, date - now);
}
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** `call()`, retried after each delay while it throws a retryable error; the last error is thrown. */
async function retry(call, options) {
    for (let attempt = 1;; attempt++) {
        try {
            return await call();
        }
        catch (error) {
            const planned = options.delaysMs[attempt - 1];
            if (planned === undefined || !options.retryable(error))
                throw error;
            const requested = options.requestedDelayMs?.(error) ?? null;
            const delay = requested === null ? planned : Math.min(requested, MAX_REQUESTED_DELAY_MS);
            options.onRetry?.(error, attempt, delay);
            await sleep(delay);
        }
    }
}


/***/ }),

/***/ 4991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ isRequestTimeout),
/* harmony export */   Qm: () => (/* binding */ DEFAULT_REQUEST_TIMEOUT_S),
/* harmony export */   Xo: () => (/* binding */ formatSeconds),
/* harmony export */   eh: () => (/* binding */ isTimeoutAbort),
/* harmony export */   u9: () => (/* binding */ fetchWithTimeout)
/* harmony export */ });
/* unused harmony export RequestTimeoutError */
// One request timeout for every HTTP call (GitHub, Kubernetes, Sentry): an endpoint that accepts
// the connection and never answers must fail the call, not keep the job alive until its own
// timeout. The whole exchange counts, headers and body.
/** The default of the `request-timeout` input, in seconds. */
const DEFAULT_REQUEST_TIMEOUT_S = 30;
/** A call that got no (complete) answer in time. Not retried: a server that hung once tends to. */
class RequestTimeoutError extends Error {
    call;
    ms;
    // octokit passes an error named AbortError through unchanged, and its retry plugin does not
    // retry it: each retry would wait the whole timeout again.
    name = 'AbortError';
    timeout = true;
    constructor(
    /** What was asked, e.g. `POST /graphql (stagingRebuild)`. */
    call, ms) {
        super(`${call} got no answer within ${formatSeconds(ms)}`);
        this.call = call;
        this.ms = ms;
    }
}
function isRequestTimeout(error) {
    return (typeof error === 'object' &&
        error !== null &&
        error.timeout === true &&
        typeof error.call === 'string');
}
function formatSeconds(ms) {
    const s = ms / 1000;
    return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
/** True when `error` is the abort of a signal made by AbortSignal.timeout (its reason). */
function isTimeoutAbort(error) {
    return (typeof error === 'object' &&
        error !== null &&
        error.name === 'TimeoutError');
}
const NO_BODY = new Set([101, 204, 205, 304]);
function graphqlOperation(body) {
    if (typeof body !== 'string' || !body.startsWith('{'))
        return undefined;
    try {
        const query = JSON.parse(body).query;
        if (typeof query !== 'string')
            return undefined;
        return /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
    }
    catch {
        return undefined;
    }
}
function describeRequest(input, init) {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    // A GraphQL call is named by its operation, so the message says which query hung.
    const operation = graphqlOperation(init?.body);
    return `${method} ${url.pathname}${operation ? ` (${operation})` : ''}`;
}
/**
 * `fetch` with a deadline on the whole exchange: the response body is read before it is handed
 * on, so a server that sends headers and then stalls times out too.
 */
function fetchWithTimeout(ms, base = globalThis.fetch) {
    return async (input, init) => {
        const signal = AbortSignal.timeout(ms);
        const combined = init?.signal ? AbortSignal.any([init.signal, signal]) : signal;
        try {
            const response = await base(input, { ...init, signal: combined });
            const body = NO_BODY.has(response.status) ? null : await response.arrayBuffer();
            const copy = new Response(body, {
                status: response.status,
                statusText: response.statusText,
                headers: response.headers
            });
            Object.defineProperty(copy, 'url', { value: response.url });
            return copy;
        }
        catch (error) {
            if (signal.aborted)
                throw new RequestTimeoutError(describeRequest(input, init), ms);
            throw error;
        }
    };
}


/***/ })

};
