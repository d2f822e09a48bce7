// Deploy and cleanup scenarios: one sandbox per test file (the dataset repository, a fake cluster,
// a fake GitHub fronting the repository and a fake Sentry), with the modes run in-process on the
// settings the action would read from its inputs, its environment and the event payload.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { cleanupMode } from '../../src/cleanup/mode.js';
import { readCleanupSettings, type CleanupSettings } from '../../src/cleanup/settings.js';
import { deployMode } from '../../src/deploy/mode.js';
import { readDeploySettings, type DeploySettings } from '../../src/deploy/settings.js';
import { connectKubernetes } from '../../src/kube/client.js';
import type { AnyMode, ModeReport } from '../../src/mode.js';
import { statusMode } from '../../src/status/mode.js';
import { sweepMode } from '../../src/sweep/mode.js';
import { triggerMode } from '../../src/trigger/mode.js';
import { createDatasetRepo, NAMESPACE, STAGE_BRANCH, type DatasetRepo } from './dataset-fixture.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';
import {
  startFakeKube,
  type FakeKube,
  type FakeKubeRequest,
  type KubeObject
} from './fake-kube.js';
import { installFakeJobs, type FakeJobs } from './fake-kube-jobs.js';
import { startFakeSentry, type FakeSentry } from './fake-sentry.js';
import { isolateProcessGit } from './git-env.js';
import { git } from './git-fixture.js';

export const WRITE_TOKEN = 'ghs_fake-write';
export const SENTRY_TOKEN = 'sntrys_fake-token';
export const SENTRY_ORG = 'acme';
export const REPOSITORY = 'acme/pipelines';

// The action's git runs with the test process's environment: keep this machine's git config out.
isolateProcessGit();

export interface RunOptions {
  /** Inputs on top of the defaults (mode, kubeconfig, image-repository / github-token). */
  inputs?: Record<string, string>;
  /** Environment on top of the defaults (GITHUB_REF, GITHUB_SHA, GITHUB_WORKSPACE, ...). */
  env?: Record<string, string>;
  /** An existing checkout; default a fresh `fetch-depth: 0` checkout of `branch`. */
  checkout?: string;
  /** Branch checked out and pushed (deploy: GITHUB_REF); default the stage branch. */
  branch?: string;
  /** cleanup: the `delete` event payload; without it the run has no event. */
  deleteEvent?: Record<string, unknown>;
  /** deploy, status, trigger, sweep: edges to use instead of the mode's own (e.g. a clock). */
  deps?: Record<string, unknown>;
}

export type LifecycleMode = 'status' | 'trigger' | 'sweep';
const LIFECYCLE: Record<LifecycleMode, AnyMode> = {
  status: statusMode,
  trigger: triggerMode,
  sweep: sweepMode
};

export interface Outcome {
  result: ModeReport;
  /** What the action logged (workflow commands included). */
  log: string;
}

export interface Sandbox {
  repo: DatasetRepo;
  kube: FakeKube;
  /** The fake cluster's Jobs and pods. */
  jobs: FakeJobs;
  github: FakeGitHub;
  sentry: FakeSentry;
  /** Kubeconfig content for the fake cluster. */
  kubeconfig: string;
  deploySettings(options?: RunOptions): Promise<DeploySettings>;
  deploy(options?: RunOptions): Promise<Outcome>;
  cleanupSettings(options?: RunOptions): Promise<CleanupSettings>;
  cleanup(options?: RunOptions): Promise<Outcome>;
  /**
   * status, trigger or sweep, in-process, from a checkout of main (as on a schedule or a push to
   * the default branch), with a token that may delete branches.
   */
  lifecycle(mode: LifecycleMode, options?: RunOptions): Promise<Outcome>;
  /** Empties the fake cluster, the request logs and Sentry's monitors; restores the stage branch. */
  reset(): Promise<void>;
  /** Stored CronJobs of the staging namespace. */
  cronJobs(): KubeObject[];
  names(): string[];
  /** Requests that changed the cluster: PATCH without dryRun=All, and DELETE. */
  writes(): FakeKubeRequest[];
  /** Whether the branch exists in the origin. */
  branchExists(branch?: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Captures what the run's log (src/io/runner.ts) writes to stdout while `fn` runs. */
export async function captureLog<T>(fn: () => Promise<T>): Promise<{ value: T; log: string }> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array): boolean => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  try {
    const value = await fn();
    return { value, log: chunks.join('') };
  } catch (error) {
    // Kept on the error, so a test can check what was logged before the failure.
    if (error instanceof Error) Object.assign(error, { log: chunks.join('') });
    throw error;
  } finally {
    process.stdout.write = write;
  }
}

/** A kubeconfig whose server is a port nothing listens on. */
export async function unreachableKubeconfig(kube: FakeKube): Promise<string> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return kube.kubeconfig(NAMESPACE).replace(kube.url, `http://127.0.0.1:${port}`);
}

export async function startSandbox(): Promise<Sandbox> {
  const [repo, kube, github, sentry] = await Promise.all([
    createDatasetRepo(),
    startFakeKube(),
    startFakeGitHub(),
    startFakeSentry({ token: SENTRY_TOKEN, org: SENTRY_ORG })
  ]);
  github.addRepo({ repo: REPOSITORY, bareDir: repo.origin.bareDir });
  const jobs = installFakeJobs(kube);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'staging-action-events-'));
  const kubeconfig = kube.kubeconfig(NAMESPACE);
  const client = connectKubernetes(kubeconfig).cronJobs;
  let events = 0;

  const baseEnv = (workspace: string): Record<string, string> => ({
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: github.url,
    GITHUB_WORKSPACE: workspace
  });

  async function eventFile(payload: Record<string, unknown>): Promise<string> {
    events += 1;
    const file = path.join(tmp, `event-${events}.json`);
    await writeFile(file, JSON.stringify(payload));
    return file;
  }

  async function deploySettings(options: RunOptions = {}): Promise<DeploySettings> {
    const branch = options.branch ?? STAGE_BRANCH;
    const checkout = options.checkout ?? (await repo.checkout({ ref: branch }));
    const sha = (await git(['rev-parse', 'HEAD'], { cwd: checkout })).trim();
    const inputs: Record<string, string> = {
      mode: 'deploy',
      'image-repository': 'ghcr.io/acme/pipelines',
      kubeconfig,
      ...options.inputs
    };
    const env = {
      ...baseEnv(checkout),
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: `refs/heads/${branch}`,
      GITHUB_SHA: sha,
      ...options.env
    };
    return readDeploySettings({ get: n => (inputs[n] ?? '').trim() }, env);
  }

  async function cleanupSettings(options: RunOptions = {}): Promise<CleanupSettings> {
    // On a delete event actions/checkout checks out the default branch: the deleted one is gone.
    const checkout = options.checkout ?? (await repo.checkout({ ref: 'main', depth: 1 }));
    const inputs: Record<string, string> = {
      mode: 'cleanup',
      'github-token': WRITE_TOKEN,
      kubeconfig,
      ...options.inputs
    };
    const env: Record<string, string> = {
      ...baseEnv(checkout),
      GITHUB_REF: 'refs/heads/main',
      ...options.env
    };
    if (options.deleteEvent) {
      env.GITHUB_EVENT_NAME = 'delete';
      env.GITHUB_EVENT_PATH = await eventFile(options.deleteEvent);
    }
    return readCleanupSettings({ get: n => (inputs[n] ?? '').trim() }, env);
  }

  const sandbox: Sandbox = {
    repo,
    kube,
    jobs,
    github,
    sentry,
    kubeconfig,
    deploySettings,
    cleanupSettings,
    async deploy(options = {}) {
      const settings = await deploySettings(options);
      const { value, log } = await captureLog(async () =>
        deployMode.report(
          await deployMode.run(settings, { ...deployMode.connect(settings), ...options.deps }),
          settings
        )
      );
      return { result: value, log };
    },
    async cleanup(options = {}) {
      const settings = await cleanupSettings(options);
      const { value, log } = await captureLog(async () =>
        cleanupMode.report(await cleanupMode.run(settings, cleanupMode.connect(settings)), settings)
      );
      return { result: value, log };
    },
    async lifecycle(mode, options = {}) {
      const checkout = options.checkout ?? (await repo.checkout({ ref: 'main', depth: 1 }));
      const inputs: Record<string, string> = {
        mode,
        'github-token': WRITE_TOKEN,
        kubeconfig,
        ...options.inputs
      };
      const env = { ...baseEnv(checkout), GITHUB_REF: 'refs/heads/main', ...options.env };
      const m = LIFECYCLE[mode];
      const settings: unknown = m.readSettings({ get: n => (inputs[n] ?? '').trim() }, env);
      const { value, log } = await captureLog(async () =>
        m.report(await m.run(settings, { ...m.connect(settings), ...options.deps }), settings)
      );
      return { result: value, log };
    },
    async reset() {
      for (const name of sandbox.names()) await client.delete(NAMESPACE, name);
      for (const monitor of sentry.monitors) {
        await fetch(`${sentry.url}/api/0/organizations/${SENTRY_ORG}/monitors/${monitor.slug}/`, {
          method: 'DELETE',
          headers: { Authorization: `Bearer ${SENTRY_TOKEN}` }
        });
      }
      await repo.origin.setRef(`refs/heads/${STAGE_BRANCH}`, repo.stageSha);
      kube.requests.length = 0;
      sentry.requests.length = 0;
      github.reset();
    },
    cronJobs: () => kube.cronJobs(NAMESPACE),
    names: () =>
      kube.cronJobs(NAMESPACE).map(c => String((c.metadata as Record<string, unknown>).name)),
    writes: () =>
      kube.requests.filter(
        r => (r.method === 'PATCH' && r.query.dryRun !== 'All') || r.method === 'DELETE'
      ),
    async branchExists(branch = STAGE_BRANCH) {
      return (await repo.origin.revParse(`refs/heads/${branch}`)) !== null;
    },
    async close() {
      await Promise.all([kube.close(), github.close(), sentry.close()]);
      await Promise.all([repo.cleanup(), rm(tmp, { recursive: true, force: true })]);
    }
  };
  return sandbox;
}
