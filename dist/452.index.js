export const id = 452;
export const ids = [452];
export const modules = {

/***/ 3741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kh: () => (/* binding */ productionRepository),
/* harmony export */   RB: () => (/* binding */ sameRepository),
/* harmony export */   an: () => (/* binding */ imageRepository),
/* harmony export */   rd: () => (/* binding */ checkImageReference)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2861);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValidationError */ .yI(`Image ${JSON.stringify(image)} (from ${source}) is not a valid image reference: expected ` +
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
/**
 * The repository the dataset's CronJobs run as their main image: the one the regular containers of
 * every production CronJob share; if several are shared (a sidecar on the same image everywhere),
 * the one of every CronJob's first container. Sidecars on other images never decide it, so a staged
 * image on a sidecar's repository is refused instead of swapping the sidecar.
 */
function productionRepository(cronJobs) {
    const reposOf = (c) => c.containers.filter((i) => i !== undefined).map(i => imageRepository(i));
    let shared = null;
    for (const cronJob of cronJobs) {
        const repos = reposOf(cronJob);
        shared = (shared ?? repos).filter(r => repos.some(s => sameRepository(r, s)));
    }
    const unique = (shared ?? []).filter((r, i, all) => all.findIndex(s => sameRepository(r, s)) === i);
    if (unique.length === 1 && unique[0] !== undefined)
        return unique[0];
    const firsts = cronJobs.map(c => reposOf(c)[0]);
    const first = firsts[0];
    if (unique.length > 1 &&
        first !== undefined &&
        firsts.every(r => r !== undefined && sameRepository(r, first))) {
        return first;
    }
    const list = cronJobs
        .map(c => `${c.what}: ${c.containers.map(i => i ?? '(none)').join(', ') || '(no containers)'}`)
        .join('; ');
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValidationError */ .yI(unique.length === 0
        ? `The production CronJobs share no container image repository, so the production image ` +
            `cannot be told apart from sidecars (${list}). Run the production image in a regular ` +
            'container of every CronJob of the dataset.'
        : `The production CronJobs share several image repositories (${unique.join(', ')}) and ` +
            `do not all run the same one first, so the production image is ambiguous (${list}). ` +
            'Put the production image first in the containers of every CronJob of the dataset.');
}


/***/ }),

/***/ 316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ML: () => (/* binding */ buildStagingCronJobs),
  wM: () => (/* binding */ planPrune),
  I7: () => (/* binding */ stagedNamesOf)
});

// UNUSED EXPORTS: stagedNameOf

// EXTERNAL MODULE: ./src/dataset/errors.ts
var errors = __webpack_require__(2861);
// EXTERNAL MODULE: ./src/dataset/image.ts
var dataset_image = __webpack_require__(3741);
// EXTERNAL MODULE: ./src/dataset/labels.ts
var dataset_labels = __webpack_require__(3189);
// EXTERNAL MODULE: ./src/kube/rules.ts
var rules = __webpack_require__(3574);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/dataset/ref.ts
var ref = __webpack_require__(3465);
;// CONCATENATED MODULE: ./src/dataset/names.ts
// Staging CronJob names: {prefix}-{dataset_id}-v{version slug}-{kind}, checked against the limits
// the API server really enforces (not the 63 of a plain object name).





const KIND = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
/** The staging CronJob name, unchecked (see stagedCronJobName). */
function cronJobName({ prefix, datasetId, version, kind }) {
    return `${prefix}-${datasetId}-v${(0,ref/* versionSlug */.o$)(version)}-${kind}`;
}
/** Sentry cuts monitor slugs here: staged names that are shortened differ within it. */
const DISTINCT_PREFIX = 50;
const HASH_LENGTH = 8;
/**
 * The longest staged CronJob name: the API server's 52, lowered for an Indexed template with
 * `completions` so that its pods' hostnames `{name}-{job time}-{index}` stay DNS-1123 labels.
 */
function cronJobNameBudget(indexedCompletions) {
    if (indexedCompletions === null)
        return rules/* MAX_CRONJOB_NAME */.vD;
    const maxIndex = String(Math.max(indexedCompletions, 1) - 1);
    return Math.min(rules/* MAX_CRONJOB_NAME */.vD, rules/* MAX_DNS_LABEL */.Mj - rules/* JOB_NAME_SUFFIX */.IU - 1 - maxIndex.length);
}
/**
 * The staged CronJob name, always within `cronJobNameBudget(indexedCompletions)`. It is exactly
 * `cronJobName(parts)` whenever that fits, so names already staged never move. Otherwise the
 * dataset id is cut and 8 hex characters of the SHA-256 of the full name follow it: different
 * (dataset, version, kind) keep different names, and the hash sits within the first 50 characters
 * Sentry keeps of a monitor slug. Version and kind stay readable (the kind is cut only when even
 * an empty id leaves no room). Only a prefix that leaves no room for the hash is an error.
 */
function stagedCronJobName(parts, indexedCompletions = null, 
/** Shorten even when it fits: two names of one version would share a Sentry slug. */
shorten = false) {
    const full = cronJobName(parts);
    const { prefix, datasetId, version, kind } = parts;
    if (!(0,rules/* isDnsSubdomain */.sg)(full)) {
        throw new errors/* ValidationError */.yI(`CronJob name ${(0,errors/* quote */.hD)(full)} is not a valid Kubernetes name: it must be lowercase letters, ` +
            'digits, "-" and ".", starting and ending with a letter or digit, with a letter or digit ' +
            `on each side of every "." (a DNS-1123 subdomain). Check the name-prefix ${(0,errors/* quote */.hD)(prefix)} ` +
            `and the kind ${(0,errors/* quote */.hD)(kind)} (the production CronJob name after the dataset id).`);
    }
    const budget = cronJobNameBudget(indexedCompletions);
    if (full.length <= budget && !shorten)
        return full;
    const room = Math.min(budget, DISTINCT_PREFIX) - HASH_LENGTH - 1;
    if (prefix.length > room) {
        throw new errors/* ValidationError */.yI(`The name-prefix ${(0,errors/* quote */.hD)(prefix)} is ${prefix.length} characters: staged CronJob names ` +
            `must fit ${budget} characters (${rules/* MAX_CRONJOB_NAME */.vD} for a CronJob, less for Indexed Jobs ` +
            `with many completions) and are shortened with an ${HASH_LENGTH}-character hash after the ` +
            `prefix, which leaves at most ${room} characters for the prefix. Shorten the name-prefix.`);
    }
    const hash = (0,external_node_crypto_.createHash)('sha256').update(full).digest('hex').slice(0, HASH_LENGTH);
    const tail = `-v${(0,ref/* versionSlug */.o$)(version)}-${kind}`;
    const idRoom = budget - prefix.length - 1 - HASH_LENGTH - tail.length - 1;
    const id = idRoom > 0 ? datasetId.slice(0, idRoom).replace(/-+$/, '') : '';
    const name = id === '' ? `${prefix}-${hash}${tail}` : `${prefix}-${id}-${hash}${tail}`;
    return name.slice(0, budget).replace(/[-.]+$/, '');
}
/**
 * Indexed Jobs name each pod's hostname `{job name}-{index}`, and the API server rejects a Job whose
 * largest such hostname is not a DNS-1123 label; the CronJob controller would then fail every run.
 */
function checkIndexedJobName(name, completions) {
    const maxIndex = String(Math.max(completions, 1) - 1);
    const longestHostname = name.length + rules/* JOB_NAME_SUFFIX */.IU + 1 + maxIndex.length;
    const shape = `${name}-<${rules/* JOB_NAME_SUFFIX */.IU - 1} digits>-${maxIndex}`;
    const what = `CronJob ${(0,errors/* quote */.hD)(name)} runs Indexed Jobs with ${Math.max(completions, 1)} completions, so ` +
        `its pods are named like ${shape} and those names are also their hostnames`;
    if (!(0,rules/* isDnsLabel */.Cd)(name)) {
        throw new errors/* ValidationError */.yI(`${what}, which cannot contain ".": rename the production CronJob without dots.`);
    }
    if (longestHostname > rules/* MAX_DNS_LABEL */.Mj) {
        const fits = rules/* MAX_DNS_LABEL */.Mj - rules/* JOB_NAME_SUFFIX */.IU - 1 - maxIndex.length;
        throw new errors/* ValidationError */.yI(`${what}; the longest is ${longestHostname} characters but a hostname allows at most ` +
            `${rules/* MAX_DNS_LABEL */.Mj}. With ${Math.max(completions, 1)} completions the CronJob name can be ` +
            `at most ${fits} characters (this one is ${name.length}): shorten the dataset id, the ` +
            'name-prefix or the kind.');
    }
}
/** The kind of a production CronJob: its name after `{datasetId}-` (e.g. update, validate). */
function deriveKind(productionName, datasetId) {
    const prefix = `${datasetId}-`;
    if (!productionName.startsWith(prefix)) {
        throw new errors/* ValidationError */.yI(`Production CronJob ${(0,errors/* quote */.hD)(productionName)} does not belong to dataset ${(0,errors/* quote */.hD)(datasetId)}: ` +
            `staging names CronJobs after their kind, the part of the production name after ` +
            `"${prefix}" (e.g. ${prefix}update). Rename it to "${prefix}<kind>" or remove it from ` +
            `the dataset's cronjobs.`);
    }
    const kind = productionName.slice(prefix.length);
    if (kind === '') {
        throw new errors/* ValidationError */.yI(`Production CronJob ${(0,errors/* quote */.hD)(productionName)} has no kind after "${prefix}": rename it to ` +
            `"${prefix}<kind>" (e.g. ${prefix}update).`);
    }
    if (!KIND.test(kind) || kind.length > rules/* MAX_DNS_LABEL */.Mj) {
        throw new errors/* ValidationError */.yI(`Production CronJob ${(0,errors/* quote */.hD)(productionName)} has the kind ${(0,errors/* quote */.hD)(kind)}, which is not usable ` +
            'in names and labels: it must be at most 63 lowercase letters, digits, "-" and ".", ' +
            `starting and ending with a letter or digit. Rename it to "${prefix}<kind>".`);
    }
    return kind;
}

;// CONCATENATED MODULE: ./src/dataset/kinds.ts
// A production CronJob's kind (update, validate, ...): what its staged copy is named after. Real
// catalogs abbreviate production names to fit Kubernetes' limits, so the part before the kind is
// configurable (production-prefix), or the kind is read from a label (kind-label).



/** The production-prefix a name suggests: everything before its last "-". */
function suggestedPrefix(name) {
    const cut = name.lastIndexOf('-');
    return cut > 0 ? name.slice(0, cut) : null;
}
/**
 * The kind of a production CronJob of `datasetId`: its `kindLabel` value when it has one, else its
 * name after `{productionPrefix}-`. A CronJob that matches neither is an error naming both options.
 */
function kindOf(production, datasetId, rule) {
    const { name, labels } = production;
    const label = rule.kindLabel === null ? undefined : labels?.[rule.kindLabel];
    if (rule.kindLabel !== null && label !== undefined) {
        if (!(0,rules/* isDnsLabel */.Cd)(label)) {
            throw new errors/* ValidationError */.yI(`Production CronJob ${(0,errors/* quote */.hD)(name)} of dataset ${(0,errors/* quote */.hD)(datasetId)} has the kind ` +
                `${(0,errors/* quote */.hD)(label)} in its label ${(0,errors/* quote */.hD)(rule.kindLabel)} (kind-label), which is not usable ` +
                'in names: it must be at most 63 lowercase letters, digits and "-", starting and ending ' +
                'with a letter or digit.');
        }
        return label;
    }
    const prefix = `${rule.productionPrefix}-`;
    if (name.startsWith(prefix) && name.length > prefix.length) {
        return deriveKind(name, rule.productionPrefix);
    }
    const suggestion = suggestedPrefix(name);
    const labelPart = rule.kindLabel === null
        ? 'no kind-label is set'
        : `it has no label ${(0,errors/* quote */.hD)(rule.kindLabel)} (kind-label)`;
    throw new errors/* ValidationError */.yI(`Production CronJob ${(0,errors/* quote */.hD)(name)} of dataset ${(0,errors/* quote */.hD)(datasetId)} matches no kind rule: its ` +
        `name does not start with "${prefix}" (production-prefix, default the dataset id) followed ` +
        `by a kind, and ${labelPart}. In the dataset's entry of the staging config (or its catalog ` +
        'entry), set production-prefix to the part of the production names before the kind' +
        (suggestion === null ? '' : ` (e.g. production-prefix: ${suggestion})`) +
        ', or kind-label to a label of the production CronJobs whose value is the kind; or, if it ' +
        "belongs to another dataset, remove it from this dataset's CronJobs.");
}

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
    throw new errors/* ValidationError */.yI(`Cannot offset the schedule ${(0,errors/* quote */.hD)(schedule)} by ${minutes} minutes: ${problem}. ${SUPPORTED}`);
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
        throw new errors/* ValidationError */.yI(`Schedule offset ${(0,errors/* quote */.hD)(String(minutes))} is not valid: it must be a whole number of ` +
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
        const hint = macro === undefined ? '' : ` (write it as ${(0,errors/* quote */.hD)(macro)} instead)`;
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
        fail(schedule, minutes, `the minute field ${(0,errors/* quote */.hD)(minuteField)} is not a list of numbers 0-59`);
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
        fail(schedule, minutes, `runs move into another hour, which cannot be applied to the hour field ${(0,errors/* quote */.hD)(hourField)}`);
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

// EXTERNAL MODULE: ./src/dataset/trace.ts
var trace = __webpack_require__(8309);
;// CONCATENATED MODULE: ./src/dataset/manifests.ts








// The server's fields, and the owners of the production object (which do not own the copy).
const NOT_COPIED_METADATA = [...rules/* SERVER_OWNED_METADATA */.mk, 'ownerReferences'];
// kubectl's copy of the production object: carried over, it would describe the wrong object.
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const CRON_JOB_NAME_ENV = 'CRON_JOB_NAME';
function checkImage(image) {
    return (0,dataset_image/* imageRepository */.an)((0,dataset_image/* checkImageReference */.rd)(image, 'the staged image'));
}
function withLabels(metadata, labels) {
    // Ours win: a production label with the same key would make cleanup miss or mis-target the object.
    return { ...metadata, labels: { ...metadata?.labels, ...labels } };
}
function stagedMetadata(metadata, name, namespace, labels, ours) {
    const result = withLabels(metadata, labels);
    for (const field of NOT_COPIED_METADATA)
        delete result[field];
    const annotations = { ...result.annotations };
    delete annotations[LAST_APPLIED];
    return {
        ...result,
        name,
        namespace,
        annotations: { ...annotations, ...ours }
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
/** The completions of an Indexed Job template (each is a pod hostname), else null. */
function indexedCompletions(cronJob) {
    const jobSpec = cronJob.spec?.jobTemplate.spec;
    return jobSpec?.completionMode === 'Indexed' ? (jobSpec.completions ?? 1) : null;
}
/**
 * The kind and staged name of a production CronJob: deploy names it so, and cleanup finds it by
 * the same name when its labels are gone.
 */
function stagedNameOf(parts, cronJob) {
    const rule = parts.kindRule ?? { productionPrefix: parts.datasetId, kindLabel: null };
    const identity = { name: cronJob.metadata?.name ?? '', labels: cronJob.metadata?.labels };
    const kind = kindOf(identity, parts.datasetId, rule);
    return { kind, name: stagedCronJobName({ ...parts, kind }, indexedCompletions(cronJob)) };
}
/**
 * The staged names of one version's production CronJobs. A name that fits is kept, unless it
 * shares its first 50 characters (Sentry's monitor slug) with another of the same version: only
 * those, which would report into one monitor, get the shortened form with its hash up front.
 */
function stagedNamesOf(parts, cronJobs) {
    const named = cronJobs.map(c => stagedNameOf(parts, c));
    const slugOf = (name) => name.slice(0, DISTINCT_PREFIX);
    const uses = new Map();
    for (const { name } of named) {
        uses.set(slugOf(name), (uses.get(slugOf(name)) ?? new Set()).add(name));
    }
    return named.map(({ kind, name }, i) => (uses.get(slugOf(name))?.size ?? 0) > 1
        ? {
            kind,
            name: stagedCronJobName({ ...parts, kind }, indexedCompletions(cronJobs[i]), true)
        }
        : { kind, name });
}
function what(productionName, source) {
    return `CronJob ${(0,errors/* quote */.hD)(productionName)} (from ${source})`;
}
function stageOne(input, production, repository, { kind, name }) {
    const { cronJob, source } = production;
    const productionName = cronJob.metadata?.name ?? '';
    const labels = (0,dataset_labels/* stagingLabels */.Hz)(input.datasetId, input.version, kind);
    const manifest = structuredClone(cronJob);
    delete manifest.status;
    manifest.apiVersion = 'batch/v1';
    manifest.kind = 'CronJob';
    manifest.metadata = stagedMetadata(manifest.metadata, name, input.namespace, labels, {
        [dataset_labels/* SOURCE_ANNOTATION */.eM]: productionName,
        ...(0,dataset_labels/* identityAnnotations */.dn)(input.datasetId, input.version, kind),
        ...(input.trace ? (0,trace/* traceAnnotations */.kd)(input.trace) : {})
    });
    const spec = manifest.spec;
    try {
        spec.schedule = offsetSchedule(spec.schedule, input.scheduleOffsetMinutes);
    }
    catch (e) {
        if (!(e instanceof errors/* StagingError */.QH))
            throw e;
        throw new errors/* ValidationError */.yI(`${what(productionName, source)}: ${e.message}`);
    }
    const jobTemplate = spec.jobTemplate;
    jobTemplate.metadata = withLabels(jobTemplate.metadata, labels);
    const jobSpec = jobTemplate.spec;
    if (jobSpec === undefined) {
        throw new errors/* ValidationError */.yI(`${what(productionName, source)} has no spec.jobTemplate.spec.`);
    }
    jobSpec.template.metadata = withLabels(jobSpec.template.metadata, labels);
    if (jobSpec.completionMode === 'Indexed')
        checkIndexedJobName(name, jobSpec.completions ?? 1);
    const podSpec = jobSpec.template.spec;
    const containers = [...(podSpec?.initContainers ?? []), ...(podSpec?.containers ?? [])];
    let replaced = 0;
    for (const container of containers) {
        if (container.image !== undefined &&
            (0,dataset_image/* sameRepository */.RB)((0,dataset_image/* imageRepository */.an)(container.image), repository)) {
            container.image = input.image;
            replaced++;
        }
        setCronJobNameEnv(container, name);
    }
    if (replaced === 0) {
        const images = containers.map(c => c.image ?? '(none)').join(', ') || '(no containers)';
        throw new errors/* ValidationError */.yI(`${what(productionName, source)} has no container running ${repository}, the repository ` +
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
        suspended: spec.suspend === true,
        manifest
    };
}
/** Refuses a staged image that would not replace the production image (e.g. a sidecar's). */
function checkProductionRepository(input, repository) {
    const production = (0,dataset_image/* productionRepository */.Kh)(input.productionCronJobs.map(({ cronJob, source }) => ({
        what: what(cronJob.metadata?.name ?? '', source),
        containers: (cronJob.spec?.jobTemplate.spec?.template.spec?.containers ?? []).map(c => c.image)
    })));
    if (!(0,dataset_image/* sameRepository */.RB)(production, repository)) {
        throw new errors/* ValidationError */.yI(`The staged image ${input.image} is not an image of ${production}, the repository the ` +
            "dataset's production CronJobs run as their main image: staging it would swap only " +
            'other containers (e.g. sidecars) and run the production code. Stage an image of ' +
            `${production}.`);
    }
}
/** One staging CronJob per production CronJob, sorted by name; throws on the first problem. */
function buildStagingCronJobs(input) {
    const repository = checkImage(input.image);
    if (input.productionCronJobs.length === 0) {
        throw new errors/* ValidationError */.yI(`No production CronJobs found for dataset ${(0,errors/* quote */.hD)(input.datasetId)}: its cronjobs globs or ` +
            'cronjobs-command in the staging config matched nothing. Point them at the manifests of ' +
            "the dataset's production CronJobs.");
    }
    checkProductionRepository(input, repository);
    for (const { cronJob, source } of input.productionCronJobs) {
        if (!cronJob.metadata?.name) {
            throw new errors/* ValidationError */.yI(`A CronJob from ${source} has no metadata.name; give it a name.`);
        }
    }
    const names = stagedNamesOf(input, input.productionCronJobs.map(p => p.cronJob));
    const byKind = new Map();
    for (const [i, production] of input.productionCronJobs.entries()) {
        const staged = stageOne(input, production, repository, names[i]);
        const previous = byKind.get(staged.kind);
        if (previous !== undefined) {
            throw new errors/* ValidationError */.yI(`Production CronJobs ${(0,errors/* quote */.hD)(previous.productionName)} (from ${previous.source}) and ` +
                `${(0,errors/* quote */.hD)(staged.productionName)} (from ${staged.source}) both have the kind ` +
                `${(0,errors/* quote */.hD)(staged.kind)}, so both would be staged as ${(0,errors/* quote */.hD)(staged.name)}. Keep one of ` +
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

/***/ 8309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _u: () => (/* binding */ COMMIT_ANNOTATION),
/* harmony export */   cy: () => (/* binding */ stampDeployTime),
/* harmony export */   kd: () => (/* binding */ traceAnnotations)
/* harmony export */ });
/* unused harmony exports BRANCH_ANNOTATION, RUN_URL_ANNOTATION, DEPLOYED_AT_ANNOTATION, deployTime */
const COMMIT_ANNOTATION = 'staging-action/commit';
const BRANCH_ANNOTATION = 'staging-action/branch';
const RUN_URL_ANNOTATION = 'staging-action/run-url';
const DEPLOYED_AT_ANNOTATION = 'staging-action/deployed-at';
/** The trace annotations, without the deploy time (see stampDeployTime); unknown ones left out. */
function traceAnnotations(trace) {
    return {
        ...(trace.commit === null ? {} : { [COMMIT_ANNOTATION]: trace.commit }),
        [BRANCH_ANNOTATION]: trace.branch,
        ...(trace.runUrl === null ? {} : { [RUN_URL_ANNOTATION]: trace.runUrl })
    };
}
/**
 * When this CronJob's commit was deployed: the live object's time when it already runs the same
 * commit, else `now`. A fresh time on every apply would make re-running a deploy (a re-run
 * workflow, a second push of the same commit) change every object: the API server would no longer
 * treat the apply as a no-op, and status and sweep, which date a staged version by its last
 * change, would call a version re-run yesterday new. Kept, a redeploy of the same commit leaves
 * the objects as they were; a new commit always gets a new time.
 */
function deployTime(live, commit, now) {
    const previous = live?.annotations?.[DEPLOYED_AT_ANNOTATION];
    const sameCommit = commit !== null && live?.annotations?.[COMMIT_ANNOTATION] === commit;
    if (sameCommit && previous !== undefined && !Number.isNaN(Date.parse(previous)))
        return previous;
    return now.toISOString();
}
/** The staged CronJobs with their deploy time annotated (see deployTime), live ones by name. */
function stampDeployTime(staged, live, commit, now) {
    return staged.map(s => {
        const current = live.find(c => c.metadata?.name === s.name)?.metadata;
        const manifest = structuredClone(s.manifest);
        manifest.metadata = {
            ...manifest.metadata,
            annotations: {
                ...manifest.metadata?.annotations,
                [DEPLOYED_AT_ANNOTATION]: deployTime(current, commit, now)
            }
        };
        return { ...s, manifest };
    });
}


/***/ })

};
