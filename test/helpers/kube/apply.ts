// Server-side apply of batch/v1 CronJobs: field manager and dry-run checks, validation, defaults,
// managedFields, no-op re-applies (same resourceVersion) and 201 vs 200.
import { randomUUID } from 'node:crypto';
import { SERVER_OWNED_METADATA } from '../../../src/kube/rules.ts';
import { schemaErrors, semanticErrors, withDefaults } from './cronjob.ts';
import { appliedFields, clone, isObject, obj, omit, sameJson, str, timestamp } from './objects.ts';
import { failure, invalidReply } from './rules.ts';
import type { KubeStore } from './store.ts';
import type { KubeObject, Reply } from './types.ts';

export function applyCronJob(
  store: KubeStore,
  ns: string,
  name: string,
  body: unknown,
  query: URLSearchParams
): Reply {
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
  if (!isObject(body)) return failure(400, 'error decoding YAML: the apply body must be an object');
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
  const existing = store.cronJobs.get(ns)?.get(name);
  const existingMeta = obj(existing?.metadata);
  if (meta.resourceVersion !== undefined && meta.resourceVersion !== existingMeta.resourceVersion) {
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

  const userMeta = omit(obj(defaulted.metadata), [...SERVER_OWNED_METADATA]);
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
  // Re-applying the same configuration is a no-op: no new store.resourceVersion, same answer.
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
    cmeta.resourceVersion = store.nextVersion();
    store.bucket(store.cronJobs, ns).set(name, candidate);
  }
  return { status: existing ? 200 : 201, body: clone(candidate) };
}
