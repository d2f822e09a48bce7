// The fake API server's Jobs behave like kube-apiserver's: checked with plain fetch and
// hand-written bodies, independent of the action's client.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { installFakeJobs, type FakeJobs } from '../../helpers/fake-kube-jobs.js';
import { startFakeKube, type FakeKube, type KubeObject } from '../../helpers/fake-kube.js';

const NS = 'staging';
const JOBS = `/apis/batch/v1/namespaces/${NS}/jobs`;
let kube: FakeKube;
let jobs: FakeJobs;

beforeAll(async () => {
  kube = await startFakeKube();
  jobs = installFakeJobs(kube);
});
afterAll(async () => kube.close());

async function call(
  method: string,
  path: string,
  body?: unknown
): Promise<{ status: number; body: KubeObject }> {
  const res = await fetch(`${kube.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${kube.token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  });
  return { status: res.status, body: (await res.json()) as KubeObject };
}

function job(name: string, spec: KubeObject = {}, metadata: KubeObject = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, labels: { team: 'data' }, ...metadata },
    spec: {
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } },
      ...spec
    }
  };
}

const names = (list: KubeObject): unknown[] =>
  (list.items as KubeObject[]).map(i => (i.metadata as KubeObject).name);

describe('fake Jobs', () => {
  it('creates a Job with the server-set labels, selector and defaults, and an active pod', async () => {
    const created = await call('POST', JOBS, job('run-1'));
    expect(created.status).toBe(201);
    const meta = created.body.metadata as KubeObject;
    expect(meta.labels).toMatchObject({ team: 'data', 'batch.kubernetes.io/job-name': 'run-1' });
    expect(created.body.spec).toMatchObject({ backoffLimit: 6, completionMode: 'NonIndexed' });
    expect(created.body.status).toMatchObject({ active: 1 });
    expect(jobs.pods(NS).map(p => (p.metadata as KubeObject).labels)).toEqual([
      // The pod template's labels (none here) and the server's, not the Job's own.
      {
        'batch.kubernetes.io/job-name': 'run-1',
        'batch.kubernetes.io/controller-uid': meta.uid,
        'job-name': 'run-1',
        'controller-uid': meta.uid
      }
    ]);
    expect((await call('POST', JOBS, job('run-1'))).body).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
      message: 'jobs.batch "run-1" already exists'
    });
  });

  it("enforces the API server's name rules: 63 characters, and the Indexed pod hostname", async () => {
    const long = 'a'.repeat(64);
    expect((await call('POST', JOBS, job(long))).body).toMatchObject({
      code: 422,
      message: `Job.batch "${long}" is invalid: metadata.name: Invalid value: "${long}": must be no more than 63 characters`
    });
    const name = 'b'.repeat(62);
    const indexed = { completionMode: 'Indexed', completions: 10 };
    expect((await call('POST', JOBS, job(name, indexed))).body).toMatchObject({
      code: 422,
      message: `Job.batch "${name}" is invalid: metadata.name: Invalid value: "${name}": will not able to create pod with invalid DNS label: ${name}-9`
    });
    expect((await call('POST', JOBS, job(name.slice(0, 61), indexed))).status).toBe(201);
    expect((await call('POST', JOBS, job('Bad_Name'))).status).toBe(422);
    // A server-side dry run validates and stores nothing.
    expect((await call('POST', `${JOBS}?dryRun=All`, job('dry'))).status).toBe(201);
    expect(jobs.jobs(NS).map(j => (j.metadata as KubeObject).name)).not.toContain('dry');
  });

  it('lists by label selector, reads one, and moves to succeeded or failed as a test says', async () => {
    await call('POST', JOBS, job('run-2', {}, { labels: { team: 'ops' } }));
    expect(names((await call('GET', `${JOBS}?labelSelector=team%3Dops`)).body)).toEqual(['run-2']);
    jobs.succeed(NS, 'run-2');
    const done = await call('GET', `${JOBS}/run-2`);
    expect(done.body.status).toMatchObject({
      active: 0,
      succeeded: 1,
      conditions: [
        expect.objectContaining({ type: 'SuccessCriteriaMet', status: 'True' }),
        expect.objectContaining({ type: 'Complete', status: 'True' })
      ]
    });
    jobs.fail(NS, 'run-1', { exitCode: 2, reason: 'Error', message: 'boom' });
    expect((await call('GET', `${JOBS}/run-1`)).body.status).toMatchObject({
      failed: 1,
      conditions: [
        expect.objectContaining({ type: 'FailureTarget' }),
        expect.objectContaining({ type: 'Failed', reason: 'BackoffLimitExceeded' })
      ]
    });
    const pods = await call(
      'GET',
      `/api/v1/namespaces/${NS}/pods?labelSelector=batch.kubernetes.io%2Fjob-name%3Drun-1`
    );
    expect((pods.body.items as KubeObject[]).map(p => p.status)).toEqual([
      expect.objectContaining({
        phase: 'Failed',
        containerStatuses: [
          expect.objectContaining({
            state: {
              terminated: expect.objectContaining({
                exitCode: 2,
                reason: 'Error',
                message: 'boom'
              }) as unknown
            }
          })
        ]
      })
    ]);
    expect((await call('GET', `${JOBS}/nope`)).body).toMatchObject({
      code: 404,
      message: 'jobs.batch "nope" not found'
    });
  });

  it('deletes with propagation: background takes the pods, orphan (the default) leaves them', async () => {
    const podsOf = (name: string): number =>
      jobs
        .pods(NS)
        .filter(
          p =>
            ((p.metadata as KubeObject).labels as KubeObject)['batch.kubernetes.io/job-name'] ===
            name
        ).length;
    expect(podsOf('run-1')).toBe(1);
    await call('DELETE', `${JOBS}/run-1?propagationPolicy=Background`);
    expect(podsOf('run-1')).toBe(0);
    await call('DELETE', `${JOBS}/run-2`);
    expect(podsOf('run-2')).toBe(1);
    expect(names((await call('GET', JOBS)).body)).not.toContain('run-2');
  });

  it('deleting a CronJob deletes the Jobs it owns, as the garbage collector does', async () => {
    const cronJob = kube.addCronJob({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'nightly', namespace: NS },
      spec: {
        schedule: '0 3 * * *',
        jobTemplate: {
          spec: {
            template: {
              spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] }
            }
          }
        }
      }
    });
    const uid = (cronJob.metadata as KubeObject).uid;
    const owner = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      name: 'nightly',
      uid,
      controller: true
    };
    await call('POST', JOBS, job('nightly-manual-x', {}, { ownerReferences: [owner] }));
    kube.setCronJobStatus(NS, 'nightly', {
      lastScheduleTime: '2025-01-01T03:00:00Z',
      active: [{ kind: 'Job', name: 'nightly-manual-x' }]
    });
    expect(
      (await call('GET', `/apis/batch/v1/namespaces/${NS}/cronjobs/nightly`)).body.status
    ).toEqual({
      lastScheduleTime: '2025-01-01T03:00:00Z',
      active: [{ kind: 'Job', name: 'nightly-manual-x' }]
    });
    await call(
      'DELETE',
      `/apis/batch/v1/namespaces/${NS}/cronjobs/nightly?propagationPolicy=Background`
    );
    expect(jobs.jobs(NS).map(j => (j.metadata as KubeObject).name)).not.toContain(
      'nightly-manual-x'
    );
  });
});
