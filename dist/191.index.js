export const id = 191;
export const ids = [191,614];
export const modules = {

/***/ 7291:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ Checker)
/* harmony export */ });
/* harmony import */ var _kube_rules_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3574);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2861);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9905);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(921);
// Strict checks of parsed YAML/JSON (the staging config, a catalog command's output): every
// failure is a ConfigError naming the source, the key path, what was expected and what was found.




function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}
function suggestion(key, allowed) {
    const normalised = key.toLowerCase().replaceAll('_', '-');
    const close = allowed.find(a => a === normalised || editDistance(normalised, a) <= 2);
    return close === undefined ? '' : ` Did you mean ${close}?`;
}
class Checker {
    source;
    hints;
    /** `hints` describe each key's expected value, for "must be ..." messages. */
    constructor(source, hints) {
        this.source = source;
        this.hints = hints;
    }
    hint(key) {
        return this.hints[key] ?? key;
    }
    fail(path, problem) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${this.source}: ${path} ${problem}`);
    }
    keys(value, path, allowed) {
        for (const key of Object.keys(value)) {
            if (allowed.includes(key))
                continue;
            const where = path === '' ? 'at the top level' : `in ${path}`;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${this.source}: unknown key ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(key)} ${where}; allowed keys: ` +
                `${allowed.join(', ')}.${suggestion(key, allowed)}`);
        }
    }
    string(value, path, key, required) {
        const full = path === '' ? key : `${path}.${key}`;
        if (value === undefined || value === null) {
            if (required)
                this.fail(full, `is required (${this.hint(key)})`);
            return undefined;
        }
        if (typeof value !== 'string' || value.trim() === '') {
            this.fail(full, `must be a string (${this.hint(key)}); found ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .bp)(value)}`);
        }
        return value;
    }
    label(value, path, fallback) {
        if (value === undefined)
            return fallback;
        if (!(0,_kube_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .isDnsLabel */ .Cd)(value))
            this.fail(path, `must be ${_kube_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .DNS_LABEL_RULE */ .Ap}; found ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value)}`);
        return value;
    }
    relativePath(value, path) {
        if (/^([/\\]|[A-Za-z]:)/.test(value) || value.split(/[/\\]/).includes('..')) {
            this.fail(path, `must be relative to the repository root, without ".."; found ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value)}`);
        }
        return value;
    }
    stringList(value, path, key) {
        const full = path === '' ? key : `${path}.${key}`;
        if (!Array.isArray(value) || value.length === 0) {
            this.fail(full, `must be a non-empty list (${this.hint(key)}); found ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .bp)(value)}`);
        }
        value.forEach((item, i) => {
            if (typeof item !== 'string') {
                this.fail(`${full}[${i}]`, `must be a string (quote it); found ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .bp)(item)}`);
            }
        });
        return value;
    }
    /** An argument list (a command run without a shell): never a shell string. */
    command(value, path, key) {
        const full = path === '' ? key : `${path}.${key}`;
        if (typeof value === 'string') {
            this.fail(full, `must be a list of arguments (${this.hint(key)}), not a shell string: it is run without ` +
                'a shell');
        }
        const args = this.stringList(value, path, key);
        if (args[0]?.trim() === '')
            this.fail(`${full}[0]`, 'must name a program');
        return args;
    }
    /** `store`: one template or a list of them (replicas); null when absent. */
    storeTemplates(value, path) {
        if (value === undefined || value === null)
            return null;
        const full = path === '' ? 'store' : `${path}.store`;
        if (typeof value !== 'string' && !Array.isArray(value)) {
            this.fail(full, `must be ${this.hint('store')}; found ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .bp)(value)}`);
        }
        const list = typeof value === 'string' ? [value] : this.stringList(value, path, 'store');
        list.forEach((template, i) => {
            const where = typeof value === 'string' ? full : `${full}[${i}]`;
            if (template.trim() === '')
                this.fail(where, `must not be empty (${this.hint('store')})`);
            const problem = (0,_store_js__WEBPACK_IMPORTED_MODULE_3__/* .storeTemplateProblem */ .Vb)(template);
            if (problem !== null)
                this.fail(where, `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(template)} ${problem}`);
        });
        return list;
    }
}


/***/ }),

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

/***/ 4988:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $4: () => (/* reexport safe */ _documents_js__WEBPACK_IMPORTED_MODULE_4__.$4),
/* harmony export */   NI: () => (/* binding */ HINTS),
/* harmony export */   PV: () => (/* binding */ DEFAULT_CONFIG),
/* harmony export */   Sz: () => (/* binding */ DEFAULT_STORE_EXTENSION),
/* harmony export */   T8: () => (/* reexport safe */ _documents_js__WEBPACK_IMPORTED_MODULE_4__.T8),
/* harmony export */   fX: () => (/* binding */ DEFAULT_NAME_PREFIX),
/* harmony export */   o4: () => (/* binding */ parseConfig),
/* harmony export */   oQ: () => (/* binding */ DEFAULT_NAMESPACE),
/* harmony export */   yS: () => (/* binding */ checkDatasetId),
/* harmony export */   zU: () => (/* binding */ optionalDatasetKeys)
/* harmony export */ });
/* unused harmony export datasetConfig */
/* harmony import */ var _kube_rules_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3574);
/* harmony import */ var _checker_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7291);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2861);
/* harmony import */ var _ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3465);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(921);
/* harmony import */ var _documents_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9869);
// The staging config file (.github/staging.yml by default). It comes from the pushed commit, so it
// is validated as strictly as the branch name; typos fail loudly instead of being ignored.






/** The config file, relative to the repository root (input `config`). */
const DEFAULT_CONFIG = '.github/staging.yml';
const DEFAULT_NAMESPACE = 'default';
const DEFAULT_NAME_PREFIX = 'staging';
const DEFAULT_STORE_EXTENSION = 'zarr';
const TOP_KEYS = ['namespace', 'name-prefix', 'store', 'catalog-command', 'datasets'];
const DATASET_KEYS = [
    'version-file',
    'version-key',
    'store-extension',
    'store',
    'production-prefix',
    'kind-label',
    'cronjobs',
    'cronjobs-command'
];
const HINTS = {
    namespace: 'a Kubernetes namespace such as datasets',
    'name-prefix': 'the start of staging CronJob names, such as staging',
    store: 'a base path such as s3://bucket/datasets, or a template such as ' +
        's3://bucket/{dataset_id}/v{version}.{ext}, or a list of them',
    'catalog-command': 'a list of arguments such as [uv, run, main, print-catalog]',
    'version-file': 'a repository path such as path/to/template/zarr.json',
    'version-key': 'a dotted path such as attributes.dataset_version',
    'store-extension': 'a file extension without the dot, such as zarr',
    'production-prefix': 'the part of the production CronJob names before the kind, such as noaa-gfs-forecast',
    'kind-label': 'a label key of the production CronJobs, such as app.kubernetes.io/component',
    cronjobs: 'a glob such as deploy/noaa-gfs-forecast/*.yaml, or a list of globs',
    'cronjobs-command': 'a list of arguments such as [uv, run, main, noaa-gfs-forecast, print-cronjobs]'
};
const DOTTED_PATH = /^[^.\s]+(\.[^.\s]+)*$/;
const EXTENSION = /^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
function cronJobSource(check, value, path, required) {
    const globs = value.cronjobs;
    const command = value['cronjobs-command'];
    const hasGlobs = globs !== undefined && globs !== null;
    const hasCommand = command !== undefined && command !== null;
    if (!hasGlobs && !hasCommand && !required)
        return { cronjobs: null, cronjobsCommand: null };
    if (hasGlobs === hasCommand) {
        check.fail(path, `must set ${required ? 'exactly' : 'at most'} one of cronjobs (${HINTS.cronjobs}) or ` +
            `cronjobs-command (${HINTS['cronjobs-command']}); ${hasGlobs ? 'both are' : 'neither is'} set`);
    }
    if (hasCommand) {
        return { cronjobs: null, cronjobsCommand: check.command(command, path, 'cronjobs-command') };
    }
    const list = typeof globs === 'string' ? [globs] : check.stringList(globs, path, 'cronjobs');
    list.forEach((glob, i) => {
        const where = typeof globs === 'string' ? `${path}.cronjobs` : `${path}.cronjobs[${i}]`;
        if (glob.trim() === '')
            check.fail(where, `must not be empty (${HINTS.cronjobs})`);
        check.relativePath(glob, where);
    });
    return { cronjobs: list, cronjobsCommand: null };
}
/** production-prefix, kind-label and store-extension: shared by config and catalog entries. */
function optionalDatasetKeys(check, value, path) {
    const extension = check.string(value['store-extension'], path, 'store-extension', false);
    if (extension !== undefined && !EXTENSION.test(extension)) {
        check.fail(`${path}.store-extension`, `must be ${HINTS['store-extension']}; found ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(extension)}`);
    }
    const prefix = check.string(value['production-prefix'], path, 'production-prefix', false);
    if (prefix !== undefined && !(0,_kube_rules_js__WEBPACK_IMPORTED_MODULE_5__/* .isDnsSubdomain */ .sg)(prefix)) {
        check.fail(`${path}.production-prefix`, `must be ${HINTS['production-prefix']} (lowercase letters, digits, "-" and "."); found ` +
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(prefix));
    }
    const label = check.string(value['kind-label'], path, 'kind-label', false);
    if (label !== undefined && !LABEL_KEY.test(label)) {
        check.fail(`${path}.kind-label`, `must be ${HINTS['kind-label']}; found ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(label)}`);
    }
    return {
        storeExtension: extension ?? null,
        productionPrefix: prefix ?? null,
        kindLabel: label ?? null,
        store: check.storeTemplates(value.store, path)
    };
}
/** A dataset id from a config key or a catalog entry; `where` is its place in the file. */
function checkDatasetId(check, id, where) {
    const idProblem = (0,_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .datasetIdProblem */ .dk)(id);
    if (idProblem !== null) {
        check.fail(where, `is not a valid dataset id: ${idProblem}. Dataset ids must be DNS-1123 labels ` +
            '(lowercase letters, digits and "-", e.g. noaa-gfs-forecast)');
    }
}
function dataset(check, id, value, catalog) {
    const path = `datasets.${id}`;
    checkDatasetId(check, id, `datasets: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(id)}`);
    if (!(0,_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(value)) {
        check.fail(path, `must be a mapping with version-file, version-key and cronjobs or cronjobs-command; ` +
            `found ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .describeValue */ .bp)(value)}`);
    }
    check.keys(value, path, DATASET_KEYS);
    // With a catalog the version comes from it unless both keys say where else to read it.
    const hasFile = value['version-file'] !== undefined && value['version-file'] !== null;
    const hasKey = value['version-key'] !== undefined && value['version-key'] !== null;
    const required = !catalog || hasFile || hasKey;
    const versionFile = check.string(value['version-file'], path, 'version-file', required);
    const versionKey = check.string(value['version-key'], path, 'version-key', required);
    if (versionKey !== undefined && !DOTTED_PATH.test(versionKey)) {
        check.fail(`${path}.version-key`, `must be ${HINTS['version-key']}; found ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(versionKey)}`);
    }
    return {
        id,
        versionFile: versionFile === undefined ? null : check.relativePath(versionFile, `${path}.version-file`),
        versionKey: versionKey ?? null,
        ...optionalDatasetKeys(check, value, path),
        ...cronJobSource(check, value, path, !catalog)
    };
}
/** Parses and validates the staging config; `source` names the file in error messages. */
function parseConfig(text, source) {
    const check = new _checker_js__WEBPACK_IMPORTED_MODULE_0__/* .Checker */ .A(source, HINTS);
    const root = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .parseOne */ .EZ)(text, source);
    if (!(0,_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(root)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`${source}: expected a mapping with a datasets: section (see the staging config ` +
            `documentation); found ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .describeValue */ .bp)(root)}`);
    }
    check.keys(root, '', TOP_KEYS);
    const namespace = check.string(root.namespace, '', 'namespace', false);
    const prefix = check.string(root['name-prefix'], '', 'name-prefix', false);
    const hasCatalog = root['catalog-command'] !== undefined && root['catalog-command'] !== null;
    const catalogCommand = hasCatalog
        ? check.command(root['catalog-command'], '', 'catalog-command')
        : null;
    const datasets = root.datasets ?? (hasCatalog ? {} : undefined);
    if (!(0,_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(datasets) || (!hasCatalog && Object.keys(datasets).length === 0)) {
        check.fail('datasets', `must be a mapping from dataset id to its settings, with at least one dataset (or set ` +
            `catalog-command: ${HINTS['catalog-command']}); found ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .describeValue */ .bp)(datasets)}`);
    }
    const parsed = Object.create(null);
    for (const [id, value] of Object.entries(datasets)) {
        parsed[id] = dataset(check, id, value, hasCatalog);
    }
    return {
        source,
        namespace: check.label(namespace, 'namespace', DEFAULT_NAMESPACE),
        namePrefix: check.label(prefix, 'name-prefix', DEFAULT_NAME_PREFIX),
        store: check.storeTemplates(root.store, ''),
        catalogCommand,
        datasets: parsed
    };
}
/** The `datasets:` entry of `datasetId`; throws naming the configured ids when it has none. */
function datasetConfig(config, datasetId) {
    const found = Object.hasOwn(config.datasets, datasetId) ? config.datasets[datasetId] : undefined;
    if (found === undefined) {
        const ids = Object.keys(config.datasets).sort();
        throw new ConfigError(`Dataset ${quote(datasetId)} is not configured in ${config.source} (configured: ` +
            `${ids.join(', ')}): add it under datasets:, or push to the stage/ branch of a ` +
            'configured dataset.');
    }
    return found;
}


/***/ }),

/***/ 9869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $4: () => (/* binding */ readVersion),
/* harmony export */   M0: () => (/* binding */ checkCronJob),
/* harmony export */   T8: () => (/* binding */ parseCronJobDocuments)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2861);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(921);


const MAX_LISTED_KEYS = 12;
function keysHint(value) {
    if (Array.isArray(value))
        return ` (it is a list of ${value.length} items)`;
    if (!(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(value))
        return ` (it is ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .bp)(value)})`;
    const keys = Object.keys(value);
    if (keys.length === 0)
        return ' (it is an empty mapping)';
    const shown = keys.slice(0, MAX_LISTED_KEYS).join(', ');
    return ` (keys there: ${shown}${keys.length > MAX_LISTED_KEYS ? ', ...' : ''})`;
}
/**
 * The string at the dotted `key` (e.g. attributes.dataset_version) of a JSON file (name ends in
 * .json) or a YAML file. Numeric segments index lists.
 */
function readVersion(text, source, key) {
    let current = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .parseOne */ .EZ)(text, source);
    const walked = [];
    for (const segment of key.split('.')) {
        const where = walked.length === 0 ? 'the top level' : walked.join('.');
        let next;
        if (Array.isArray(current) && /^[0-9]+$/.test(segment)) {
            next = current[Number(segment)];
        }
        else if ((0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(current) && Object.hasOwn(current, segment)) {
            next = current[segment];
        }
        if (next === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${source}: version key ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(key)} not found: ${where} has no ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(segment)}` +
                `${keysHint(current)}. Fix version-key in the staging config or the file.`);
        }
        walked.push(segment);
        current = next;
    }
    if (typeof current !== 'string' || current.trim() === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${source}: ${key} must be a non-empty string version such as "0.3.0", found ` +
            `${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .bp)(current)}. In YAML, quote versions ("0.3.0") so they stay strings.`);
    }
    return current;
}
/** A parsed batch/v1 CronJob with every field staging reads or rewrites; `what` names it in errors. */
function checkCronJob(value, what) {
    if (!(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${what} is ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .bp)(value)}, not a Kubernetes object.`);
    }
    const { apiVersion, kind } = value;
    if (typeof kind !== 'string' || typeof apiVersion !== 'string') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${what} has no apiVersion or kind; expected apiVersion: batch/v1 and kind: CronJob.`);
    }
    if (kind !== 'CronJob') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${what} is a ${kind}, not a batch/v1 CronJob: list only the dataset's production ` +
            'CronJobs (narrow the cronjobs glob or the command output).');
    }
    if (apiVersion !== 'batch/v1') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${what} is a ${apiVersion} CronJob, not a batch/v1 CronJob: change its apiVersion to batch/v1.`);
    }
    const metadata = value.metadata;
    const name = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(metadata) ? metadata.name : undefined;
    if (typeof name !== 'string' || name === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${what} is a CronJob without metadata.name; give it a name.`);
    }
    const spec = value.spec;
    if (!(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(spec) || typeof spec.schedule !== 'string') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${what} (CronJob ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)}) has no spec.schedule string.`);
    }
    const jobSpec = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(spec.jobTemplate) ? spec.jobTemplate.spec : undefined;
    const template = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(jobSpec) ? jobSpec.template : undefined;
    const podSpec = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(template) ? template.spec : undefined;
    const containers = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(podSpec) ? podSpec.containers : undefined;
    if (!Array.isArray(containers) || containers.length === 0 || !containers.every(_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${what} (CronJob ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)}) has no spec.jobTemplate.spec.template.spec.containers list.`);
    }
    // The checks above cover every field staging reads or rewrites; the API server checks the rest.
    return value;
}
/**
 * The CronJobs of a multi-document YAML stream or a JSON file; `kind: List` documents are
 * flattened and empty documents ignored. Anything that is not a batch/v1 CronJob is an error.
 */
function parseCronJobDocuments(text, source) {
    const cronJobs = [];
    (0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .parseStream */ .em)(text, source).forEach((doc, index) => {
        if (doc === null || doc === undefined)
            return;
        const what = `document ${index + 1} of ${source}`;
        if ((0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(doc) && doc.kind === 'List') {
            if (!Array.isArray(doc.items)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${what} is a List without an items list.`);
            }
            doc.items.forEach((item, i) => {
                cronJobs.push(checkCronJob(item, `item ${i + 1} of ${what}`));
            });
            return;
        }
        cronJobs.push(checkCronJob(doc, what));
    });
    return cronJobs;
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

/***/ 3189:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DZ: () => (/* binding */ stagedIdentity),
/* harmony export */   Hz: () => (/* binding */ stagingLabels),
/* harmony export */   dn: () => (/* binding */ identityAnnotations),
/* harmony export */   eM: () => (/* binding */ SOURCE_ANNOTATION),
/* harmony export */   lu: () => (/* binding */ stagedKind),
/* harmony export */   oi: () => (/* binding */ MANAGED_SELECTOR),
/* harmony export */   ru: () => (/* binding */ stagingSelector)
/* harmony export */ });
/* unused harmony exports MANAGED_BY_LABEL, MANAGED_BY_VALUE, DATASET_LABEL, VERSION_LABEL, KIND_LABEL, labelSafe */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _kube_rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3574);
// The labels that mark staged CronJobs, so cleanup and pruning find every kind of a dataset version
// without knowing the kinds in advance. A label value holds at most 63 characters: a longer value
// is stored in full in an annotation of the same key, and its label holds a label-safe form.


const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
const MANAGED_BY_VALUE = 'staging-action';
const DATASET_LABEL = 'staging-action/dataset';
const VERSION_LABEL = 'staging-action/version';
const KIND_LABEL = 'staging-action/kind';
const SOURCE_ANNOTATION = 'staging-action/source';
const LABEL_HASH = 8;
/**
 * `value` as a label value: unchanged whenever it is one (so objects labelled before keep
 * matching), else its label-valid characters cut to fit, then "-" and 8 hex characters of the
 * SHA-256 of the whole value, so two long values that share their start still get different
 * labels. Deterministic: every mode computes the same form to select on.
 */
function labelSafe(value) {
    if ((0,_kube_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .labelValueProblem */ .zV)(value) === null)
        return value;
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(value).digest('hex').slice(0, LABEL_HASH);
    const head = value
        .replace(/[^-A-Za-z0-9_.]/g, '-')
        .replace(/^[^A-Za-z0-9]+/, '')
        .slice(0, _kube_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_LABEL_VALUE */ .yj - 1 - LABEL_HASH)
        .replace(/[^A-Za-z0-9]+$/, '');
    return head === '' ? hash : `${head}-${hash}`;
}
/**
 * The labels every staged CronJob (and its Jobs and pods) carries: label-safe forms of the id,
 * version and kind (today's checks keep each within 63 characters, so they are the values).
 */
function stagingLabels(datasetId, version, kind) {
    return {
        [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
        [DATASET_LABEL]: labelSafe(datasetId),
        [VERSION_LABEL]: labelSafe(version),
        [KIND_LABEL]: labelSafe(kind)
    };
}
/** The full id, version and kind, under the labels' keys: what a reader shows and compares. */
function identityAnnotations(datasetId, version, kind) {
    return { [DATASET_LABEL]: datasetId, [VERSION_LABEL]: version, [KIND_LABEL]: kind };
}
/** Label selector for every staged CronJob of one dataset version, whatever its kind. */
function stagingSelector(datasetId, version) {
    return [
        `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}`,
        `${DATASET_LABEL}=${labelSafe(datasetId)}`,
        `${VERSION_LABEL}=${labelSafe(version)}`
    ].join(',');
}
/** Every object staging-action staged, whatever its dataset, version or kind. */
const MANAGED_SELECTOR = `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}`;
/**
 * One identity value of a staged object: the annotation's full value when the label is its
 * label-safe form, else the label (objects staged before the annotations existed, or edited).
 */
function identityValue(metadata, key) {
    const label = metadata?.labels?.[key];
    const full = metadata?.annotations?.[key];
    return full !== undefined && label !== undefined && labelSafe(full) === label ? full : label;
}
/** The kind of a staged object, in full; '' when it carries none. */
function stagedKind(metadata) {
    return identityValue(metadata, KIND_LABEL) ?? '';
}
/**
 * The dataset version and kind a staged object belongs to (unchecked strings: the caller validates
 * them); null when it does not carry them. Objects are found by labels and identified by them and
 * their annotations, never by recomputing names.
 */
function stagedIdentity(metadata) {
    const datasetId = identityValue(metadata, DATASET_LABEL);
    const version = identityValue(metadata, VERSION_LABEL);
    if (!datasetId || !version)
        return null;
    return { datasetId, version, kind: stagedKind(metadata) };
}


/***/ }),

/***/ 3465:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B1: () => (/* binding */ parseStageRef),
/* harmony export */   Ec: () => (/* binding */ versionProblem),
/* harmony export */   Pj: () => (/* binding */ validateVersion),
/* harmony export */   Wc: () => (/* binding */ validateDatasetId),
/* harmony export */   dk: () => (/* binding */ datasetIdProblem),
/* harmony export */   eH: () => (/* binding */ stageBranchName),
/* harmony export */   o$: () => (/* binding */ versionSlug)
/* harmony export */ });
/* harmony import */ var _kube_rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3574);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2861);
// Branch names are untrusted input (anyone who can push names one), so they are parsed strictly
// into a dataset id and a version that are safe in Kubernetes names, labels and paths.


const EXAMPLE_BRANCH = 'stage/noaa-gfs-forecast/v0.3.0';
const MAX_LABEL = _kube_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_LABEL_VALUE */ .yj;
const NUMERIC = '(?:0|[1-9][0-9]*)';
// Lowercase only: the version ends up in lowercase Kubernetes names, and two versions differing only
// in case would stage to the same CronJobs.
const PRERELEASE_ID = `(?:${NUMERIC}|[0-9]*[a-z-][0-9a-z-]*)`;
const VERSION = new RegExp(`^${NUMERIC}\\.${NUMERIC}\\.${NUMERIC}(?:-${PRERELEASE_ID}(?:\\.${PRERELEASE_ID})*)?$`);
const SHELL_META = /[;|&$`<>(){}'"\\*?[\]!#~^]/;
// eslint-disable-next-line no-control-regex
const WHITESPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f]/;
const ID_RULE = 'Dataset ids must be DNS-1123 labels: lowercase letters, digits and "-", starting and ending ' +
    `with a letter or digit, at most ${MAX_LABEL} characters (e.g. noaa-gfs-forecast).`;
const VERSION_RULE = 'Expected MAJOR.MINOR.PATCH with an optional lowercase pre-release, e.g. 0.3.0 or 0.3.0-rc.1.';
/** Why `id` is not a valid dataset id, or null when it is. */
function datasetIdProblem(id) {
    if (id === '')
        return 'it is empty';
    if (id.length > MAX_LABEL)
        return `it is ${id.length} characters, more than ${MAX_LABEL}`;
    if ((0,_kube_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .isDnsLabel */ .Cd)(id))
        return null;
    if (/[A-Z]/.test(id))
        return 'it contains uppercase letters (use lowercase)';
    if (/[_.]/.test(id))
        return 'it contains "_" or "." (use "-" instead)';
    if (id.startsWith('-') || id.endsWith('-'))
        return 'it starts or ends with "-"';
    return 'it contains characters other than lowercase letters, digits and "-"';
}
/** Throws unless `id` is a DNS-1123 label (what Kubernetes names and labels need). */
function validateDatasetId(id) {
    const problem = datasetIdProblem(id);
    if (problem !== null) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValidationError */ .yI(`Dataset id ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(id)} is not valid: ${problem}. ${ID_RULE}`);
    }
    return id;
}
/** Why `version` is not a stageable version, or null when it is. */
function versionProblem(version) {
    if (version === '')
        return 'it is empty';
    if (/^[vV][0-9]/.test(version)) {
        return `write it without the leading "v" (${version.slice(1)}); the "v" belongs only in the branch name`;
    }
    if (version.includes('+')) {
        return ('build metadata ("+...") is not allowed: "+" cannot appear in Kubernetes names or label ' +
            'values, and semver ignores it when comparing versions, so use a pre-release such as -rc.1');
    }
    if (/[A-Z]/.test(version)) {
        return 'it contains uppercase letters (use lowercase: it becomes part of Kubernetes names)';
    }
    if (!/^[0-9]+\.[0-9]+\.[0-9]+(-|$)/.test(version)) {
        return 'it is not three numeric parts MAJOR.MINOR.PATCH, optionally followed by -pre.release';
    }
    if (!VERSION.test(version)) {
        if (/(^|[.-])0[0-9]/.test(version))
            return 'numeric parts must not have leading zeros';
        return 'the pre-release after "-" must be dot-separated letters, digits and "-"';
    }
    // Also a label value (staging-action/version), which must end with a letter or digit.
    if (version.endsWith('-'))
        return 'it ends with "-"';
    if (version.length > MAX_LABEL) {
        return `it is ${version.length} characters; a Kubernetes label value allows at most ${MAX_LABEL}`;
    }
    return null;
}
/** Throws unless `version` is MAJOR.MINOR.PATCH[-pre.release] without a leading v or build metadata. */
function validateVersion(version) {
    const problem = versionProblem(version);
    if (problem !== null) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValidationError */ .yI(`Version ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(version)} is not valid: ${problem}. ${VERSION_RULE}`);
    }
    return version;
}
/** The version as it appears in Kubernetes names: dots as dashes (0.3.0-rc.1 → 0-3-0-rc-1). */
function versionSlug(version) {
    return version.replaceAll('.', '-');
}
/** The staging branch of a dataset version: `stage/{datasetId}/v{version}`. */
function stageBranchName(datasetId, version) {
    return `stage/${datasetId}/v${version}`;
}
function refProblem(ref) {
    if (ref === '')
        return 'it is empty';
    if (WHITESPACE_OR_CONTROL.test(ref))
        return 'it contains whitespace or control characters';
    if (SHELL_META.test(ref))
        return 'it contains shell metacharacters';
    if (/[A-Z]/.test(ref))
        return 'it contains uppercase letters (staging branches are lowercase)';
    if (ref.includes('..'))
        return 'it contains ".."';
    const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
    if (branch.startsWith('refs/'))
        return 'only branches (refs/heads/...) can be staged';
    const segments = branch.split('/');
    if (segments[0] !== 'stage')
        return 'it does not start with "stage/"';
    if (segments.length !== 3) {
        return `it has ${segments.length} "/"-separated parts instead of 3 (stage, dataset id, version)`;
    }
    const [, datasetId, versionPart] = segments;
    const idProblem = datasetIdProblem(datasetId);
    if (idProblem !== null) {
        return `the dataset id ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(datasetId)} is not valid: ${idProblem}. ${ID_RULE}`;
    }
    if (!versionPart.startsWith('v')) {
        return `the version part ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(versionPart)} must start with "v" (e.g. v0.3.0)`;
    }
    const version = versionPart.slice(1);
    const vProblem = versionProblem(version);
    if (vProblem !== null)
        return `the version ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(version)} is not valid: ${vProblem}`;
    return { datasetId: datasetId, version: version };
}
/**
 * Splits `refs/heads/stage/{id}/v{version}` or the short `stage/{id}/v{version}` (delete events
 * carry the short name) into a validated dataset id and version (without the "v").
 */
function parseStageRef(ref) {
    const result = refProblem(ref);
    if (typeof result !== 'string')
        return result;
    const reason = result.endsWith('.') ? result.slice(0, -1) : result;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValidationError */ .yI(`Branch ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(ref)} is not a staging branch: ${reason}. Expected ` +
        `stage/{dataset_id}/v{MAJOR.MINOR.PATCH[-pre.release]}, e.g. ${EXAMPLE_BRANCH} ` +
        `(or refs/heads/${EXAMPLE_BRANCH}).`);
}


/***/ }),

/***/ 7397:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  YQ: () => (/* reexport */ findDataset),
  Z9: () => (/* binding */ loadConfig),
  wb: () => (/* binding */ loadDatasets),
  AW: () => (/* binding */ productionCronJobs),
  Eu: () => (/* binding */ requireConfig),
  uP: () => (/* binding */ resolveNamespace),
  C6: () => (/* binding */ versionInCheckout),
  HI: () => (/* binding */ versionOnBase),
  yl: () => (/* reexport */ versionWhere)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/kube/rules.ts
var rules = __webpack_require__(3574);
// EXTERNAL MODULE: ./src/dataset/checker.ts
var checker = __webpack_require__(7291);
// EXTERNAL MODULE: ./src/dataset/config.ts
var dataset_config = __webpack_require__(4988);
// EXTERNAL MODULE: ./src/dataset/documents.ts
var documents = __webpack_require__(9869);
// EXTERNAL MODULE: ./src/dataset/errors.ts
var errors = __webpack_require__(2861);
// EXTERNAL MODULE: ./src/dataset/yaml.ts
var yaml = __webpack_require__(921);
;// CONCATENATED MODULE: ./src/dataset/catalog.ts





const ENTRY_KEYS = [
    'id',
    'version',
    'production-prefix',
    'kind-label',
    'store',
    'store-extension',
    'cronjobs'
];
const CATALOG_HINTS = {
    ...dataset_config/* HINTS */.NI,
    id: 'a dataset id such as noaa-gfs-forecast',
    version: 'the dataset version at this commit as a string, such as "0.3.0"',
    cronjobs: 'a list of the production CronJob manifests (batch/v1 CronJob objects)'
};
const SHAPE = '{"datasets": [{"id": ..., "version": ..., "cronjobs": [...]}, ...]}';
function entry(check, source, value, path) {
    if (!(0,yaml/* isRecord */.u4)(value)) {
        check.fail(path, `must be a mapping with id, version and cronjobs; found ${(0,yaml/* describeValue */.bp)(value)}`);
    }
    const id = check.string(value.id, path, 'id', true);
    (0,dataset_config/* checkDatasetId */.yS)(check, id, `${path}.id ${(0,errors/* quote */.hD)(id)}`);
    const at = `${path} (${id})`;
    check.keys(value, at, ENTRY_KEYS);
    const version = check.string(value.version, at, 'version', true);
    const cronjobs = value.cronjobs;
    if (!Array.isArray(cronjobs)) {
        check.fail(`${at}.cronjobs`, `must be ${CATALOG_HINTS.cronjobs}; found ${(0,yaml/* describeValue */.bp)(cronjobs)}`);
    }
    return {
        id,
        version,
        ...(0,dataset_config/* optionalDatasetKeys */.zU)(check, value, at),
        cronJobs: cronjobs.map((c, i) => (0,documents/* checkCronJob */.M0)(c, `${source}: ${at}.cronjobs[${i}]`))
    };
}
/** The catalog a command printed (JSON or YAML); `source` names the output in messages. */
function parseCatalog(text, source) {
    const check = new checker/* Checker */.A(source, CATALOG_HINTS);
    if (text.trim() === '') {
        throw new errors/* ConfigError */.xL(`${source}: printed nothing; expected JSON or YAML shaped like ${SHAPE}.`);
    }
    const root = (0,yaml/* parseOutput */.Fw)(text, source);
    if (!(0,yaml/* isRecord */.u4)(root) || !Array.isArray(root.datasets)) {
        throw new errors/* ConfigError */.xL(`${source}: expected a mapping with a datasets list, shaped like ${SHAPE}; found ` +
            ((0,yaml/* isRecord */.u4)(root) ? `datasets: ${(0,yaml/* describeValue */.bp)(root.datasets)}` : (0,yaml/* describeValue */.bp)(root)));
    }
    check.keys(root, '', ['datasets']);
    const seen = new Map();
    return root.datasets.map((value, i) => {
        const parsed = entry(check, source, value, `datasets[${i}]`);
        const first = seen.get(parsed.id);
        if (first !== undefined) {
            check.fail(`datasets[${i}].id`, `${(0,errors/* quote */.hD)(parsed.id)} is also the id of datasets[${first}]`);
        }
        seen.set(parsed.id, i);
        return parsed;
    });
}
function missing(config, catalog, id, keys) {
    const where = catalog === null ? '' : ` and it is not in the catalog printed by ${catalog}`;
    throw new errors/* ConfigError */.xL(`${config.source}: datasets.${id} has no ${keys}${where}: set them in its entry` +
        (catalog === null ? '.' : ', or add the dataset to the catalog.'));
}
function merge(config, catalog, id, own, printed) {
    let version;
    if (own?.versionFile && own.versionKey)
        version = { file: own.versionFile, key: own.versionKey };
    else if (printed)
        version = { catalog: printed.version, command: config.catalogCommand ?? [] };
    else
        missing(config, catalog, id, 'version-file and version-key');
    let cronJobs;
    if (own?.cronjobs)
        cronJobs = { globs: own.cronjobs };
    else if (own?.cronjobsCommand)
        cronJobs = { command: own.cronjobsCommand };
    else if (printed)
        cronJobs = { manifests: printed.cronJobs, from: catalog ?? '' };
    else
        missing(config, catalog, id, 'cronjobs or cronjobs-command');
    return {
        id,
        version,
        storeExtension: own?.storeExtension ?? printed?.storeExtension ?? dataset_config/* DEFAULT_STORE_EXTENSION */.Sz,
        store: own?.store ?? printed?.store ?? config.store ?? [],
        kindRule: {
            productionPrefix: own?.productionPrefix ?? printed?.productionPrefix ?? id,
            kindLabel: own?.kindLabel ?? printed?.kindLabel ?? null
        },
        cronJobs
    };
}
/**
 * Every dataset: the catalog's (when the config has a catalog-command; `catalog` is its parsed
 * output, `shown` the command) with the config's entries over them, plus entries of their own.
 */
function resolveDatasets(config, catalog, shown = null) {
    const printed = new Map((catalog ?? []).map(e => [e.id, e]));
    const ids = [...new Set([...printed.keys(), ...Object.keys(config.datasets)])].sort();
    const byId = new Map();
    for (const id of ids) {
        const own = Object.hasOwn(config.datasets, id) ? config.datasets[id] : undefined;
        byId.set(id, merge(config, shown, id, own, printed.get(id)));
    }
    return { source: config.source, catalog: shown, byId };
}
/** Where a dataset's version is read, for messages: "path (key)" or "the catalog". */
function versionWhere(dataset) {
    return 'file' in dataset.version
        ? `${dataset.version.file} (${dataset.version.key})`
        : `the catalog printed by catalog-command '${dataset.version.command.join(' ')}'`;
}
/** The dataset `datasetId`; throws naming the known ids when there is none. */
function findDataset(datasets, datasetId) {
    const found = datasets.byId.get(datasetId);
    if (found !== undefined)
        return found;
    const ids = [...datasets.byId.keys()].join(', ') || 'none';
    const where = datasets.catalog === null
        ? `is not configured in ${datasets.source} (configured: ${ids}): add it under datasets:`
        : `is neither in the catalog printed by ${datasets.catalog} nor under datasets: in ` +
            `${datasets.source} (known: ${ids}): add it to the catalog`;
    throw new errors/* ConfigError */.xL(`Dataset ${(0,errors/* quote */.hD)(datasetId)} ${where}, or push to the stage/ branch of a configured dataset.`);
}

// EXTERNAL MODULE: ./src/dataset/command.ts
var dataset_command = __webpack_require__(245);
;// CONCATENATED MODULE: ./src/dataset/sources.ts
// The I/O edge of deploy, cleanup and sweep: the config file, the catalog command, the version
// files and the production CronJobs, read from the checkout (and from the base branch with git).









/** A path inside the checkout; a config that points outside it is refused. */
function inside(workspace, path, what) {
    const full = (0,external_node_path_.resolve)(workspace, path);
    const rel = (0,external_node_path_.relative)(workspace, full);
    if (rel.startsWith('..') || rel.startsWith(external_node_path_.sep) || rel === '') {
        throw new errors/* ConfigError */.xL(`${what} '${path}' is outside the repository checkout (${workspace}).`);
    }
    return full;
}
async function readText(path) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return null;
        throw error;
    }
}
async function loadConfig(workspace, path) {
    const text = await readText(inside(workspace, path, 'config'));
    return text === null ? null : (0,dataset_config/* parseConfig */.o4)(text, path);
}
async function requireConfig(workspace, path) {
    const config = await loadConfig(workspace, path);
    if (!config) {
        throw new errors/* ConfigError */.xL(`Config file '${path}' not found in ${workspace}. Add it (see the README's config schema), set the 'config' input, or run actions/checkout first.`);
    }
    return config;
}
/** The catalog `command` prints when run in `cwd`; `where` says which commit, for messages. */
async function runCatalog(command, cwd, where) {
    const shown = command.join(' ');
    const out = await (0,dataset_command/* runCommand */.d1)(command, cwd, `catalog-command '${shown}'${where}`);
    return parseCatalog(out, `the output of catalog-command '${shown}'${where}`);
}
/** Every dataset of the checkout: the config's, merged over its catalog command's output. */
async function loadDatasets(workspace, config) {
    if (config.catalogCommand === null)
        return resolveDatasets(config, null);
    const catalog = await runCatalog(config.catalogCommand, workspace, '');
    return resolveDatasets(config, catalog, config.catalogCommand.join(' '));
}
/**
 * The namespace to work in: the `namespace` input, else the config's, else `default`. The input
 * is checked like the config's value, so a typo fails here instead of as an API server 404 (or a
 * request for a path nobody meant).
 */
function resolveNamespace(input, config) {
    if (input === null)
        return config?.namespace ?? dataset_config/* DEFAULT_NAMESPACE */.oQ;
    if (!(0,rules/* isDnsLabel */.Cd)(input)) {
        throw new errors/* ValidationError */.yI(`Input 'namespace' ${(0,errors/* quote */.hD)(input)} is not a Kubernetes namespace: it must be ${rules/* DNS_LABEL_RULE */.Ap}, e.g. datasets.`);
    }
    return input;
}
/** The dataset's version in the checkout (the pushed commit). */
async function versionInCheckout(workspace, dataset) {
    if ('catalog' in dataset.version)
        return dataset.version.catalog;
    const { file, key } = dataset.version;
    const text = await readText(inside(workspace, file, 'version-file'));
    if (text === null) {
        throw new errors/* ConfigError */.xL(`version-file '${file}' of dataset '${dataset.id}' does not exist at this commit.`);
    }
    return (0,dataset_config/* readVersion */.$4)(text, file, key);
}
/**
 * The catalog of another commit, printed in a temporary detached worktree of it: the command
 * reads that commit's code. The worktree is removed whatever happens.
 */
async function catalogAt(git, ref, base, command) {
    return git.withWorktree(ref, 'staging-catalog-', dir => runCatalog(command, dir, ` on ${base} (in a temporary worktree)`));
}
/**
 * The dataset's version on the base branch, read from `origin/<base>`: its version file with git,
 * or its catalog command run there. Null when the dataset does not exist there yet (a brand-new
 * dataset may be staged before its first release).
 */
async function versionOnBase(git, base, dataset, catalogs = new Map()) {
    const ref = `refs/remotes/origin/${base}`;
    if (!(await git.tryRevParse(ref))) {
        throw new errors/* ConfigError */.xL(`Cannot read '${base}' to check that the version differs from it: ${ref} is not in this checkout. ` +
            `Use actions/checkout with 'fetch-depth: 0' (or fetch ${base}) before deploy.`);
    }
    if ('catalog' in dataset.version) {
        const { command } = dataset.version;
        const key = `${base}\0${command.join('\0')}`;
        let printed = catalogs.get(key);
        if (printed === undefined) {
            printed = catalogAt(git, ref, base, command);
            catalogs.set(key, printed);
        }
        return (await printed).find(e => e.id === dataset.id)?.version ?? null;
    }
    const { file, key } = dataset.version;
    const text = await git.tryShowFile(ref, file);
    if (text === null)
        return null;
    try {
        return (0,dataset_config/* readVersion */.$4)(text, `${base}:${file}`, key);
    }
    catch {
        // The file exists on base but without this key: the dataset has no released version there.
        return null;
    }
}
/** The production CronJobs: from the catalog, from the config's globs, or from its command. */
async function productionCronJobs(workspace, dataset) {
    const from = dataset.cronJobs;
    if ('manifests' in from) {
        const source = `the catalog printed by catalog-command '${from.from}'`;
        return from.manifests.map(cronJob => ({ source, cronJob }));
    }
    if ('command' in from) {
        const shown = from.command.join(' ');
        const out = await (0,dataset_command/* runCommand */.d1)(from.command, workspace, `cronjobs-command '${shown}' of dataset '${dataset.id}'`);
        return (0,dataset_config/* parseCronJobDocuments */.T8)(out, `the output of ${shown}`).map(cronJob => ({
            source: shown,
            cronJob
        }));
    }
    const patterns = from.globs;
    for (const p of patterns)
        inside(workspace, p, 'cronjobs glob');
    const matched = new Set();
    for await (const path of (0,promises_.glob)(patterns, { cwd: workspace })) {
        if ((await (0,promises_.stat)((0,external_node_path_.resolve)(workspace, path))).isFile())
            matched.add((0,external_node_path_.resolve)(workspace, path));
    }
    const files = [...matched].sort();
    if (files.length === 0) {
        throw new errors/* ConfigError */.xL(`cronjobs '${patterns.join(', ')}' of dataset '${dataset.id}' matches no files in ${workspace}.`);
    }
    const result = [];
    for (const file of files) {
        const source = (0,external_node_path_.relative)(workspace, file);
        const text = (await readText(file)) ?? '';
        for (const cronJob of (0,dataset_config/* parseCronJobDocuments */.T8)(text, source))
            result.push({ source, cronJob });
    }
    return result;
}


/***/ }),

/***/ 9905:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Te: () => (/* binding */ storeRemovalCommand),
/* harmony export */   Vb: () => (/* binding */ storeTemplateProblem),
/* harmony export */   ZL: () => (/* binding */ shellQuote),
/* harmony export */   be: () => (/* binding */ storeRemovalNotes),
/* harmony export */   om: () => (/* binding */ storePaths),
/* harmony export */   x0: () => (/* binding */ storeFacts)
/* harmony export */ });
/* unused harmony exports STORE_PLACEHOLDERS, storePath */
/** The placeholders a store template may use, as written in it. */
const STORE_PLACEHOLDERS = ['{dataset_id}', '{version}', '{ext}'];
const PLACEHOLDER = /\{[^{}]*\}/g;
/**
 * What is wrong with a store template, or null. Any `{...}` must be a known placeholder: a typo
 * such as `{dataset}` would otherwise print a path nobody wrote to.
 */
function storeTemplateProblem(template) {
    for (const [found] of template.matchAll(PLACEHOLDER)) {
        if (!STORE_PLACEHOLDERS.includes(found)) {
            return `has the unknown placeholder ${found} (known: ${STORE_PLACEHOLDERS.join(', ')})`;
        }
    }
    if (/[{}]/.test(template.replace(PLACEHOLDER, ''))) {
        return `has a "{" or "}" that is not part of a placeholder (${STORE_PLACEHOLDERS.join(', ')})`;
    }
    return null;
}
/**
 * The store path of a dataset version. A template without placeholders is a base path, as `store`
 * was before templates: `{store}/{dataset_id}/v{version}.{ext}`, without doubling a trailing "/".
 */
function storePath(template, datasetId, version, ext) {
    if (template.match(PLACEHOLDER) === null) {
        return `${template.replace(/\/+$/, '')}/${datasetId}/v${version}.${ext}`;
    }
    const values = {
        '{dataset_id}': datasetId,
        '{version}': version,
        '{ext}': ext
    };
    return template.replace(PLACEHOLDER, found => values[found] ?? found);
}
/** Every store path (replicas included) of a version, in template order, without duplicates. */
function storePaths(templates, parts) {
    const paths = templates.map(t => storePath(t, parts.datasetId, parts.version, parts.ext));
    return [...new Set(paths)];
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
/** The facts of a report naming each store: the first is the store, the others its replicas. */
function storeFacts(paths, label = 'Store') {
    return paths.map((value, i) => ({ label: i === 0 ? label : 'Replica', value, code: true }));
}
/** `intro`, then one removal command per store path (each command names its path). */
function storeRemovalNotes(paths, intro) {
    if (paths.length === 0)
        return [];
    return [{ text: intro }, { text: paths.map(storeRemovalCommand).join('\n'), code: true }];
}


/***/ }),

/***/ 921:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EZ: () => (/* binding */ parseOne),
/* harmony export */   Fw: () => (/* binding */ parseOutput),
/* harmony export */   bp: () => (/* binding */ describeValue),
/* harmony export */   em: () => (/* binding */ parseStream),
/* harmony export */   u4: () => (/* binding */ isRecord)
/* harmony export */ });
/* unused harmony export isJsonSource */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2861);
// YAML/JSON parsing shared by the config, version and manifest readers: every failure becomes a
// ConfigError naming the file and, for syntax errors, the line.



function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A short description of a parsed value for "found ..." parts of messages. */
function describeValue(value) {
    if (value === null || value === undefined)
        return 'nothing (an empty value)';
    if (Array.isArray(value))
        return 'a list';
    if (isRecord(value))
        return 'a mapping';
    if (typeof value === 'string')
        return `a string (${JSON.stringify(value)})`;
    if (typeof value === 'number' || typeof value === 'boolean')
        return `a ${typeof value} (${value})`;
    return `a ${typeof value}`;
}
function syntaxError(source, format, error) {
    if (error instanceof yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLError */ .IP && error.linePos !== undefined) {
        const { line, col } = error.linePos[0];
        const [reason] = error.message.split(/ at line \d+, column \d+/);
        const snippetStart = error.message.indexOf(':\n');
        const snippet = snippetStart === -1 ? '' : `\n${error.message.slice(snippetStart + 2).trim()}`;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${source}: invalid ${format} at line ${line}, column ${col}: ${reason}${snippet}`);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${source}: invalid ${format}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
}
function toJS(source, doc) {
    const [error] = doc.errors;
    if (error !== undefined)
        throw syntaxError(source, 'YAML', error);
    try {
        // Aliases are capped so a crafted file cannot expand into gigabytes ("billion laughs").
        return doc.toJS({ maxAliasCount: 100 });
    }
    catch (e) {
        throw syntaxError(source, 'YAML', e);
    }
}
function parseJson(text, source) {
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw syntaxError(source, 'JSON', e);
    }
}
function isJsonSource(source) {
    return /\.json$/i.test(source);
}
/** One YAML document (or JSON when `source` ends in .json). */
function parseOne(text, source) {
    if (isJsonSource(source))
        return parseJson(text, source);
    return toJS(source, (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { prettyErrors: true, uniqueKeys: true }));
}
/** Every document of a multi-document YAML stream (or the one JSON value when `source` is .json). */
function parseStream(text, source) {
    if (isJsonSource(source))
        return [parseJson(text, source)];
    const docs = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(text, { prettyErrors: true, uniqueKeys: true });
    if (!Array.isArray(docs))
        return [];
    return docs.map(doc => toJS(source, doc));
}
/** A command's output: JSON when it starts like JSON (for JSON's own error messages), else YAML. */
function parseOutput(text, source) {
    if (/^\s*[[{]/.test(text))
        return parseJson(text, source);
    return toJS(source, (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { prettyErrors: true, uniqueKeys: true }));
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

/***/ 9614:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connectKubernetes: () => (/* binding */ connectKubernetes),
  createKubernetes: () => (/* binding */ createKubernetes)
});

// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/index.js + 875 modules
var dist = __webpack_require__(7010);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/util/timeout.ts
var timeout = __webpack_require__(4991);
// EXTERNAL MODULE: ./src/kube/errors.ts
var errors = __webpack_require__(3646);
;// CONCATENATED MODULE: ./src/kube/call.ts
// How every Kubernetes call is made: each request has a deadline, transient answers are retried
// (waiting as long as a Retry-After asks), and failures become errors that carry the API server's
// message and name the server.




const RETRYABLE = new Set([409, 429, 500, 502, 503, 504]);
const THROTTLED = new Set([429]);
const RETRY_DELAYS_MS = [250, 1000];
function headerOf(err, name) {
    const headers = (err.headers ?? {});
    const key = Object.keys(headers).find(k => k.toLowerCase() === name);
    return key === undefined ? null : (headers[key] ?? null);
}
/** Options that give the request a deadline (an AbortSignal set before it is sent). */
function withDeadline(ms, options = {}) {
    const deadline = {
        pre: context => {
            context.setSignal(AbortSignal.timeout(ms));
            return new dist/* Observable */.cPK(Promise.resolve(context));
        },
        post: response => new dist/* Observable */.cPK(Promise.resolve(response))
    };
    return {
        ...options,
        middleware: [...(options.middleware ?? []), deadline],
        middlewareMergeStrategy: 'append'
    };
}
function kubeCalls(server, timeoutMs = timeout/* DEFAULT_REQUEST_TIMEOUT_S */.Qm * 1000) {
    // A call that timed out is not retried (each try would wait as long again): it says which.
    const attempt = (what, call, codes) => (0,retry/* retry */.L5)(call, {
        delaysMs: RETRY_DELAYS_MS,
        retryable: err => err instanceof dist/* ApiException */.UJ4 && codes.has(err.code),
        // A 429 (API priority and fairness) or 503 says how long to wait.
        requestedDelayMs: err => err instanceof dist/* ApiException */.UJ4 ? (0,retry/* retryAfterMs */.Vs)(headerOf(err, 'retry-after')) : null
    }).catch((err) => {
        if (!(0,timeout/* isTimeoutAbort */.eh)(err))
            throw err;
        throw new errors/* KubernetesError */.d(`The Kubernetes API server at ${server} did not answer ${what} within ${(0,timeout/* formatSeconds */.Xo)(timeoutMs)}`);
    });
    return {
        fail: err => {
            throw (0,errors/* toKubernetesError */.Q)(err, server);
        },
        options: base => withDeadline(timeoutMs, base),
        retried: (what, call) => attempt(what, call, RETRYABLE),
        throttled: (what, call) => attempt(what, call, THROTTLED)
    };
}
/** True when `err` is the API server's 404. */
function isNotFound(err) {
    return err instanceof dist/* ApiException */.UJ4 && err.code === 404;
}

// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/kube/config.ts
// Which cluster to talk to: a kubeconfig given as content, else the usual places.


/**
 * A kubeconfig from `content` (YAML), else from KUBECONFIG, ~/.kube/config or the in-cluster
 * service account. Throws when none of them names a cluster to talk to.
 */
function loadKubeConfig(content) {
    const kc = new dist/* KubeConfig */.ypW();
    if (content !== undefined && content.trim() !== '') {
        try {
            kc.loadFromString(content);
        }
        catch (err) {
            throw new Error(`The kubeconfig given is not valid: ${(0,util_errors/* errorMessage */.gJ)(err)}`, { cause: err });
        }
        if (!kc.getCurrentCluster()) {
            throw new Error('The kubeconfig given has no usable current-context (it must name a context whose cluster is defined)');
        }
        return kc;
    }
    try {
        kc.loadFromDefault();
    }
    catch (err) {
        const source = process.env.KUBECONFIG
            ? `KUBECONFIG (${process.env.KUBECONFIG})`
            : '~/.kube/config or the in-cluster service account';
        throw new Error(`Cannot load the kubeconfig from ${source}: ${(0,util_errors/* errorMessage */.gJ)(err)}`, {
            cause: err
        });
    }
    // loadFromDefault falls back to an unauthenticated http://localhost:8080 when it finds nothing.
    const cluster = kc.getCurrentCluster();
    if (!cluster || (kc.getCurrentContext() === 'loaded-context' && cluster.name === 'cluster')) {
        throw new Error('No Kubernetes configuration found: pass a kubeconfig, set KUBECONFIG, provide ~/.kube/config, or run inside a cluster');
    }
    return kc;
}

;// CONCATENATED MODULE: ./src/kube/jobs.ts
// Kubernetes edge for Jobs: create one (a staged CronJob run by hand), follow it, read its pods.



/** The label the API server puts on a Job's pods (and its selector). */
const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
function createJobClient(kc, server, timeoutMs) {
    const batch = kc.makeApiClient(dist/* BatchV1Api */.Q8C);
    const core = kc.makeApiClient(dist/* CoreV1Api */.f5Y);
    const { fail, options, retried, throttled } = kubeCalls(server, timeoutMs);
    return {
        async create(job, { dryRun }) {
            const namespace = job.metadata?.namespace;
            if (!namespace || !job.metadata?.name) {
                throw new errors/* KubernetesError */.d('A Job needs metadata.name and metadata.namespace to be created');
            }
            // Not idempotent: only a 429 (the server did nothing) is retried.
            const what = `the ${dryRun ? 'dry-run ' : ''}creation of Job ${namespace}/${job.metadata.name}`;
            return throttled(what, () => batch.createNamespacedJob({ namespace, body: job, dryRun: dryRun ? 'All' : undefined }, options())).catch(fail);
        },
        async get(namespace, name) {
            try {
                return await retried(`the read of Job ${namespace}/${name}`, () => batch.readNamespacedJob({ name, namespace }, options()));
            }
            catch (err) {
                if (isNotFound(err))
                    return null;
                return fail(err);
            }
        },
        async list(namespace, labelSelector) {
            const items = [];
            let token;
            do {
                const page = await retried(`the list of Jobs in namespace ${namespace}`, () => batch.listNamespacedJob({ namespace, labelSelector, limit: 500, _continue: token }, options())).catch(fail);
                items.push(...page.items);
                token = page.metadata?._continue || undefined;
            } while (token);
            return items;
        },
        async pods(namespace, jobName) {
            const page = await retried(`the list of the pods of Job ${namespace}/${jobName}`, () => core.listNamespacedPod({ namespace, labelSelector: `${JOB_NAME_LABEL}=${jobName}` }, options())).catch(fail);
            return page.items;
        }
    };
}

// EXTERNAL MODULE: ./src/kube/rules.ts
var rules = __webpack_require__(3574);
;// CONCATENATED MODULE: ./src/kube/client.ts
// Kubernetes edge: typed client-node calls for staging CronJobs and the Flux and Argo CD nudges.
// Every call is idempotent (apply is server-side with force), so transient answers are retried.






const FLUX_SOURCE = { group: 'source.toolkit.fluxcd.io', version: 'v1', plural: 'gitrepositories' };
const RECONCILE_ANNOTATION = 'reconcile.fluxcd.io/requestedAt';
const ARGO_APPLICATION = { group: 'argoproj.io', version: 'v1alpha1', plural: 'applications' };
const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';
function createKubernetes(kc, timeoutMs) {
    const server = kc.getCurrentCluster()?.server ?? '(no current cluster)';
    const batch = kc.makeApiClient(dist/* BatchV1Api */.Q8C);
    const custom = kc.makeApiClient(dist/* CustomObjectsApi */.aVm);
    const { fail, options, retried } = kubeCalls(server, timeoutMs);
    const cronJobs = {
        async list(namespace, labelSelector) {
            const items = [];
            let token;
            do {
                const page = await retried(`the list of CronJobs in namespace ${namespace}`, () => batch.listNamespacedCronJob({ namespace, labelSelector, limit: 500, _continue: token }, options())).catch(fail);
                items.push(...page.items);
                token = page.metadata?._continue || undefined;
            } while (token);
            return items;
        },
        async apply(cronJob, { dryRun }) {
            const body = applyBody(cronJob);
            const { name, namespace } = body.metadata ?? {};
            if (!name || !namespace) {
                throw new errors/* KubernetesError */.d('A CronJob needs metadata.name and metadata.namespace to be applied');
            }
            const what = `the ${dryRun ? 'dry-run ' : ''}apply of CronJob ${namespace}/${name}`;
            const res = await retried(what, () => batch.patchNamespacedCronJobWithHttpInfo({
                name,
                namespace,
                body,
                fieldManager: rules/* FIELD_MANAGER */.vy,
                force: true,
                dryRun: dryRun ? 'All' : undefined
            }, options((0,dist/* setHeaderOptions */.OkF)('Content-Type', dist/* PatchStrategy */.Qve.ServerSideApply)))).catch(fail);
            return { created: res.httpStatusCode === 201, object: res.data };
        },
        async delete(namespace, name) {
            try {
                await retried(`the deletion of CronJob ${namespace}/${name}`, () => batch.deleteNamespacedCronJobWithHttpInfo({ name, namespace, propagationPolicy: 'Background' }, options()));
                return true;
            }
            catch (err) {
                if (isNotFound(err))
                    return false;
                return fail(err);
            }
        },
        async get(namespace, name) {
            try {
                return await retried(`the read of CronJob ${namespace}/${name}`, () => batch.readNamespacedCronJob({ name, namespace }, options()));
            }
            catch (err) {
                if (isNotFound(err))
                    return null;
                return fail(err);
            }
        }
    };
    const flux = {
        async requestReconcile(namespace, name, at) {
            await retried(`the annotation of GitRepository ${namespace}/${name}`, () => custom.patchNamespacedCustomObjectWithHttpInfo({
                ...FLUX_SOURCE,
                namespace,
                name,
                body: { metadata: { annotations: { [RECONCILE_ANNOTATION]: at.toISOString() } } }
            }, options((0,dist/* setHeaderOptions */.OkF)('Content-Type', dist/* PatchStrategy */.Qve.MergePatch)))).catch(fail);
        }
    };
    const argo = {
        async requestRefresh(namespace, name) {
            await retried(`the annotation of Application ${namespace}/${name}`, () => custom.patchNamespacedCustomObjectWithHttpInfo({
                ...ARGO_APPLICATION,
                namespace,
                name,
                // Argo CD's controller refreshes the app and removes the annotation again.
                body: { metadata: { annotations: { [REFRESH_ANNOTATION]: 'normal' } } }
            }, options((0,dist/* setHeaderOptions */.OkF)('Content-Type', dist/* PatchStrategy */.Qve.MergePatch)))).catch(fail);
        }
    };
    return { cronJobs, jobs: createJobClient(kc, server, timeoutMs), flux, argo, server };
}
/** The apply configuration: the caller's intent only, typed, without server-owned fields. */
function applyBody(cronJob) {
    const metadata = { ...cronJob.metadata };
    for (const key of rules/* SERVER_OWNED_METADATA */.mk)
        delete metadata[key];
    const body = { ...cronJob, apiVersion: 'batch/v1', kind: 'CronJob', metadata };
    // Status is the status subresource's business; an apply to the object ignores it anyway.
    delete body.status;
    return body;
}
/** The clients for the cluster named by `kubeconfig` content, else KUBECONFIG / ~/.kube/config / in-cluster. */
function connectKubernetes(kubeconfig, timeoutMs) {
    return createKubernetes(loadKubeConfig(kubeconfig ?? undefined), timeoutMs);
}


/***/ }),

/***/ 3646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ toKubernetesError),
/* harmony export */   d: () => (/* binding */ KubernetesError)
/* harmony export */ });
/* harmony import */ var _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7010);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
// Any failure of a client-node call, turned into an error that carries the API server's own
// message (its `Status`), or says that the server could not be reached.


class KubernetesError extends Error {
    status;
    reason;
    constructor(message, status, reason) {
        super(message);
        this.name = 'KubernetesError';
        if (status !== undefined)
            this.status = status;
        if (reason !== undefined)
            this.reason = reason;
    }
}
function parseStatus(body) {
    let value = body;
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value);
        }
        catch {
            return null;
        }
    }
    return typeof value === 'object' && value !== null ? value : null;
}
const NETWORK_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EPIPE',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_SOCKET',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT'
]);
// Duck-typed: socket errors come from Node's own realm, where `instanceof Error` can be false.
function errorLike(value) {
    return (typeof value === 'object' && value !== null && typeof value.message === 'string');
}
// fetch wraps the socket error as `TypeError: fetch failed` with the real reason in `cause`.
function networkCause(err) {
    let current = err;
    for (let depth = 0; depth < 5 && errorLike(current); depth++) {
        if (typeof current.code === 'string' && NETWORK_CODES.has(current.code))
            return current;
        current = current.cause;
    }
    if (errorLike(err) && err.message === 'fetch failed') {
        return errorLike(err.cause) ? err.cause : err;
    }
    return null;
}
/** Any failure of a client-node call, as a KubernetesError a user can act on. */
function toKubernetesError(err, server) {
    if (err instanceof KubernetesError)
        return err;
    if (err instanceof _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .ApiException */ .UJ4) {
        const code = err.code;
        const status = parseStatus(err.body);
        if (status && typeof status.message === 'string' && status.message !== '') {
            const reason = typeof status.reason === 'string' ? status.reason : undefined;
            return new KubernetesError(status.message, code, reason);
        }
        if (code === 401) {
            return new KubernetesError(`Unauthorized: the Kubernetes API server at ${server} rejected the credentials (HTTP 401)`, 401, 'Unauthorized');
        }
        const raw = err.body;
        const text = typeof raw === 'string' ? raw.slice(0, 200) : '';
        return new KubernetesError(`The Kubernetes API server at ${server} answered HTTP ${code}${text ? `: ${text}` : ''}`, code);
    }
    const cause = networkCause(err);
    if (cause) {
        const wrapped = new KubernetesError(`Cannot reach the Kubernetes API server at ${server}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(cause)}`);
        wrapped.cause = err;
        return wrapped;
    }
    const wrapped = new KubernetesError(`Kubernetes request to ${server} failed: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
    wrapped.cause = err;
    return wrapped;
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
