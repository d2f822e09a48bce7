// The real client-node client against the loopback fake API server: what the deploy, cleanup and
// rebuild modes will see from a cluster.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { V1CronJob } from '@kubernetes/client-node';
import { createKubernetes, type CronJobClient } from '../../src/kube/client.js';
import { loadKubeConfig } from '../../src/kube/config.js';
import { KubernetesError } from '../../src/kube/errors.js';
import { startFakeKube, type FakeKube } from '../helpers/fake-kube.js';

const NS = 'staging';

function cronJob(name: string, labels: Record<string, string> = {}): V1CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {
      name,
      namespace: NS,
      labels: { 'app.kubernetes.io/managed-by': 'staging-action', ...labels }
    },
    spec: {
      schedule: '0 3 * * *',
      jobTemplate: {
        spec: {
          template: {
            spec: {
              restartPolicy: 'Never',
              containers: [{ name: 'dataset', image: 'ghcr.io/example/dataset:1.2.3' }]
            }
          }
        }
      }
    }
  };
}

async function rejection(promise: Promise<unknown>): Promise<KubernetesError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(KubernetesError);
    return err as KubernetesError;
  }
  throw new Error('expected the call to fail');
}

let fake: FakeKube;
let cronJobs: CronJobClient;

beforeAll(async () => {
  fake = await startFakeKube();
  cronJobs = createKubernetes(loadKubeConfig(fake.kubeconfig(NS))).cronJobs;
});

afterAll(async () => {
  await fake.close();
});

afterEach(async () => {
  for (const cj of fake.cronJobs(NS)) {
    await cronJobs.delete(NS, String((cj.metadata as { name: string }).name));
  }
});

describe('CronJobClient.apply', () => {
  it('creates with 201, then re-applies with 200 and keeps a single stored object', async () => {
    const first = await cronJobs.apply(cronJob('ds-pr-12'), { dryRun: false });
    expect(first.created).toBe(true);
    expect(first.object.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.object.metadata?.managedFields?.[0]).toMatchObject({
      manager: 'staging-action',
      operation: 'Apply'
    });

    const second = await cronJobs.apply(cronJob('ds-pr-12'), { dryRun: false });
    expect(second.created).toBe(false);
    expect(second.object.metadata?.uid).toBe(first.object.metadata?.uid);
    expect(second.object.metadata?.resourceVersion).toBe(first.object.metadata?.resourceVersion);
    expect(fake.cronJobs(NS)).toHaveLength(1);

    const apply = fake.requests.filter(r => r.method === 'PATCH');
    expect(apply.at(-1)).toMatchObject({
      contentType: 'application/apply-patch+yaml',
      query: { fieldManager: 'staging-action', force: 'true' }
    });
  });

  it('updates the stored object when the desired spec changes', async () => {
    await cronJobs.apply(cronJob('ds-pr-13'), { dryRun: false });
    const changed = cronJob('ds-pr-13');
    changed.spec.schedule = '30 4 * * 1';
    const result = await cronJobs.apply(changed, { dryRun: false });
    expect(result.created).toBe(false);
    expect(result.object.metadata?.generation).toBe(2);
    expect(fake.cronJobs(NS)[0]).toMatchObject({ spec: { schedule: '30 4 * * 1' } });
  });

  it('re-applies an object read back from the cluster without tripping on server fields', async () => {
    await cronJobs.apply(cronJob('ds-pr-14'), { dryRun: false });
    const read = await cronJobs.get(NS, 'ds-pr-14');
    const again = await cronJobs.apply(read!, { dryRun: false });
    expect(again.created).toBe(false);
  });

  it('dry-run validates and answers like a create but stores nothing', async () => {
    const result = await cronJobs.apply(cronJob('ds-pr-15'), { dryRun: true });
    expect(result.created).toBe(true);
    expect(result.object.spec?.schedule).toBe('0 3 * * *');
    expect(fake.cronJobs(NS)).toEqual([]);
    expect(fake.requests.at(-1)?.query.dryRun).toBe('All');
  });

  it('rejects a 53-character name with the API server message about 52 characters', async () => {
    const name = `ds-${'a'.repeat(50)}`;
    expect(name).toHaveLength(53);
    const err = await rejection(cronJobs.apply(cronJob(name), { dryRun: true }));
    expect(err.status).toBe(422);
    expect(err.reason).toBe('Invalid');
    expect(err.message).toBe(
      `CronJob.batch "${name}" is invalid: metadata.name: Invalid value: "${name}": must be no more than 52 characters`
    );
  });

  it('rejects an invalid label value', async () => {
    const err = await rejection(
      cronJobs.apply(cronJob('ds-bad-label', { 'staging-action/branch': 'feature/x' }), {
        dryRun: false
      })
    );
    expect(err.message).toMatch(
      /^CronJob\.batch "ds-bad-label" is invalid: metadata\.labels: Invalid value: "feature\/x": a valid label must be an empty string/
    );
    expect(fake.cronJobs(NS)).toEqual([]);
  });

  it('rejects a restartPolicy a Job cannot use', async () => {
    const cj = cronJob('ds-restart');
    cj.spec.jobTemplate.spec!.template.spec!.restartPolicy = 'Always';
    const err = await rejection(cronJobs.apply(cj, { dryRun: false }));
    expect(err.message).toBe(
      'CronJob.batch "ds-restart" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"'
    );
  });

  it('rejects a schedule cron cannot parse', async () => {
    const cj = cronJob('ds-schedule');
    cj.spec.schedule = '61 * * * *';
    const err = await rejection(cronJobs.apply(cj, { dryRun: false }));
    expect(err.message).toBe(
      'CronJob.batch "ds-schedule" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61'
    );
  });

  it('rejects an object that breaks the published schema', async () => {
    const cj = cronJob('ds-schema');
    (cj.spec as unknown as Record<string, unknown>).successfulJobsHistoryLimit = 'three';
    const err = await rejection(cronJobs.apply(cj, { dryRun: false }));
    expect(err.status).toBe(422);
    expect(err.message).toBe(
      'CronJob.batch "ds-schema" is invalid: spec.successfulJobsHistoryLimit: Invalid value: "three": must be integer'
    );
  });

  it('rejects a container without an image', async () => {
    const cj = cronJob('ds-no-image');
    delete cj.spec.jobTemplate.spec!.template.spec!.containers[0].image;
    const err = await rejection(cronJobs.apply(cj, { dryRun: false }));
    expect(err.message).toBe(
      'CronJob.batch "ds-no-image" is invalid: spec.jobTemplate.spec.template.spec.containers[0].image: Required value'
    );
  });

  it('retries a transient server error and a conflict, then succeeds', async () => {
    fake.injectFault({ method: 'PATCH', path: /cronjobs\/ds-flaky$/, status: 500 });
    fake.injectFault({ method: 'PATCH', path: /cronjobs\/ds-flaky$/, status: 409 });
    const before = fake.requests.filter(r => r.path.endsWith('/ds-flaky')).length;

    await expect(cronJobs.apply(cronJob('ds-flaky'), { dryRun: false })).resolves.toMatchObject({
      created: true
    });
    expect(fake.requests.filter(r => r.path.endsWith('/ds-flaky')).length - before).toBe(3);
  });

  it('surfaces a server error that persists as a KubernetesError with its status', async () => {
    fake.injectFault({ method: 'PATCH', path: /cronjobs\/ds-fault$/, status: 500, times: 3 });
    const err = await rejection(cronJobs.apply(cronJob('ds-fault'), { dryRun: false }));
    expect(err.status).toBe(500);
    expect(err.message).toBe('Internal error occurred: injected fault');
    expect(fake.cronJobs(NS).map(c => (c.metadata as { name: string }).name)).not.toContain(
      'ds-fault'
    );
  });

  it('does not retry what a retry cannot fix (422 Invalid)', async () => {
    const before = fake.requests.length;
    const bad = cronJob('x'.repeat(53));
    await expect(cronJobs.apply(bad, { dryRun: false })).rejects.toThrow(/52/);
    expect(fake.requests.length - before).toBe(1);
  });
});

describe('CronJobClient.list, get and delete', () => {
  it('lists only the CronJobs the label selector matches', async () => {
    await cronJobs.apply(cronJob('ds-pr-1', { 'staging-action/pr': '1' }), { dryRun: false });
    await cronJobs.apply(cronJob('ds-pr-2', { 'staging-action/pr': '2' }), { dryRun: false });
    await cronJobs.apply(cronJob('ds-base'), { dryRun: false });
    const names = (items: V1CronJob[]): string[] => items.map(i => i.metadata!.name!);

    expect(names(await cronJobs.list(NS, 'staging-action/pr=2'))).toEqual(['ds-pr-2']);
    expect(names(await cronJobs.list(NS, 'staging-action/pr'))).toEqual(['ds-pr-1', 'ds-pr-2']);
    expect(names(await cronJobs.list(NS, 'staging-action/pr!=2'))).toEqual(['ds-base', 'ds-pr-1']);
    expect(
      names(
        await cronJobs.list(NS, 'app.kubernetes.io/managed-by=staging-action,!staging-action/pr')
      )
    ).toEqual(['ds-base']);
    expect(await cronJobs.list('other', 'staging-action/pr')).toEqual([]);
  });

  it('reports whether delete removed something, and get sees it gone', async () => {
    await cronJobs.apply(cronJob('ds-gone'), { dryRun: false });
    expect((await cronJobs.get(NS, 'ds-gone'))?.spec?.schedule).toBe('0 3 * * *');
    expect(await cronJobs.delete(NS, 'ds-gone')).toBe(true);
    expect(fake.requests.at(-1)?.query.propagationPolicy).toBe('Background');
    expect(await cronJobs.delete(NS, 'ds-gone')).toBe(false);
    expect(await cronJobs.get(NS, 'ds-gone')).toBeNull();
  });
});

describe('FluxClient.requestReconcile', () => {
  it('sets the requestedAt annotation Flux watches', async () => {
    fake.addGitRepository('flux-system', 'staging');
    const { flux } = createKubernetes(loadKubeConfig(fake.kubeconfig()));
    const at = new Date('2025-03-04T05:06:07.890Z');
    await flux.requestReconcile('flux-system', 'staging', at);
    const [repo] = fake.gitRepositories('flux-system');
    expect(repo.metadata).toMatchObject({
      annotations: { 'reconcile.fluxcd.io/requestedAt': '2025-03-04T05:06:07.890Z' },
      generation: 1
    });
    expect(fake.requests.at(-1)?.contentType).toBe('application/merge-patch+json');
  });

  it('fails with the API server message when the GitRepository does not exist', async () => {
    const { flux } = createKubernetes(loadKubeConfig(fake.kubeconfig()));
    const err = await rejection(flux.requestReconcile('flux-system', 'nope', new Date()));
    expect(err.status).toBe(404);
    expect(err.message).toBe('gitrepositories.source.toolkit.fluxcd.io "nope" not found');
  });
});

describe('connection and credentials', () => {
  it('says it cannot reach the server when nothing listens on the port', async () => {
    const probe = createServer();
    await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>(resolve => probe.close(() => resolve()));
    const config = fake.kubeconfig(NS).replace(fake.url, `http://127.0.0.1:${port}`);
    const kube = createKubernetes(loadKubeConfig(config));
    const err = await rejection(kube.cronJobs.list(NS, ''));
    expect(err.message).toMatch(
      new RegExp(
        `^Cannot reach the Kubernetes API server at http://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`
      )
    );
  });

  it('gives up on a server that never answers after the timeout, naming the call, untried again', async () => {
    const kube = createKubernetes(loadKubeConfig(fake.kubeconfig(NS)), 500);
    const calls = [
      { run: () => kube.cronJobs.list(NS, ''), what: `the list of CronJobs in namespace ${NS}` },
      {
        run: () => kube.cronJobs.apply(cronJob('slow'), { dryRun: true }),
        what: `the dry-run apply of CronJob ${NS}/slow`
      },
      { run: () => kube.cronJobs.delete(NS, 'slow'), what: `the deletion of CronJob ${NS}/slow` },
      {
        run: () => kube.flux.requestReconcile('flux-system', 'staging', new Date()),
        what: 'the annotation of GitRepository flux-system/staging'
      }
    ];
    for (const call of calls) {
      const before = fake.requests.length;
      fake.injectFault({ delayMs: 3000 });
      const err = await rejection(call.run());
      expect(err.message).toBe(
        `The Kubernetes API server at ${fake.url} did not answer ${call.what} within 0.5 s`
      );
      // The fake logs a request as it arrives: one try, no retry.
      expect(fake.requests.length - before).toBe(1);
    }
  });

  it('reports rejected credentials as 401', async () => {
    const config = fake.kubeconfig(NS).replace(`token: ${fake.token}`, 'token: wrong');
    const err = await rejection(createKubernetes(loadKubeConfig(config)).cronJobs.get(NS, 'x'));
    expect(err.status).toBe(401);
    expect(err.message).toContain('Unauthorized');
  });
});

describe('loadKubeConfig', () => {
  const saved = { HOME: process.env.HOME, KUBECONFIG: process.env.KUBECONFIG };
  let home: string;

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'kube-home-'));
  });

  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
  });

  it('uses the server of a kubeconfig given as a string', () => {
    expect(createKubernetes(loadKubeConfig(fake.kubeconfig())).server).toBe(fake.url);
  });

  it('explains when no kubeconfig can be found anywhere', () => {
    process.env.HOME = home;
    delete process.env.KUBECONFIG;
    expect(() => loadKubeConfig()).toThrow(/^No Kubernetes configuration found/);
  });

  it('names KUBECONFIG when it points at a missing file', () => {
    process.env.KUBECONFIG = join(home, 'missing.yaml');
    expect(() => loadKubeConfig()).toThrow(
      /Cannot load the kubeconfig from KUBECONFIG \(.*missing\.yaml\): .*ENOENT/
    );
  });

  it('rejects a kubeconfig without a usable current context', () => {
    const config = fake.kubeconfig().replace('current-context: fake', 'current-context: elsewhere');
    expect(() => loadKubeConfig(config)).toThrow(/no usable current-context/);
  });
});
