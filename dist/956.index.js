export const id = 956;
export const ids = [956];
export const modules = {

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


/***/ }),

/***/ 7956:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployMode: () => (/* binding */ deployMode)
});

// EXTERNAL MODULE: ./src/inputs/context.ts
var context = __webpack_require__(5722);
// EXTERNAL MODULE: ./src/io/git.ts
var git = __webpack_require__(7500);
// EXTERNAL MODULE: ./src/kube/client.ts + 3 modules
var client = __webpack_require__(9614);
// EXTERNAL MODULE: ./src/kube/secrets.ts
var secrets = __webpack_require__(4540);
// EXTERNAL MODULE: ./src/dataset/config.ts + 2 modules
var config = __webpack_require__(6631);
// EXTERNAL MODULE: ./src/dataset/ref.ts
var ref = __webpack_require__(3465);
// EXTERNAL MODULE: ./src/dataset/store.ts
var dataset_store = __webpack_require__(9905);
;// CONCATENATED MODULE: ./src/deploy/report.ts
// The deploy run as a person reads it (job summary, CLI) and as later steps read it (outputs).



function deployOutputs(rows, store) {
    return { cronjobs: JSON.stringify(rows), 'store-path': store ?? '' };
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
        ...(settings.config !== config/* DEFAULT_CONFIG */.PV ? [`--config ${(0,dataset_store/* shellQuote */.ZL)(settings.config)}`] : [])
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
            ...(result.store ? [{ label: 'Store', value: result.store, code: true }] : [])
        ],
        tables: [
            {
                headers: ['CronJob', 'Kind', 'Schedule', ...(withImage ? ['Image'] : []), 'Result'],
                rows: rows.map(r => [
                    { text: r.name, code: true },
                    r.kind,
                    { text: r.schedule, code: true },
                    ...(withImage ? [{ text: r.image, code: true }] : []),
                    { text: r.action, icon: ACTION_ICONS[r.action] }
                ])
            }
        ],
        notes: [
            {
                text: [
                    { text: 'To remove this staged version, delete the branch ' },
                    { text: branch, code: true, href: links?.branch(branch) },
                    { text: ' (the cleanup workflow runs on delete), or run:' }
                ]
            },
            { text: cleanup, code: true },
            ...(result.store
                ? [
                    { text: `The store is never deleted automatically. When it is no longer needed:` },
                    { text: (0,dataset_store/* storeRemovalCommand */.Te)(result.store), code: true }
                ]
                : [])
        ]
    };
}

// EXTERNAL MODULE: ./src/dataset/errors.ts
var dataset_errors = __webpack_require__(2861);
;// CONCATENATED MODULE: ./src/dataset/image.ts
// Image references: what the kubelet can pull, and which containers ran the production image.

// The grammar of github.com/distribution/reference, which the kubelet applies when it pulls: a
// reference that breaks it would be stored by the API server and then fail every run.
const DOMAIN_COMPONENT = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const DOMAIN = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}';
const IMAGE_REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);
/**
 * The staged image, refused unless it is a reference a kubelet can pull, with a tag or digest.
 * `source` says where it came from, for the error.
 */
function checkImageReference(image, source) {
    if (!IMAGE_REFERENCE.test(image) || !/[:@]/.test(image.slice(image.lastIndexOf('/') + 1))) {
        throw new dataset_errors/* ValidationError */.yI(`Image ${JSON.stringify(image)} (from ${source}) is not a valid image reference: expected ` +
            '{repository}:{tag} or {repository}@sha256:{digest}, with a lowercase repository and a tag ' +
            'of up to 128 letters, digits, "_", "." and "-", e.g. ghcr.io/acme/pipelines:<git sha>.');
    }
    return image;
}
/** The repository part of an image reference: without `@digest` and `:tag` (keeps registry ports). */
function imageRepository(image) {
    const withoutDigest = image.split('@')[0] ?? '';
    const lastColon = withoutDigest.lastIndexOf(':');
    return lastColon > withoutDigest.lastIndexOf('/')
        ? withoutDigest.slice(0, lastColon)
        : withoutDigest;
}
/** Docker Hub spellings (nginx, library/nginx, docker.io/library/nginx) compare equal. */
function sameRepository(a, b) {
    return canonicalRepository(a) === canonicalRepository(b);
}
function canonicalRepository(repository) {
    const parts = repository.split('/');
    const first = parts[0] ?? '';
    const hasRegistry = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
    let registry = hasRegistry ? first : 'docker.io';
    if (registry === 'index.docker.io' || registry === 'registry-1.docker.io')
        registry = 'docker.io';
    const path = hasRegistry ? parts.slice(1) : parts;
    if (registry === 'docker.io' && path.length === 1)
        path.unshift('library');
    return [registry, ...path].join('/');
}

// EXTERNAL MODULE: ./src/dataset/labels.ts
var dataset_labels = __webpack_require__(3189);
// EXTERNAL MODULE: ./src/kube/rules.ts
var rules = __webpack_require__(3574);
// EXTERNAL MODULE: ./src/dataset/names.ts
var names = __webpack_require__(4092);
;// CONCATENATED MODULE: ./src/dataset/schedule.ts
// Staggering staging runs after (or before) production ones, so two versions of a dataset do not hit
// upstream sources at the same minute. Only shifts that keep the exact meaning of the schedule are
// applied; anything else is refused with an explanation rather than silently approximated.

const MACROS = {
    '@yearly': '0 0 1 1 *',
    '@annually': '0 0 1 1 *',
    '@monthly': '0 0 1 * *',
    '@weekly': '0 0 * * 0',
    '@daily': '0 0 * * *',
    '@midnight': '0 0 * * *',
    '@hourly': '0 * * * *'
};
const NUMBER_LIST = /^[0-9]+(,[0-9]+)*$/;
const SUPPORTED = 'A non-zero offset works only on 5-field schedules whose minute field is a number or a ' +
    'comma-separated list of numbers (e.g. "15 * * * *" or "0,30 6 * * *"); when runs move into ' +
    'another hour, the hour field must be "*" or plain numbers. Set the offset to 0 to keep the ' +
    'production schedule.';
function fail(schedule, minutes, problem) {
    throw new dataset_errors/* ValidationError */.yI(`Cannot offset the schedule ${(0,dataset_errors/* quote */.hD)(schedule)} by ${minutes} minutes: ${problem}. ${SUPPORTED}`);
}
function mod(n, m) {
    return ((n % m) + m) % m;
}
function numbers(field, max) {
    if (!NUMBER_LIST.test(field))
        return null;
    const values = field.split(',').map(Number);
    return values.every(v => v <= max) ? values : null;
}
function checkOffset(minutes) {
    if (!Number.isInteger(minutes) || minutes < -59 || minutes > 59) {
        throw new dataset_errors/* ValidationError */.yI(`Schedule offset ${(0,dataset_errors/* quote */.hD)(String(minutes))} is not valid: it must be a whole number of ` +
            'minutes from -59 to 59 (e.g. 10 runs staging 10 minutes after production).');
    }
}
/** `schedule` shifted by `minutes` (-59..59); 0 returns it unchanged, whatever its form. */
function offsetSchedule(schedule, minutes) {
    checkOffset(minutes);
    if (minutes === 0)
        return schedule;
    const trimmed = schedule.trim();
    const macro = MACROS[trimmed.toLowerCase()];
    if (trimmed.startsWith('@')) {
        const hint = macro === undefined ? '' : ` (write it as ${(0,dataset_errors/* quote */.hD)(macro)} instead)`;
        fail(schedule, minutes, `macros such as ${trimmed} cannot be shifted${hint}`);
    }
    const fields = trimmed.split(/\s+/);
    if (fields.length !== 5) {
        fail(schedule, minutes, `it has ${fields.length} fields instead of 5 (minute hour day-of-month month day-of-week; ` +
            'set a time zone with spec.timeZone, not CRON_TZ=)');
    }
    const [minuteField, hourField, dayOfMonth, month, dayOfWeek] = fields;
    const runMinutes = numbers(minuteField, 59);
    if (runMinutes === null) {
        fail(schedule, minutes, `the minute field ${(0,dataset_errors/* quote */.hD)(minuteField)} is not a list of numbers 0-59`);
    }
    const shifted = runMinutes.map(m => m + minutes);
    const newMinutes = shifted.map(m => mod(m, 60)).join(',');
    const carries = new Set(shifted.map(m => Math.floor(m / 60)));
    const rest = [dayOfMonth, month, dayOfWeek];
    // Every hour runs anyway, so moving a run into the neighbouring hour changes nothing else.
    if ((carries.size === 1 && carries.has(0)) || hourField === '*') {
        return [newMinutes, hourField, ...rest].join(' ');
    }
    const hours = numbers(hourField, 23);
    if (hours === null) {
        fail(schedule, minutes, `runs move into another hour, which cannot be applied to the hour field ${(0,dataset_errors/* quote */.hD)(hourField)}`);
    }
    if (carries.size > 1) {
        fail(schedule, minutes, `some runs move into another hour and others do not, which one hour field cannot express`);
    }
    const [carry] = [...carries];
    const movedHours = hours.map(h => h + carry);
    const crossesMidnight = movedHours.some(h => h < 0 || h > 23);
    const daysRestricted = rest.some(field => field !== '*' && field !== '?');
    if (crossesMidnight && daysRestricted) {
        fail(schedule, minutes, 'runs move across midnight while day-of-month, month or day-of-week is restricted, so they ' +
            'would land on other days; choose an offset that stays within the day');
    }
    return [newMinutes, movedHours.map(h => mod(h, 24)).join(','), ...rest].join(' ');
}

;// CONCATENATED MODULE: ./src/dataset/manifests.ts






// The server's fields, and the owners of the production object (which do not own the copy).
const NOT_COPIED_METADATA = [...rules/* SERVER_OWNED_METADATA */.mk, 'ownerReferences'];
// kubectl's copy of the production object: carried over, it would describe the wrong object.
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const CRON_JOB_NAME_ENV = 'CRON_JOB_NAME';
function checkImage(image) {
    return imageRepository(checkImageReference(image, 'the staged image'));
}
function withLabels(metadata, labels) {
    // Ours win: a production label with the same key would make cleanup miss or mis-target the object.
    return { ...metadata, labels: { ...metadata?.labels, ...labels } };
}
function stagedMetadata(metadata, name, namespace, labels, productionName) {
    const result = withLabels(metadata, labels);
    for (const field of NOT_COPIED_METADATA)
        delete result[field];
    const annotations = { ...result.annotations };
    delete annotations[LAST_APPLIED];
    return {
        ...result,
        name,
        namespace,
        annotations: { ...annotations, [dataset_labels/* SOURCE_ANNOTATION */.eM]: productionName }
    };
}
function setCronJobNameEnv(container, name) {
    for (const variable of container.env ?? []) {
        if (variable.name !== CRON_JOB_NAME_ENV)
            continue;
        variable.value = name;
        delete variable.valueFrom;
    }
}
function what(productionName, source) {
    return `CronJob ${(0,dataset_errors/* quote */.hD)(productionName)} (from ${source})`;
}
function stageOne(input, production, repository) {
    const { cronJob, source } = production;
    const productionName = cronJob.metadata?.name ?? '';
    if (productionName === '') {
        throw new dataset_errors/* ValidationError */.yI(`A CronJob from ${source} has no metadata.name; give it a name.`);
    }
    const kind = (0,names/* deriveKind */.An)(productionName, input.datasetId);
    const name = (0,names/* checkCronJobName */.pE)({ ...input, kind });
    const labels = (0,dataset_labels/* stagingLabels */.Hz)(input.datasetId, input.version, kind);
    const manifest = structuredClone(cronJob);
    delete manifest.status;
    manifest.apiVersion = 'batch/v1';
    manifest.kind = 'CronJob';
    manifest.metadata = stagedMetadata(manifest.metadata, name, input.namespace, labels, productionName);
    const spec = manifest.spec;
    try {
        spec.schedule = offsetSchedule(spec.schedule, input.scheduleOffsetMinutes);
    }
    catch (e) {
        if (!(e instanceof dataset_errors/* StagingError */.QH))
            throw e;
        throw new dataset_errors/* ValidationError */.yI(`${what(productionName, source)}: ${e.message}`);
    }
    const jobTemplate = spec.jobTemplate;
    jobTemplate.metadata = withLabels(jobTemplate.metadata, labels);
    const jobSpec = jobTemplate.spec;
    if (jobSpec === undefined) {
        throw new dataset_errors/* ValidationError */.yI(`${what(productionName, source)} has no spec.jobTemplate.spec.`);
    }
    jobSpec.template.metadata = withLabels(jobSpec.template.metadata, labels);
    if (jobSpec.completionMode === 'Indexed')
        (0,names/* checkIndexedJobName */.mq)(name, jobSpec.completions ?? 1);
    const podSpec = jobSpec.template.spec;
    const containers = [...(podSpec?.initContainers ?? []), ...(podSpec?.containers ?? [])];
    let replaced = 0;
    for (const container of containers) {
        if (container.image !== undefined &&
            sameRepository(imageRepository(container.image), repository)) {
            container.image = input.image;
            replaced++;
        }
        setCronJobNameEnv(container, name);
    }
    if (replaced === 0) {
        const images = containers.map(c => c.image ?? '(none)').join(', ') || '(no containers)';
        throw new dataset_errors/* ValidationError */.yI(`${what(productionName, source)} has no container running ${repository}, the repository ` +
            `of the staged image ${input.image}; its images: ${images}. Staging swaps the image only ` +
            'in containers that run the production image: check the image input, or the image of ' +
            'the production CronJob.');
    }
    return {
        name,
        kind,
        source,
        productionName,
        schedule: spec.schedule,
        image: input.image,
        manifest
    };
}
/** One staging CronJob per production CronJob, sorted by name; throws on the first problem. */
function buildStagingCronJobs(input) {
    const repository = checkImage(input.image);
    if (input.productionCronJobs.length === 0) {
        throw new dataset_errors/* ValidationError */.yI(`No production CronJobs found for dataset ${(0,dataset_errors/* quote */.hD)(input.datasetId)}: its cronjobs globs or ` +
            'cronjobs-command in the staging config matched nothing. Point them at the manifests of ' +
            "the dataset's production CronJobs.");
    }
    const byKind = new Map();
    for (const production of input.productionCronJobs) {
        const staged = stageOne(input, production, repository);
        const previous = byKind.get(staged.kind);
        if (previous !== undefined) {
            throw new dataset_errors/* ValidationError */.yI(`Production CronJobs ${(0,dataset_errors/* quote */.hD)(previous.productionName)} (from ${previous.source}) and ` +
                `${(0,dataset_errors/* quote */.hD)(staged.productionName)} (from ${staged.source}) both have the kind ` +
                `${(0,dataset_errors/* quote */.hD)(staged.kind)}, so both would be staged as ${(0,dataset_errors/* quote */.hD)(staged.name)}. Keep one of ` +
                "them in the dataset's cronjobs (a file matched by two globs counts twice).");
        }
        byKind.set(staged.kind, staged);
    }
    return [...byKind.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
/**
 * Names of live CronJobs (already selected by this dataset version's labels) that the deploy no
 * longer wants, sorted: a kind removed from production must not keep running the old image.
 */
function planPrune(live, desiredNames) {
    const desired = new Set(desiredNames);
    return [...new Set(live.map(o => o.name).filter(name => !desired.has(name)))].sort();
}

// EXTERNAL MODULE: ./src/dataset/sources.ts
var sources = __webpack_require__(5850);
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
/** The staged image: `docker-image`, else `{image-repository}:{sha}`. */
function stagedImage(settings) {
    return checkImageReference(settings.dockerImage ?? `${settings.imageRepository}:${settings.sha}`, settings.dockerImage ? "the 'docker-image' input" : "'image-repository':{sha}");
}
/** Everything checked before the cluster is touched; returns the CronJobs to stage. */
async function plan(settings, git) {
    const { datasetId, version } = settings;
    const image = stagedImage(settings);
    const config = await (0,sources/* requireConfig */.Eu)(settings.workspace, settings.config);
    const dataset = (0,sources/* datasetConfig */.Ln)(config, datasetId);
    const namespace = (0,sources/* resolveNamespace */.uP)(settings.namespace, config);
    const here = await (0,sources/* versionInCheckout */.C6)(settings.workspace, dataset);
    if (here !== version) {
        throw new dataset_errors/* ValidationError */.yI(`The branch stages version ${version}, but ${dataset.versionFile} (${dataset.versionKey}) says ${here} at this commit. ` +
            `Bump the template to ${version}, or push to stage/${datasetId}/v${here}.`);
    }
    const base = await baseBranch(settings, git);
    const onBase = await (0,sources/* versionOnBase */.HI)(git, base, dataset);
    if (onBase === version) {
        throw new dataset_errors/* ValidationError */.yI(`Version ${version} is already the version of ${datasetId} on ${base}: a staged version must differ from production. ` +
            `Bump ${dataset.versionKey} in ${dataset.versionFile}.`);
    }
    log/* log */.Rm.info(`${datasetId}: version ${version} at this commit; ${onBase === null ? `not on ${base} yet` : `${onBase} on ${base}`}`);
    const staged = buildStagingCronJobs({
        prefix: config.namePrefix,
        namespace,
        datasetId,
        version,
        image,
        productionCronJobs: await (0,sources/* productionCronJobs */.AW)(settings.workspace, dataset),
        scheduleOffsetMinutes: settings.scheduleOffsetMinutes
    });
    const store = config.store
        ? (0,dataset_store/* storePath */.TJ)(config.store, datasetId, version, dataset.storeExtension)
        : null;
    return { staged, namespace, store, image };
}
/** Applies (or dry-runs) every CronJob in parallel: which were created, and what failed. */
async function applyEach(client, staged, dryRun) {
    const results = await Promise.allSettled(staged.map(s => client.apply(s.manifest, { dryRun })));
    return {
        created: results.map(r => r.status === 'fulfilled' && r.value.created),
        failed: results.flatMap((r, i) => r.status === 'rejected' ? [`${staged[i]?.name}: ${(0,util_errors/* errorMessage */.g)(r.reason)}`] : []),
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
    const { staged, namespace } = planned;
    const client = await deps.cronJobs();
    // Listing first also proves the cluster is reachable before anything is sent to it.
    const live = await client
        .list(namespace, (0,dataset_labels/* stagingSelector */.ru)(settings.datasetId, settings.version))
        .catch((error) => {
        throw new Error(`${(0,util_errors/* errorMessage */.g)(error)} (listing the staged CronJobs of ${settings.datasetId} ${settings.version} in namespace ${namespace}; nothing was applied)`, { cause: error });
    });
    const wouldCreate = await log/* log */.Rm.group('Server-side dry run', () => dryRunAll(client, staged));
    const prune = planPrune(live.map(c => ({ name: c.metadata?.name ?? '' })), staged.map(s => s.name));
    // A pruned CronJob is described as it runs now, so the report says which kind went away.
    const prunedRow = (name, action) => {
        const cronJob = live.find(c => c.metadata?.name === name);
        const podSpec = cronJob?.spec?.jobTemplate.spec?.template.spec;
        return {
            name,
            kind: cronJob?.metadata?.labels?.[dataset_labels/* KIND_LABEL */.CF] ?? '',
            schedule: cronJob?.spec?.schedule ?? '',
            image: podSpec?.containers.map(c => c.image ?? '').join(', ') ?? '',
            action
        };
    };
    const rows = [];
    const row = (s, action) => ({
        name: s.name,
        kind: s.kind,
        schedule: s.schedule,
        image: s.image,
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
                    throw new Error(`Applied all ${staged.length} CronJob(s) (${staged.map(s => s.name).join(', ')}); then could not prune CronJob ${namespace}/${name} (no longer produced): ${(0,util_errors/* errorMessage */.g)(error)}. ` +
                        `Pruned before it: ${prune.slice(0, i).join(', ') || 'none'}. Run deploy again to finish pruning.`, { cause: error });
                }
                log/* log */.Rm.info(`${name}: pruned (no longer produced)`);
                rows.push(prunedRow(name, 'pruned'));
            }
        });
    }
    return { namespace, store: planned.store, image: planned.image, rows };
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
    secrets: settings => (0,secrets/* kubeconfigSecrets */.h)(settings.kubeconfig),
    connect: settings => ({
        git: new git/* Git */.T(settings.workspace),
        cronJobs: () => (0,client.connectKubernetes)(settings.kubeconfig, settings.requestTimeoutMs).cronJobs
    }),
    run: runDeploy,
    report: (result, settings) => ({
        report: deployReport(result, settings, (0,context/* webLinks */.Ee)(settings)),
        outputs: deployOutputs(result.rows, result.store)
    })
};


/***/ }),

/***/ 7500:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ Git),
/* harmony export */   X: () => (/* binding */ GitError)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2876);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5625);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4266);



class GitError extends Error {
    args;
    result;
    name = 'GitError';
    constructor(args, result) {
        super(`git ${args.join(' ')} failed (exit ${result.exitCode}): ${result.stderr.trim()}`);
        this.args = args;
        this.result = result;
    }
}
/** Commits made by the action are attributed to the Actions bot, passed per command. */
const IDENTITY = [
    '-c',
    'user.name=github-actions[bot]',
    '-c',
    'user.email=41898282+github-actions[bot]@users.noreply.github.com'
];
/**
 * Every git command goes through `exec` (argument arrays, never a shell; prompts disabled).
 * Methods that may fail on purpose are `try*` and return a value instead of throwing.
 */
class Git {
    cwd;
    remote;
    constructor(cwd, remote = 'origin') {
        this.cwd = cwd;
        this.remote = remote;
    }
    async exec(args, options = {}) {
        _log_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.debug(`git ${args.join(' ')}`);
        const result = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)('git', args, {
            cwd: this.cwd,
            silent: true,
            ignoreReturnCode: true,
            input: options.input === undefined ? undefined : Buffer.from(options.input),
            env: {
                ...process.env,
                GIT_TERMINAL_PROMPT: '0',
                GCM_INTERACTIVE: 'Never',
                GIT_ASKPASS: '',
                SSH_ASKPASS: '',
                LC_ALL: 'C'
            }
        });
        if (result.exitCode !== 0 && !options.allowFailure)
            throw new GitError(args, result);
        return result;
    }
    /** Retried: only network commands may fail for reasons a second attempt fixes. */
    async network(args) {
        try {
            return await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L5)(async () => {
                const result = await this.exec(args, { allowFailure: true });
                if (result.exitCode !== 0 && isTransient(result.stderr))
                    throw new GitError(args, result);
                return result;
            }, {
                delaysMs: [1000, 2000],
                retryable: error => error instanceof GitError,
                onRetry: (error, attempt) => _log_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.info(`git ${args[0]} failed (attempt ${attempt} of 3), retrying: ${error.result.stderr.trim()}`)
            });
        }
        catch (error) {
            if (error instanceof GitError)
                return error.result;
            throw error;
        }
    }
    async version() {
        const { stdout } = await this.exec(['version']);
        const match = /(\d+)\.(\d+)/.exec(stdout);
        return { major: Number(match?.[1] ?? 0), minor: Number(match?.[2] ?? 0), text: stdout.trim() };
    }
    async isRepository() {
        const r = await this.exec(['rev-parse', '--git-dir'], { allowFailure: true });
        return r.exitCode === 0;
    }
    async isShallow() {
        const { stdout } = await this.exec(['rev-parse', '--is-shallow-repository']);
        return stdout.trim() === 'true';
    }
    async tryRevParse(rev) {
        const r = await this.exec(['rev-parse', '--verify', '--quiet', '--end-of-options', rev], {
            allowFailure: true
        });
        return r.exitCode === 0 ? r.stdout.trim() : null;
    }
    /** The subset of `shas` that are commits in this repository, in one process. */
    async presentCommits(shas) {
        if (shas.length === 0)
            return new Set();
        const { stdout } = await this.exec(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
            input: shas.map(sha => `${sha}^{commit}`).join('\n') + '\n'
        });
        const present = new Set();
        for (const line of stdout.split('\n')) {
            const [name, type] = line.split(' ');
            if (type === 'commit' && name)
                present.add(name);
        }
        return present;
    }
    /** One fetch for all refspecs. `unshallow` turns a shallow checkout into a full one. */
    async fetch(refspecs, options = {}) {
        const args = ['fetch', '--no-tags', '--no-write-fetch-head', '--quiet'];
        if (options.unshallow)
            args.push('--unshallow');
        args.push(this.remote, ...refspecs);
        const r = await this.network(args);
        if (r.exitCode !== 0)
            throw new GitError(args, r);
    }
    /** Fetches single commits by SHA; false when the remote does not serve them. */
    async tryFetchCommits(shas) {
        const r = await this.network(['fetch', '--no-tags', '--quiet', this.remote, ...shas]);
        return r.exitCode === 0;
    }
    /** A merge without a worktree (git ≥ 2.38). Conflicted paths come back, the merge is not fatal. */
    async mergeTree(ours, theirs) {
        const args = ['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z', ours, theirs];
        const r = await this.exec(args, { allowFailure: true });
        if (r.exitCode !== 0 && r.exitCode !== 1)
            throw new GitError(args, r);
        const [tree, ...rest] = r.stdout.split('\0').filter(s => s !== '');
        if (!tree)
            throw new GitError(args, r);
        if (r.exitCode === 0)
            return { clean: true, tree };
        // A file/directory clash leaves the file at `path~<side>`, the side named as given here:
        // report the path the PRs touched, not one that exists in neither of them.
        const unlabel = (path) => {
            const side = [ours, theirs].find(s => path.endsWith(`~${s}`));
            return side === undefined ? path : path.slice(0, -side.length - 1);
        };
        return { clean: false, tree, conflicts: [...new Set(rest.map(unlabel))].sort() };
    }
    async commitTree(tree, parents, message) {
        const args = [...IDENTITY, 'commit-tree', tree, ...parents.flatMap(p => ['-p', p]), '-F', '-'];
        const { stdout } = await this.exec(args, { input: message });
        return stdout.trim();
    }
    async treeOf(rev) {
        const { stdout } = await this.exec([
            'rev-parse',
            '--verify',
            '--end-of-options',
            `${rev}^{tree}`
        ]);
        return stdout.trim();
    }
    /** Paths changed on `head` since it forked from `base` (three-dot diff). */
    async changedFiles(base, head) {
        const { stdout } = await this.exec(['diff', '--name-only', '-z', `${base}...${head}`, '--']);
        return stdout.split('\0').filter(s => s !== '');
    }
    /** The file at `rev:path`, or null when the revision or the path does not exist. */
    async tryShowFile(rev, path) {
        // Not `git show`: for a directory it prints a tree listing and succeeds.
        const r = await this.exec(['cat-file', 'blob', `${rev}:${path}`], { allowFailure: true });
        return r.exitCode === 0 ? r.stdout : null;
    }
    /**
     * Force-pushes `sha` to `refs/heads/<branch>` only if the remote branch is still `expected`
     * (null: must not exist yet). A lost lease overwrites nothing.
     */
    async tryPushWithLease(sha, branch, expected) {
        const ref = `refs/heads/${branch}`;
        const args = [
            'push',
            '--porcelain',
            `--force-with-lease=${ref}:${expected ?? ''}`,
            this.remote,
            `${sha}:${ref}`
        ];
        const r = await this.network(args);
        if (r.exitCode === 0)
            return { ok: true };
        const output = `${r.stdout}\n${r.stderr}`;
        // Caught by git itself (the ref it was advertised is not the lease), or by the server when
        // another push moved the ref between the advertisement and receive-pack: `cannot lock ref`
        // with "is at X but expected Y", or "reference already exists" for a branch being created.
        // Other remote rejections (hooks, protection rules, a name too long) are not races.
        const leaseLost = /stale info|\[rejected\]|fetch first|non-fast-forward/.test(output) ||
            /cannot lock ref '[^']*': (is at [0-9a-f]+ but expected [0-9a-f]+|reference already exists)/.test(output);
        return { ok: false, leaseLost, message: r.stderr.trim() || r.stdout.trim() };
    }
}
function isTransient(stderr) {
    return /(HTTP 5\d\d|returned error: 5\d\d|RPC failed|early EOF|Connection reset|timed out|Could not resolve host|unexpected disconnect)/i.test(stderr);
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
