// batch/v1 Jobs (and the pods the Job controller would run) for the fake Kubernetes API server:
// create with the API server's name and Indexed-hostname rules, get, list by label selector,
// delete with propagation, and a status a test moves from active to succeeded or failed. Deleting
// a CronJob deletes the Jobs it owns, as the garbage collector does.
import { randomUUID } from 'node:crypto';
import { jobErrors } from './job-rules.ts';
import { clone, obj, timestamp } from './objects.ts';
import { failure, invalidReply } from './rules.ts';
import { labelsOf, parseLabelSelector } from './selectors.ts';
import type { FakeKube, FakeKubeExtension, FakeKubeRoute, KubeObject, Reply } from './types.ts';

/** A string field, '' for anything else. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
const JOBS = /^\/apis\/batch\/v1\/namespaces\/([^/]+)\/jobs$/;
const JOB = /^\/apis\/batch\/v1\/namespaces\/([^/]+)\/jobs\/([^/]+)$/;
const PODS = /^\/api\/v1\/namespaces\/([^/]+)\/pods$/;

export interface FailedContainer {
  exitCode?: number;
  reason?: string;
  message?: string;
}

export interface FakeJobs {
  /** Stored Jobs of a namespace, sorted by name (copies). */
  jobs(namespace: string): KubeObject[];
  pods(namespace: string): KubeObject[];
  /** What the Job controller writes when every pod succeeded. */
  succeed(namespace: string, name: string): void;
  /** What it writes when the pod failed past the backoff limit: the pod's container terminated. */
  fail(namespace: string, name: string, container?: FailedContainer): void;
}

export function installFakeJobs(kube: FakeKube): FakeJobs {
  const extension: FakeKubeExtension = {
    route: (req, body) => route(req, body),
    ownerDeleted: (ns, uid, policy) => ownerDeleted(ns, uid, policy)
  };
  kube.extend(() => extension);
  const jobs = new Map<string, Map<string, KubeObject>>();
  const pods = new Map<string, Map<string, KubeObject>>();
  let version = 5000;
  const bucket = (store: typeof jobs, ns: string): Map<string, KubeObject> => {
    let b = store.get(ns);
    if (!b) store.set(ns, (b = new Map<string, KubeObject>()));
    return b;
  };
  const sorted = (store: typeof jobs, ns: string): KubeObject[] =>
    [...(store.get(ns)?.values() ?? [])]
      .sort((a, b) => text(obj(a.metadata).name).localeCompare(text(obj(b.metadata).name)))
      .map(o => clone(o));
  const notFound = (resource: string, group: string, name: string): Reply =>
    failure(404, `${resource}${group ? `.${group}` : ''} "${name}" not found`, {
      name,
      group,
      kind: resource
    });

  function create(ns: string, body: unknown, query: URLSearchParams): Reply {
    const job = obj(body);
    if (job.apiVersion !== 'batch/v1' || job.kind !== 'Job') {
      return failure(
        400,
        `the API version in the data (${text(job.apiVersion)}) and kind (${text(job.kind)}) do not match the expected batch/v1, Kind=Job`
      );
    }
    const meta = obj(job.metadata);
    if (meta.namespace !== undefined && meta.namespace !== ns) {
      return failure(
        400,
        'the namespace of the provided object does not match the namespace sent on the request'
      );
    }
    const name = text(meta.name);
    const errors = jobErrors(job);
    if (errors.length > 0) return invalidReply('Job', 'batch', name, errors);
    if (jobs.get(ns)?.has(name)) {
      return failure(
        409,
        `jobs.batch "${name}" already exists`,
        { name, group: 'batch', kind: 'jobs' },
        'AlreadyExists'
      );
    }
    const uid = randomUUID();
    const spec = clone(obj(job.spec));
    const selector = { [CONTROLLER_UID_LABEL]: uid };
    const template = obj(spec.template);
    const podLabels = {
      ...obj(obj(template.metadata).labels),
      ...selector,
      [JOB_NAME_LABEL]: name,
      'controller-uid': uid,
      'job-name': name
    };
    template.metadata = { ...obj(template.metadata), labels: podLabels };
    const stored: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        ...meta,
        name,
        namespace: ns,
        uid,
        resourceVersion: String(++version),
        generation: 1,
        creationTimestamp: timestamp(),
        labels: {
          ...obj(meta.labels),
          ...selector,
          [JOB_NAME_LABEL]: name,
          'controller-uid': uid,
          'job-name': name
        }
      },
      spec: {
        parallelism: 1,
        completions: 1,
        backoffLimit: 6,
        completionMode: 'NonIndexed',
        suspend: false,
        ...spec,
        selector: { matchLabels: selector }
      },
      // What the controller reports once it started the pod.
      status: {
        active: 1,
        startTime: timestamp(),
        ready: 0,
        terminating: 0,
        uncountedTerminatedPods: {}
      }
    };
    if (query.has('dryRun')) return { status: 201, body: clone(stored) };
    bucket(jobs, ns).set(name, stored);
    const podName = `${name}-${randomUUID().slice(0, 5)}`;
    bucket(pods, ns).set(podName, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: podName,
        namespace: ns,
        uid: randomUUID(),
        labels: podLabels,
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'Job',
            name,
            uid,
            controller: true,
            blockOwnerDeletion: true
          }
        ]
      },
      spec: clone(obj(template.spec)),
      status: {
        phase: 'Running',
        containerStatuses: (Array.isArray(obj(template.spec).containers)
          ? (obj(template.spec).containers as KubeObject[])
          : []
        ).map(c => ({
          name: c.name,
          image: c.image,
          imageID: '',
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: timestamp() } }
        }))
      }
    });
    return { status: 201, body: clone(stored) };
  }

  function list(
    store: typeof jobs,
    ns: string,
    query: URLSearchParams,
    kind: string,
    apiVersion: string
  ): Reply {
    let requirements: ReturnType<typeof parseLabelSelector>;
    try {
      requirements = parseLabelSelector(query.get('labelSelector') ?? '');
    } catch (err) {
      return failure(400, (err as Error).message);
    }
    const items = sorted(store, ns)
      .filter(o => requirements.every(r => r(labelsOf(o))))
      .map(o =>
        Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'apiVersion' && k !== 'kind'))
      );
    return {
      status: 200,
      body: { kind, apiVersion, metadata: { resourceVersion: String(version) }, items }
    };
  }

  /** Deletes a Job: its pods go too unless orphaned (batch/v1 Jobs default to orphaning them). */
  function remove(ns: string, name: string, policy: string): void {
    const job = jobs.get(ns)?.get(name);
    if (!job) return;
    jobs.get(ns)?.delete(name);
    const uid = obj(job.metadata).uid;
    for (const [podName, pod] of pods.get(ns) ?? []) {
      const owned = (obj(pod.metadata).ownerReferences as KubeObject[] | undefined)?.some(
        o => o.uid === uid
      );
      if (!owned) continue;
      if (policy === 'Orphan') obj(pod.metadata).ownerReferences = [];
      else pods.get(ns)?.delete(podName);
    }
  }

  function route(req: FakeKubeRoute, body: unknown): Reply | null {
    const seg = decodeURIComponent;
    let m = JOBS.exec(req.path);
    if (m) {
      if (req.method === 'POST') return create(seg(m[1] ?? ''), body, req.query);
      if (req.method === 'GET')
        return list(jobs, seg(m[1] ?? ''), req.query, 'JobList', 'batch/v1');
      return failure(405, 'the server does not allow this method on the requested resource');
    }
    m = JOB.exec(req.path);
    if (m) {
      const [ns, name] = [seg(m[1] ?? ''), seg(m[2] ?? '')];
      const existing = jobs.get(ns)?.get(name);
      if (!existing) return notFound('jobs', 'batch', name);
      if (req.method === 'GET') return { status: 200, body: clone(existing) };
      if (req.method === 'DELETE') {
        if (!req.query.has('dryRun'))
          remove(ns, name, req.query.get('propagationPolicy') ?? 'Orphan');
        const uid = obj(existing.metadata).uid;
        return {
          status: 200,
          body: {
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Success',
            details: { name, group: 'batch', kind: 'jobs', uid }
          }
        };
      }
      return failure(405, 'the server does not allow this method on the requested resource');
    }
    m = PODS.exec(req.path);
    if (m && req.method === 'GET') return list(pods, seg(m[1] ?? ''), req.query, 'PodList', 'v1');
    return null;
  }

  function ownerDeleted(ns: string, uid: string, policy: string): void {
    for (const [name, job] of [...(jobs.get(ns) ?? [])]) {
      const refs = (obj(job.metadata).ownerReferences as KubeObject[] | undefined) ?? [];
      if (!refs.some(o => o.uid === uid)) continue;
      if (policy === 'Orphan') obj(job.metadata).ownerReferences = refs.filter(o => o.uid !== uid);
      else remove(ns, name, policy);
    }
  }

  const finish = (
    ns: string,
    name: string,
    type: 'Complete' | 'Failed',
    reason: string,
    message: string
  ): KubeObject => {
    const job = jobs.get(ns)?.get(name);
    if (!job) throw new Error(`fake-kube: no Job ${ns}/${name}`);
    const now = timestamp();
    job.status = {
      ...obj(job.status),
      active: 0,
      ready: 0,
      ...(type === 'Complete' ? { succeeded: 1, completionTime: now } : { failed: 1 }),
      conditions: [
        {
          type: type === 'Complete' ? 'SuccessCriteriaMet' : 'FailureTarget',
          status: 'True',
          reason,
          message,
          lastProbeTime: now,
          lastTransitionTime: now
        },
        { type, status: 'True', reason, message, lastProbeTime: now, lastTransitionTime: now }
      ]
    };
    obj(job.metadata).resourceVersion = String(++version);
    return job;
  };
  const podsOf = (ns: string, name: string): KubeObject[] =>
    [...(pods.get(ns)?.values() ?? [])].filter(
      p => text(obj(obj(p.metadata).labels)[JOB_NAME_LABEL]) === name
    );

  return {
    jobs: ns => sorted(jobs, ns),
    pods: ns => sorted(pods, ns),
    succeed(ns, name) {
      finish(
        ns,
        name,
        'Complete',
        'CompletionsReached',
        'Reached expected number of succeeded pods'
      );
      for (const pod of podsOf(ns, name))
        terminate(pod, 'Succeeded', { exitCode: 0, reason: 'Completed' }, timestamp);
    },
    fail(ns, name, container = { exitCode: 1, reason: 'Error' }) {
      finish(
        ns,
        name,
        'Failed',
        'BackoffLimitExceeded',
        'Job has reached the specified backoff limit'
      );
      for (const pod of podsOf(ns, name)) terminate(pod, 'Failed', container, timestamp);
    }
  };
}

function terminate(
  pod: KubeObject,
  phase: string,
  container: FailedContainer,
  timestamp: () => string
): void {
  const status = obj(pod.status);
  status.phase = phase;
  const statuses = Array.isArray(status.containerStatuses)
    ? (status.containerStatuses as KubeObject[])
    : [];
  for (const s of statuses) {
    s.ready = false;
    s.state = {
      terminated: {
        exitCode: container.exitCode ?? 1,
        ...(container.reason ? { reason: container.reason } : {}),
        ...(container.message ? { message: container.message } : {}),
        startedAt: timestamp(),
        finishedAt: timestamp()
      }
    };
  }
}
