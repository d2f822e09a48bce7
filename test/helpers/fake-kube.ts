// A loopback stand-in for the Kubernetes API server, faithful where the action depends on it:
// Status bodies, server-side apply of batch/v1 CronJobs (201 vs 200, dry-run, managedFields),
// the API server's validation messages, label selectors, and Flux GitRepository merge patches.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { CronJob as CronJobModel } from 'kubernetes-models/batch/v1/CronJob';

export type KubeObject = Record<string, unknown>;

export interface FakeKubeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  contentType?: string;
  /** Parsed request body (JSON or YAML), when there was one. */
  body?: unknown;
}

export interface FakeKubeFault {
  method?: string;
  path?: RegExp;
  /** Answer with this status and a matching Status body; omit to only delay the request. */
  status?: number;
  message?: string;
  /** How many matching requests the fault applies to (default 1). */
  times?: number;
  delayMs?: number;
  /** Only requests that are (true) or are not (false) server-side dry runs. */
  dryRun?: boolean;
}

export interface FakeKubeOptions {
  /** Bearer token the server accepts (default 'fake-kube-token'). */
  token?: string;
  latencyMs?: number;
}

export interface FakeKube {
  url: string;
  token: string;
  requests: FakeKubeRequest[];
  latencyMs: number;
  kubeconfig(namespace?: string): string;
  /** Stored CronJobs of a namespace, sorted by name (copies). */
  cronJobs(namespace: string): KubeObject[];
  /** Seeds a CronJob through the same apply path as the API (validated), under another manager. */
  addCronJob(cronJob: KubeObject, fieldManager?: string): KubeObject;
  gitRepositories(namespace: string): KubeObject[];
  addGitRepository(namespace: string, name: string, spec?: KubeObject): KubeObject;
  /** Sets a CronJob's status (lastScheduleTime, lastSuccessfulTime, active), as the controller does. */
  setCronJobStatus(namespace: string, name: string, status: KubeObject): void;
  /**
   * Serves more resources (see fake-kube-jobs.ts): the extension is made with the fake's own
   * helpers (so its module needs no runtime import of this one) and tried for every request no
   * built-in route takes.
   */
  extend(make: (helpers: FakeKubeHelpers) => FakeKubeExtension): void;
  injectFault(fault: FakeKubeFault): void;
  close(): Promise<void>;
}

/** More resources for the fake: a route, and the garbage collection of dependents. */
export interface FakeKubeExtension {
  /** The reply for a request this extension serves, else null. */
  route(req: FakeKubeRoute, body: unknown): Reply | null;
  /** An object was deleted: delete (or, with Orphan, release) what it owns. */
  ownerDeleted?(namespace: string, uid: string, propagationPolicy: string): void;
}

/** The fake's own rules, for extensions: Status replies, field errors, labels, selectors, time. */
export interface FakeKubeHelpers {
  failure: typeof failure;
  clone: typeof clone;
  invalid: typeof invalid;
  required: typeof required;
  notSupported: typeof notSupported;
  invalidReply: typeof invalidReply;
  validateLabels: typeof validateLabels;
  labelsOf: typeof labelsOf;
  parseLabelSelector: typeof parseLabelSelector;
  subdomainErrors: typeof subdomainErrors;
  timestamp: typeof timestamp;
}

export interface FakeKubeRoute {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string;
}

const FLUX_GROUP = 'source.toolkit.fluxcd.io';
const APPLY = 'application/apply-patch+yaml';
const MERGE = 'application/merge-patch+json';

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: { reason: string; message: string; field: string }[];
}

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout'
};

function failure(code: number, message: string, details?: StatusDetails, reason?: string): Reply {
  const body: KubeObject = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message
  };
  const why = reason ?? REASONS[code];
  if (why) body.reason = why;
  if (details) body.details = details;
  body.code = code;
  return { status: code, body };
}

function isObject(value: unknown): value is KubeObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SERVER_META = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields'];

function omit(value: KubeObject, keys: string[]): KubeObject {
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k)));
}

// JSON round trips keep objects in this realm (jest runs tests in a vm context, and
// structuredClone would hand back objects whose prototypes fail deep-equality checks).
function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map(k => [k, canonical(value[k])])
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function str(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

function obj(value: unknown): KubeObject {
  return isObject(value) ? value : {};
}

// Kubernetes timestamps are RFC 3339 with second precision.
function timestamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// ---------------------------------------------------------------------------------------------
// Field errors, formatted like k8s.io/apimachinery/pkg/util/validation/field.

interface FieldError {
  field: string;
  type: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueNotSupported';
  detail: string;
}

function formatValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? 'null';
}

function invalid(field: string, value: unknown, detail: string): FieldError {
  return {
    field,
    type: 'FieldValueInvalid',
    detail: `Invalid value: ${formatValue(value)}: ${detail}`
  };
}

function required(field: string): FieldError {
  return { field, type: 'FieldValueRequired', detail: 'Required value' };
}

function notSupported(field: string, value: unknown, supported: string[]): FieldError {
  const list = supported.map(s => JSON.stringify(s)).join(', ');
  return {
    field,
    type: 'FieldValueNotSupported',
    detail: `Unsupported value: ${formatValue(value)}: supported values: ${list}`
  };
}

function invalidReply(kind: string, group: string, name: string, errors: FieldError[]): Reply {
  const parts = errors.map(e => `${e.field}: ${e.detail}`);
  const summary = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  const qualified = group ? `${kind}.${group}` : kind;
  return failure(422, `${qualified} "${name}" is invalid: ${summary}`, {
    name,
    group,
    kind,
    causes: errors.map(e => ({ reason: e.type, message: e.detail, field: e.field }))
  });
}

// ---------------------------------------------------------------------------------------------
// Name and label validation (k8s.io/apimachinery/pkg/util/validation).

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = `(${QUALIFIED_NAME})?`;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const QUALIFIED_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function matches(pattern: string, value: string): boolean {
  return new RegExp(`^${pattern}$`).test(value);
}

export function subdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!matches(DNS1123_SUBDOMAIN, value)) errs.push(SUBDOMAIN_MSG);
  return errs;
}

export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  let name = value;
  const errs: string[] = [];
  if (parts.length === 2) {
    const [prefix, rest] = parts;
    name = rest;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...subdomainErrors(prefix).map(e => `prefix part ${e}`));
  } else if (parts.length > 2) {
    return [
      `a qualified name ${QUALIFIED_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (name.length > 0 && !matches(QUALIFIED_NAME, name)) errs.push(`name part ${QUALIFIED_MSG}`);
  return errs;
}

export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!matches(LABEL_VALUE, value)) errs.push(LABEL_VALUE_MSG);
  return errs;
}

function validateLabels(labels: unknown, field: string): FieldError[] {
  if (!isObject(labels)) return [];
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(labels)) {
    for (const e of qualifiedNameErrors(key)) errors.push(invalid(field, key, e));
    for (const e of labelValueErrors(String(value))) errors.push(invalid(field, value, e));
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Cron schedules, with the error messages of robfig/cron v3 ParseStandard (what the API server uses).

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTH_NAMES = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const DOW_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const CRON_FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: Object.fromEntries(MONTH_NAMES.map((n, i) => [n, i + 1])) },
  { min: 0, max: 6, names: Object.fromEntries(DOW_NAMES.map((n, i) => [n, i])) }
];
const DESCRIPTORS = '@yearly @annually @monthly @weekly @daily @midnight @hourly'.split(' ');
const GO_DURATION = /^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+)$/;

class CronError extends Error {}

function mustParseInt(expr: string): number {
  // strconv.Atoi: optional sign, decimal digits only.
  if (!/^[-+]?\d+$/.test(expr)) {
    throw new CronError(
      `failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`
    );
  }
  const num = Number(expr);
  if (num < 0) throw new CronError(`negative number (${num}) not allowed: ${expr}`);
  return num;
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  const named = names?.[expr.toLowerCase()];
  return named ?? mustParseInt(expr);
}

function checkRange(expr: string, r: Bounds): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], r.names);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    if (lowAndHigh.length === 1) end = r.max;
  } else if (rangeAndStep.length > 2) {
    throw new CronError(`too many slashes: ${expr}`);
  }
  if (start < r.min) {
    throw new CronError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  }
  if (end > r.max) throw new CronError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) {
    throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  }
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
}

/** Why robfig/cron's standard parser rejects the schedule, or null when it parses. */
export function cronScheduleError(schedule: string): string | null {
  let spec = schedule;
  if (spec.length === 0) return 'empty spec string';
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    spec = space < 0 ? '' : spec.slice(space).trim();
  }
  if (spec.startsWith('@')) {
    if (DESCRIPTORS.includes(spec)) return null;
    if (spec.startsWith('@every ')) {
      const duration = spec.slice('@every '.length);
      return GO_DURATION.test(duration)
        ? null
        : `failed to parse duration ${spec}: time: invalid duration ${JSON.stringify(duration)}`;
    }
    return `unrecognized descriptor: ${spec}`;
  }
  const fields = spec.split(/\s+/).filter(f => f.length > 0);
  if (fields.length !== 5) {
    return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  }
  try {
    fields.forEach((field, i) => {
      for (const expr of field.split(',').filter(e => e.length > 0))
        checkRange(expr, CRON_FIELDS[i]);
    });
  } catch (err) {
    if (err instanceof CronError) return err.message;
    throw err;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// CronJob defaulting and validation, in the API server's order: schema, defaults, semantics.

interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

function fieldPath(instancePath: string): string {
  return instancePath
    .split('/')
    .filter(p => p.length > 0)
    .reduce(
      (acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part),
      ''
    );
}

function valueAt(root: unknown, instancePath: string): unknown {
  let cur = root;
  for (const part of instancePath.split('/').filter(p => p.length > 0)) {
    if (Array.isArray(cur)) cur = cur[Number(part)];
    else if (isObject(cur)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

function schemaErrors(cronJob: KubeObject): FieldError[] {
  try {
    new CronJobModel(
      cronJob as unknown as ConstructorParameters<typeof CronJobModel>[0]
    ).validate();
    return [];
  } catch (err) {
    const list = (err as { errors?: SchemaError[] }).errors;
    if (!Array.isArray(list)) throw err;
    return list.map(e => {
      if (e.keyword === 'required') {
        const base = fieldPath(e.instancePath);
        const missing = String(e.params.missingProperty);
        return required(base ? `${base}.${missing}` : missing);
      }
      return invalid(
        fieldPath(e.instancePath),
        valueAt(cronJob, e.instancePath),
        e.message ?? 'invalid'
      );
    });
  }
}

function imagePullPolicy(image: unknown): string {
  if (typeof image !== 'string') return 'IfNotPresent';
  const lastSegment = image.split('/').pop() ?? '';
  if (image.includes('@')) return 'IfNotPresent';
  const tag = lastSegment.includes(':') ? lastSegment.split(':').pop() : undefined;
  return tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

// The defaults the API server fills in, so re-reading an applied object shows what a cluster shows.
function withDefaults(cronJob: KubeObject): KubeObject {
  const out = clone(cronJob);
  const spec = obj(out.spec);
  spec.concurrencyPolicy ??= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const podSpec = obj(obj(obj(obj(spec.jobTemplate).spec).template).spec);
  podSpec.restartPolicy ??= 'Always';
  podSpec.dnsPolicy ??= 'ClusterFirst';
  podSpec.terminationGracePeriodSeconds ??= 30;
  podSpec.securityContext ??= {};
  podSpec.schedulerName ??= 'default-scheduler';
  const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
  for (const c of containers) {
    if (!isObject(c)) continue;
    c.terminationMessagePath ??= '/dev/termination-log';
    c.terminationMessagePolicy ??= 'File';
    c.imagePullPolicy ??= imagePullPolicy(c.image);
  }
  return out;
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function semanticErrors(cronJob: KubeObject): FieldError[] {
  const errors: FieldError[] = [];
  const meta = obj(cronJob.metadata);
  const name = str(meta.name);
  for (const e of subdomainErrors(name)) errors.push(invalid('metadata.name', name, e));
  errors.push(...validateLabels(meta.labels, 'metadata.labels'));
  // CronJob names leave 11 characters for the Job suffix within a 63-character label.
  if (name.length > 52) {
    errors.push(invalid('metadata.name', name, 'must be no more than 52 characters'));
  }
  const spec = obj(cronJob.spec);
  const schedule = str(spec.schedule);
  if (schedule.length === 0) {
    errors.push(required('spec.schedule'));
  } else {
    const cronErr = cronScheduleError(schedule);
    if (cronErr) errors.push(invalid('spec.schedule', schedule, cronErr));
    if (schedule.includes('TZ')) {
      errors.push(
        invalid(
          'spec.schedule',
          schedule,
          'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'
        )
      );
    }
  }
  if (typeof spec.timeZone === 'string' && !validTimeZone(spec.timeZone)) {
    errors.push(invalid('spec.timeZone', spec.timeZone, `unknown time zone ${spec.timeZone}`));
  }
  const policy = spec.concurrencyPolicy;
  if (!['Allow', 'Forbid', 'Replace'].includes(String(policy))) {
    errors.push(notSupported('spec.concurrencyPolicy', policy, ['Allow', 'Forbid', 'Replace']));
  }
  const template = obj(obj(spec.jobTemplate).spec).template;
  errors.push(
    ...validateLabels(
      obj(obj(template).metadata).labels,
      'spec.jobTemplate.spec.template.metadata.labels'
    )
  );
  const podPath = 'spec.jobTemplate.spec.template.spec';
  const podSpec = obj(obj(template).spec);
  if (!['OnFailure', 'Never'].includes(String(podSpec.restartPolicy))) {
    errors.push(
      notSupported(`${podPath}.restartPolicy`, podSpec.restartPolicy, ['OnFailure', 'Never'])
    );
  }
  const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
  if (containers.length === 0) errors.push(required(`${podPath}.containers`));
  containers.forEach((c, i) => {
    const path = `${podPath}.containers[${i}]`;
    const container = obj(c);
    const cname = str(container.name);
    if (!matches(DNS1123_LABEL, cname) || cname.length > 63) {
      errors.push(invalid(`${path}.name`, cname, LABEL_MSG));
    }
    if (typeof container.image !== 'string' || container.image.trim() === '') {
      errors.push(required(`${path}.image`));
    }
  });
  return errors;
}

// ---------------------------------------------------------------------------------------------
// managedFields: a FieldsV1 set describing what the applied configuration sets.

function fieldSet(value: unknown): KubeObject {
  if (!isObject(value)) return {};
  const out: KubeObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (
      Array.isArray(child) &&
      child.every(item => isObject(item) && typeof item.name === 'string')
    ) {
      const entries: KubeObject = {};
      for (const item of child as KubeObject[]) {
        entries[`k:${JSON.stringify({ name: item.name })}`] = { '.': {}, ...fieldSet(item) };
      }
      out[`f:${key}`] = entries;
    } else {
      out[`f:${key}`] = isObject(child) ? fieldSet(child) : {};
    }
  }
  return out;
}

function appliedFields(applied: KubeObject): KubeObject {
  const rest = omit(applied, ['apiVersion', 'kind', 'status']);
  return fieldSet({ ...rest, metadata: omit(obj(rest.metadata), ['name', 'namespace']) });
}

// ---------------------------------------------------------------------------------------------
// Label selectors (k8s.io/apimachinery/pkg/labels.Parse).

type Requirement = (labels: Map<string, string>) => boolean;

function splitOutsideParens(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(p => p.length > 0);
}

function checkSelectorKey(key: string): void {
  const errs = qualifiedNameErrors(key);
  if (errs.length > 0) {
    throw new Error(`unable to parse requirement: ${invalid('key', key, errs.join('; ')).detail}`);
  }
}

function checkSelectorValue(value: string): void {
  const errs = labelValueErrors(value);
  if (errs.length > 0) {
    throw new Error(
      `unable to parse requirement: ${invalid('values[0]', value, errs.join('; ')).detail}`
    );
  }
}

export function parseLabelSelector(selector: string): Requirement[] {
  return splitOutsideParens(selector).map((req): Requirement => {
    const set = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(req);
    if (set) {
      const [, key, op, list] = set;
      checkSelectorKey(key);
      const values = list.split(',').map(v => v.trim());
      values.forEach(checkSelectorValue);
      return op === 'in'
        ? labels => values.includes(labels.get(key) ?? '\0')
        : labels => !values.includes(labels.get(key) ?? '\0');
    }
    const eq = /^([^!=\s]+)\s*(==|=|!=)\s*(.*)$/.exec(req);
    if (eq) {
      const [, key, op, value] = eq;
      checkSelectorKey(key);
      checkSelectorValue(value);
      return op === '!='
        ? labels => labels.get(key) !== value
        : labels => labels.get(key) === value;
    }
    if (req.startsWith('!')) {
      const key = req.slice(1).trim();
      checkSelectorKey(key);
      return labels => !labels.has(key);
    }
    checkSelectorKey(req);
    return labels => labels.has(req);
  });
}

function labelsOf(object: KubeObject): Map<string, string> {
  const labels = obj(obj(object.metadata).labels);
  return new Map(Object.entries(labels).map(([k, v]) => [k, str(v)]));
}

// RFC 7386 JSON merge patch.
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  const result: KubeObject = isObject(target) ? clone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Discovery documents.

function groupDoc(name: string): KubeObject {
  const gv = { groupVersion: `${name}/v1`, version: 'v1' };
  return { name, versions: [gv], preferredVersion: gv };
}

const RESOURCES: Record<string, KubeObject[]> = {
  'batch/v1': [
    {
      name: 'cronjobs',
      singularName: 'cronjob',
      namespaced: true,
      kind: 'CronJob',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['cj'],
      categories: ['all']
    },
    {
      name: 'cronjobs/status',
      singularName: '',
      namespaced: true,
      kind: 'CronJob',
      verbs: ['get', 'patch', 'update']
    }
  ],
  [`${FLUX_GROUP}/v1`]: [
    {
      name: 'gitrepositories',
      singularName: 'gitrepository',
      namespaced: true,
      kind: 'GitRepository',
      verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
      shortNames: ['gitrepo'],
      categories: ['fluxcd']
    },
    {
      name: 'gitrepositories/status',
      singularName: '',
      namespaced: true,
      kind: 'GitRepository',
      verbs: ['get', 'patch', 'update']
    }
  ]
};

function discovery(path: string, hostPort: string): Reply | null {
  switch (path) {
    case '/version':
      return {
        status: 200,
        body: {
          major: '1',
          minor: '33',
          gitVersion: 'v1.33.0-fake',
          gitCommit: '0000000000000000000000000000000000000000',
          gitTreeState: 'clean',
          buildDate: '2025-01-01T00:00:00Z',
          goVersion: 'go1.24.0',
          compiler: 'gc',
          platform: 'linux/amd64'
        }
      };
    case '/api':
      return {
        status: 200,
        body: {
          kind: 'APIVersions',
          versions: ['v1'],
          serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: hostPort }]
        }
      };
    case '/api/v1':
      return {
        status: 200,
        body: { kind: 'APIResourceList', groupVersion: 'v1', resources: [] }
      };
    case '/apis':
      return {
        status: 200,
        body: {
          kind: 'APIGroupList',
          apiVersion: 'v1',
          groups: [groupDoc('batch'), groupDoc(FLUX_GROUP)]
        }
      };
  }
  for (const group of ['batch', FLUX_GROUP]) {
    if (path === `/apis/${group}`) {
      return { status: 200, body: { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(group) } };
    }
    if (path === `/apis/${group}/v1`) {
      return {
        status: 200,
        body: {
          kind: 'APIResourceList',
          apiVersion: 'v1',
          groupVersion: `${group}/v1`,
          resources: RESOURCES[`${group}/v1`]
        }
      };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The server.

interface Parsed {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string;
  raw: string;
}

function faultMessage(status: number, path: string): string {
  switch (status) {
    case 409:
      return `Operation cannot be fulfilled on ${path}: the object has been modified; please apply your changes to the latest version and try again`;
    case 429:
      return 'Too many requests, please try again later.';
    case 403:
      return `forbidden: User "system:serviceaccount:default:staging" cannot access ${path}`;
    case 503:
      return 'the server is currently unable to handle the request';
    case 504:
      return 'Timeout: request did not complete within requested timeout';
    default:
      return 'Internal error occurred: injected fault';
  }
}

function parseBody(raw: string, contentType: string): unknown {
  if (raw.length === 0) return undefined;
  // YAML is a superset of JSON, and apply bodies may be either.
  return contentType === APPLY ? parseYaml(raw) : JSON.parse(raw);
}

export async function startFakeKube(options: FakeKubeOptions = {}): Promise<FakeKube> {
  const token = options.token ?? 'fake-kube-token';
  const cronJobs = new Map<string, Map<string, KubeObject>>();
  const gitRepos = new Map<string, Map<string, KubeObject>>();
  const faults: (FakeKubeFault & { remaining: number })[] = [];
  const extensions: FakeKubeExtension[] = [];
  let resourceVersion = 1000;
  const nextVersion = (): string => String(++resourceVersion);

  const bucket = (
    store: Map<string, Map<string, KubeObject>>,
    ns: string
  ): Map<string, KubeObject> => {
    let b = store.get(ns);
    if (!b) {
      b = new Map();
      store.set(ns, b);
    }
    return b;
  };

  const sorted = (store: Map<string, Map<string, KubeObject>>, ns: string): KubeObject[] =>
    [...(store.get(ns)?.values() ?? [])]
      .sort((a, b) => String(obj(a.metadata).name).localeCompare(String(obj(b.metadata).name)))
      .map(o => clone(o));

  function notFound(resource: string, group: string, name: string): Reply {
    return failure(404, `${resource}.${group} "${name}" not found`, {
      name,
      group,
      kind: resource
    });
  }

  function applyCronJob(ns: string, name: string, body: unknown, query: URLSearchParams): Reply {
    const fieldManager = query.get('fieldManager');
    if (!fieldManager) {
      return failure(
        422,
        'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
        { group: 'meta.k8s.io', kind: 'PatchOptions' }
      );
    }
    const dryRun = query.getAll('dryRun');
    if (dryRun.some(d => d !== 'All')) {
      return failure(
        422,
        `PatchOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: ${JSON.stringify(dryRun)}: supported values: "All"`
      );
    }
    if (!isObject(body))
      return failure(400, 'error decoding YAML: the apply body must be an object');
    if (body.apiVersion !== 'batch/v1' || body.kind !== 'CronJob') {
      return failure(
        400,
        `the API version in the data (${str(body.apiVersion)}) and kind (${str(body.kind)}) do not match the expected batch/v1, Kind=CronJob`
      );
    }
    const meta = { ...obj(body.metadata) };
    if (meta.name !== undefined && meta.name !== name) {
      return failure(
        400,
        `the name of the object (${str(meta.name)}) does not match the name on the URL (${name})`
      );
    }
    if (meta.namespace !== undefined && meta.namespace !== ns) {
      return failure(
        400,
        'the namespace of the provided object does not match the namespace sent on the request'
      );
    }
    if (meta.managedFields !== undefined) {
      return failure(400, 'metadata.managedFields must be nil');
    }
    const existing = cronJobs.get(ns)?.get(name);
    const existingMeta = obj(existing?.metadata);
    if (
      meta.resourceVersion !== undefined &&
      meta.resourceVersion !== existingMeta.resourceVersion
    ) {
      return failure(
        409,
        `Operation cannot be fulfilled on cronjobs.batch "${name}": the object has been modified; please apply your changes to the latest version and try again`,
        { name, group: 'batch', kind: 'cronjobs' }
      );
    }
    const applied: KubeObject = { ...body, metadata: { ...meta, name, namespace: ns } };
    const schema = schemaErrors(applied);
    if (schema.length > 0) return invalidReply('CronJob', 'batch', name, schema);
    const defaulted = withDefaults(applied);
    const semantic = semanticErrors(defaulted);
    if (semantic.length > 0) return invalidReply('CronJob', 'batch', name, semantic);

    const userMeta = omit(obj(defaulted.metadata), SERVER_META);
    const entry: KubeObject = {
      manager: fieldManager,
      operation: 'Apply',
      apiVersion: 'batch/v1',
      time: timestamp(),
      fieldsType: 'FieldsV1',
      fieldsV1: appliedFields(applied)
    };
    const previous: unknown[] = Array.isArray(existingMeta.managedFields)
      ? existingMeta.managedFields
      : [];
    const ownEntry = (m: unknown): boolean =>
      isObject(m) && m.manager === fieldManager && m.operation === 'Apply';
    const spec = defaulted.spec;
    const candidate: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: {
        ...userMeta,
        uid: existingMeta.uid ?? randomUUID(),
        resourceVersion: existingMeta.resourceVersion,
        generation: existing
          ? Number(existingMeta.generation) + (sameJson(existing.spec, spec) ? 0 : 1)
          : 1,
        creationTimestamp: existingMeta.creationTimestamp ?? timestamp(),
        managedFields: [...previous.filter(m => !ownEntry(m)), entry]
      },
      // Status belongs to the status subresource; an apply to the main resource never sets it.
      spec,
      status: existing?.status ?? {}
    };
    // Re-applying the same configuration is a no-op: no new resourceVersion, same answer.
    const withoutFields = (o: KubeObject): KubeObject => ({
      ...o,
      metadata: omit(obj(o.metadata), ['managedFields'])
    });
    const unchanged =
      existing !== undefined &&
      sameJson(withoutFields(candidate), withoutFields(existing)) &&
      previous.some(m => ownEntry(m) && sameJson(obj(m).fieldsV1, entry.fieldsV1));
    if (unchanged) return { status: 200, body: clone(existing) };
    const isDryRun = dryRun.length > 0;
    const cmeta = obj(candidate.metadata);
    if (isDryRun) {
      if (!existing) delete cmeta.resourceVersion;
    } else {
      cmeta.resourceVersion = nextVersion();
      bucket(cronJobs, ns).set(name, candidate);
    }
    return { status: existing ? 200 : 201, body: clone(candidate) };
  }

  function listCronJobs(ns: string, query: URLSearchParams): Reply {
    let requirements: Requirement[] = [];
    try {
      requirements = parseLabelSelector(query.get('labelSelector') ?? '');
    } catch (err) {
      return failure(400, (err as Error).message);
    }
    let items = sorted(cronJobs, ns).filter(o => requirements.every(r => r(labelsOf(o))));
    const token = query.get('continue');
    if (token) {
      const after = Buffer.from(token, 'base64url').toString('utf8');
      items = items.filter(o => String(obj(o.metadata).name) > after);
    }
    const limit = Number(query.get('limit') ?? '0');
    const metadata: KubeObject = { resourceVersion: String(resourceVersion) };
    if (limit > 0 && items.length > limit) {
      metadata.remainingItemCount = items.length - limit;
      items = items.slice(0, limit);
      const last = String(obj(items[items.length - 1].metadata).name);
      metadata.continue = Buffer.from(last, 'utf8').toString('base64url');
    }
    // Like the real server, list items carry no apiVersion/kind of their own.
    const bare = items.map(o => omit(o, ['apiVersion', 'kind']));
    return {
      status: 200,
      body: { kind: 'CronJobList', apiVersion: 'batch/v1', metadata, items: bare }
    };
  }

  function cronJobRoute(req: Parsed, ns: string, name: string, body: unknown): Reply {
    const existing = cronJobs.get(ns)?.get(name);
    switch (req.method) {
      case 'GET':
        return existing
          ? { status: 200, body: clone(existing) }
          : notFound('cronjobs', 'batch', name);
      case 'PATCH':
        if (req.contentType !== APPLY) {
          return failure(
            415,
            `the body of the request was in an unknown format - accepted media types include: ${APPLY}`
          );
        }
        return applyCronJob(ns, name, body, req.query);
      case 'DELETE': {
        if (!existing) return notFound('cronjobs', 'batch', name);
        const uid = obj(existing.metadata).uid as string;
        if (!req.query.has('dryRun')) {
          cronJobs.get(ns)?.delete(name);
          // CronJobs default to background propagation: the garbage collector takes their Jobs.
          const policy = req.query.get('propagationPolicy') ?? 'Background';
          for (const ext of extensions) ext.ownerDeleted?.(ns, uid, policy);
        }
        return {
          status: 200,
          body: {
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Success',
            details: { name, group: 'batch', kind: 'cronjobs', uid }
          }
        };
      }
      default:
        return failure(405, 'the server does not allow this method on the requested resource');
    }
  }

  function gitRepoRoute(req: Parsed, ns: string, name: string, body: unknown): Reply {
    const existing = gitRepos.get(ns)?.get(name);
    if (req.method === 'GET') {
      return existing
        ? { status: 200, body: clone(existing) }
        : notFound('gitrepositories', FLUX_GROUP, name);
    }
    if (req.method !== 'PATCH') {
      return failure(405, 'the server does not allow this method on the requested resource');
    }
    // Custom resources do not support strategic merge patch; this fake only merge-patches them.
    if (req.contentType !== MERGE) {
      return failure(
        415,
        `the body of the request was in an unknown format - accepted media types include: ${MERGE}`
      );
    }
    if (!existing) return notFound('gitrepositories', FLUX_GROUP, name);
    if (!isObject(body)) return failure(400, 'the merge patch must be a JSON object');
    const merged = obj(mergePatch(existing, body));
    const meta = obj(merged.metadata);
    const oldMeta = obj(existing.metadata);
    if (meta.name !== name || meta.namespace !== ns || meta.uid !== oldMeta.uid) {
      return failure(400, 'metadata.name, metadata.namespace and metadata.uid are immutable');
    }
    if (sameJson(merged, existing)) return { status: 200, body: clone(existing) };
    meta.resourceVersion = nextVersion();
    if (!sameJson(merged.spec, existing.spec)) meta.generation = Number(oldMeta.generation) + 1;
    if (!req.query.has('dryRun')) bucket(gitRepos, ns).set(name, merged);
    return { status: 200, body: clone(merged) };
  }

  function route(req: Parsed, body: unknown, hostPort: string): Reply {
    const doc = req.method === 'GET' ? discovery(req.path, hostPort) : null;
    if (doc) return doc;
    const seg = (s: string): string => decodeURIComponent(s);
    let m = /^\/apis\/batch\/v1\/namespaces\/([^/]+)\/cronjobs$/.exec(req.path);
    if (m && req.method === 'GET') return listCronJobs(seg(m[1]), req.query);
    m = /^\/apis\/batch\/v1\/namespaces\/([^/]+)\/cronjobs\/([^/]+)$/.exec(req.path);
    if (m) return cronJobRoute(req, seg(m[1]), seg(m[2]), body);
    m = /^\/apis\/source\.toolkit\.fluxcd\.io\/v1\/namespaces\/([^/]+)\/gitrepositories$/.exec(
      req.path
    );
    if (m && req.method === 'GET') {
      const items = sorted(gitRepos, seg(m[1])).map(o => omit(o, ['apiVersion', 'kind']));
      return {
        status: 200,
        body: {
          kind: 'GitRepositoryList',
          apiVersion: `${FLUX_GROUP}/v1`,
          metadata: { resourceVersion: String(resourceVersion) },
          items
        }
      };
    }
    m =
      /^\/apis\/source\.toolkit\.fluxcd\.io\/v1\/namespaces\/([^/]+)\/gitrepositories\/([^/]+)$/.exec(
        req.path
      );
    if (m) return gitRepoRoute(req, seg(m[1]), seg(m[2]), body);
    for (const ext of extensions) {
      const reply = ext.route(req, body);
      if (reply) return reply;
    }
    return failure(404, 'the server could not find the requested resource', {});
  }

  const fake: FakeKube = {
    url: '',
    token,
    requests: [],
    latencyMs: options.latencyMs ?? 0,
    kubeconfig(namespace = 'default') {
      // client-node 2.x refuses plain http unless TLS verification is explicitly skipped.
      return [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        '  - name: fake',
        '    cluster:',
        `      server: ${fake.url}`,
        '      insecure-skip-tls-verify: true',
        'users:',
        '  - name: fake',
        '    user:',
        `      token: ${token}`,
        'contexts:',
        '  - name: fake',
        '    context:',
        '      cluster: fake',
        '      user: fake',
        `      namespace: ${namespace}`,
        'current-context: fake',
        ''
      ].join('\n');
    },
    cronJobs: namespace => sorted(cronJobs, namespace),
    addCronJob(cronJob, fieldManager = 'seed') {
      const meta = obj(cronJob.metadata);
      const ns = str(meta.namespace) || 'default';
      const query = new URLSearchParams({ fieldManager, force: 'true' });
      const reply = applyCronJob(ns, String(meta.name), cronJob, query);
      if (reply.status >= 300) throw new Error(String(obj(reply.body).message));
      return obj(reply.body);
    },
    gitRepositories: namespace => sorted(gitRepos, namespace),
    addGitRepository(namespace, name, spec) {
      const repo: KubeObject = {
        apiVersion: `${FLUX_GROUP}/v1`,
        kind: 'GitRepository',
        metadata: {
          name,
          namespace,
          uid: randomUUID(),
          resourceVersion: nextVersion(),
          generation: 1,
          creationTimestamp: timestamp()
        },
        spec: spec ?? {
          interval: '1m0s',
          url: 'https://github.com/example/staging',
          ref: { branch: 'staging' },
          timeout: '60s'
        },
        status: { observedGeneration: 1, conditions: [] }
      };
      bucket(gitRepos, namespace).set(name, repo);
      return clone(repo);
    },
    setCronJobStatus(namespace, name, status) {
      const existing = cronJobs.get(namespace)?.get(name);
      if (!existing) throw new Error(`fake-kube: no CronJob ${namespace}/${name}`);
      existing.status = clone(status);
      obj(existing.metadata).resourceVersion = nextVersion();
    },
    extend(make) {
      extensions.push(
        make({
          failure,
          clone,
          invalid,
          required,
          notSupported,
          invalidReply,
          validateLabels,
          labelsOf,
          parseLabelSelector,
          subdomainErrors,
          timestamp
        })
      );
    },
    injectFault(fault) {
      faults.push({ ...fault, remaining: fault.times ?? 1 });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(err => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      })
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const parsed: Parsed = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      contentType: (req.headers['content-type'] ?? '').split(';')[0].trim(),
      raw: Buffer.concat(chunks).toString('utf8')
    };
    const entry: FakeKubeRequest = {
      method: parsed.method,
      path: parsed.path,
      query: Object.fromEntries(url.searchParams),
      status: 0
    };
    if (parsed.contentType) entry.contentType = parsed.contentType;
    fake.requests.push(entry);

    let reply: Reply;
    let body: unknown;
    try {
      body = parseBody(parsed.raw, parsed.contentType);
      if (body !== undefined) entry.body = body;
    } catch (err) {
      body = err;
    }
    if (fake.latencyMs > 0) await delay(fake.latencyMs);
    const fault = faults.find(
      f =>
        f.remaining > 0 &&
        (!f.method || f.method.toUpperCase() === parsed.method) &&
        (!f.path || f.path.test(parsed.path)) &&
        (f.dryRun === undefined || f.dryRun === (parsed.query.get('dryRun') === 'All'))
    );
    if (fault) {
      fault.remaining--;
      if (fault.delayMs) await delay(fault.delayMs);
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      reply = failure(401, 'Unauthorized');
    } else if (fault?.status) {
      reply = failure(fault.status, fault.message ?? faultMessage(fault.status, parsed.path));
      if (fault.status === 429) reply.headers = { 'Retry-After': '1' };
    } else if (body instanceof Error) {
      reply = failure(400, `error decoding request body: ${body.message}`);
    } else {
      reply = route(parsed, body, `127.0.0.1:${port}`);
    }
    entry.status = reply.status;
    const payload = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(payload),
      ...reply.headers
    });
    res.end(payload);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`fake-kube crashed: ${String(err)}`);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  fake.url = `http://127.0.0.1:${port}`;
  return fake;
}

function delay(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
