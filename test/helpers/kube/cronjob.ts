// CronJob defaulting and validation, in the API server's order: schema, defaults, semantics.
import { CronJob as CronJobModel } from 'kubernetes-models/batch/v1/CronJob';
import { MAX_CRONJOB_NAME, MAX_DNS_LABEL } from '../../../src/kube/rules.ts';
import { cronScheduleError } from './cron.ts';
import { clone, isObject, obj, str } from './objects.ts';
import {
  DNS1123_LABEL,
  LABEL_MSG,
  invalid,
  matches,
  notSupported,
  required,
  subdomainErrors,
  validateLabels,
  type FieldError
} from './rules.ts';
import type { KubeObject } from './types.ts';

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

export function schemaErrors(cronJob: KubeObject): FieldError[] {
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
export function withDefaults(cronJob: KubeObject): KubeObject {
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

export function semanticErrors(cronJob: KubeObject): FieldError[] {
  const errors: FieldError[] = [];
  const meta = obj(cronJob.metadata);
  const name = str(meta.name);
  for (const e of subdomainErrors(name)) errors.push(invalid('metadata.name', name, e));
  errors.push(...validateLabels(meta.labels, 'metadata.labels'));
  // CronJob names leave 11 characters for the Job suffix within a 63-character label.
  if (name.length > MAX_CRONJOB_NAME) {
    errors.push(
      invalid('metadata.name', name, `must be no more than ${MAX_CRONJOB_NAME} characters`)
    );
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
    if (!matches(DNS1123_LABEL, cname) || cname.length > MAX_DNS_LABEL) {
      errors.push(invalid(`${path}.name`, cname, LABEL_MSG));
    }
    if (typeof container.image !== 'string' || container.image.trim() === '') {
      errors.push(required(`${path}.image`));
    }
  });
  return errors;
}
