// Deploy from a repository whose datasets come from one catalog command (no CronJob manifests in
// the repository): abbreviated production names, kinds from a label, per-dataset store replicas,
// the default branch's version read by running the command in a temporary worktree of it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderText } from '../../../src/summary.js';
import {
  AIFS,
  CATALOG_CONFIG,
  CATALOG_SCRIPT,
  catalogConfig,
  catalogScript,
  GEFS,
  registry
} from '../../helpers/catalog-fixture.js';
import { startSandbox, type Sandbox } from '../../helpers/deploy-harness.js';
import { git } from '../../helpers/git-fixture.js';

const CONFIG = CATALOG_CONFIG;
const SCRIPT = CATALOG_SCRIPT;
const config = catalogConfig;

let sandbox: Sandbox;
let runnerTemp: string;
const savedTemp = process.env.RUNNER_TEMP;
beforeAll(async () => {
  sandbox = await startSandbox();
  runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'staging-action-runner-temp-'));
  process.env.RUNNER_TEMP = runnerTemp;
  await sandbox.repo.commit('main', {
    [CONFIG]: config(),
    [SCRIPT]: catalogScript(registry('0.1.0'))
  });
});
afterAll(async () => {
  if (savedTemp === undefined) delete process.env.RUNNER_TEMP;
  else process.env.RUNNER_TEMP = savedTemp;
  await rm(runnerTemp, { recursive: true, force: true });
  await sandbox.close();
});
beforeEach(async () => sandbox.reset());

let branches = 0;
/** A new stage branch of `datasetId` at `version` with these files (each test its own). */
async function stageBranch(
  datasetId: string,
  version: string,
  files: Record<string, string>
): Promise<string> {
  branches += 1;
  const branch = `stage/${datasetId}/v${version}`;
  await sandbox.repo.commit(branch, { ...files, [`notes/${branches}.md`]: 'x\n' });
  return branch;
}

async function deploy(branch: string, options: { inputs?: Record<string, string> } = {}) {
  const checkout = await sandbox.repo.checkout({ ref: branch });
  const outcome = await sandbox.deploy({
    branch,
    checkout,
    inputs: { config: CONFIG, ...options.inputs }
  });
  return { ...outcome, checkout };
}

/** The temporary worktrees are gone: none registered, nothing left in RUNNER_TEMP. */
async function expectNoWorktreeLeft(checkout: string): Promise<void> {
  const list = await git(['worktree', 'list', '--porcelain'], { cwd: checkout });
  expect(list.split('\n').filter(l => l.startsWith('worktree '))).toHaveLength(1);
  expect(await readdir(runnerTemp)).toEqual([]);
}

async function refused(branch: string, options: { inputs?: Record<string, string> } = {}) {
  const checkout = await sandbox.repo.checkout({ ref: branch });
  let message: string | null = null;
  try {
    await sandbox.deploy({ branch, checkout, inputs: { config: CONFIG, ...options.inputs } });
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).not.toBeNull();
  expect(sandbox.writes()).toEqual([]);
  expect(sandbox.names()).toEqual([]);
  await expectNoWorktreeLeft(checkout);
  return message as string;
}

describe('deploy with a catalog-command', () => {
  it('stages every production CronJob the catalog prints, with its store replicas', async () => {
    const branch = await stageBranch(GEFS, '0.2.0', { [SCRIPT]: catalogScript(registry('0.2.0')) });
    const { result, checkout } = await deploy(branch);

    expect(sandbox.names()).toEqual([
      'staging-noaa-gefs-analysis-v0-2-0-update',
      'staging-noaa-gefs-analysis-v0-2-0-validate'
    ]);
    const rows = JSON.parse(result.outputs.cronjobs ?? '[]') as Array<{ kind: string }>;
    expect(rows.map(r => r.kind)).toEqual(['update', 'validate']);
    expect(result.outputs['store-path']).toBe(
      's3://dynamical-noaa-gefs/noaa-gefs-analysis/v0.2.0.icechunk'
    );
    expect(JSON.parse(result.outputs['store-paths'] ?? '')).toEqual([
      's3://dynamical-noaa-gefs/noaa-gefs-analysis/v0.2.0.icechunk',
      'gs://dynamical-replica/noaa-gefs-analysis/v0.2.0.icechunk'
    ]);
    const summary = renderText(result.report);
    expect(summary).toContain(
      "aws s3 rm --recursive 's3://dynamical-noaa-gefs/noaa-gefs-analysis/v0.2.0.icechunk'"
    );
    expect(summary).toContain(
      "gcloud storage rm --recursive 'gs://dynamical-replica/noaa-gefs-analysis/v0.2.0.icechunk'"
    );
    await expectNoWorktreeLeft(checkout);
  });

  it('reads kinds from the label a datasets: entry names, and uses the top-level store', async () => {
    const branch = await stageBranch(AIFS, '0.2.0', {
      [SCRIPT]: catalogScript(registry('0.1.0', '0.2.0'))
    });
    const { result } = await deploy(branch);

    expect(sandbox.names()).toEqual(['staging-ecmwf-aifs-single-v0-2-0-update']);
    expect(result.outputs['store-path']).toBe('s3://bucket/datasets/ecmwf-aifs-single/v0.2.0.zarr');
  });

  it("stages a brand-new dataset that main's catalog does not print yet", async () => {
    const fresh = { id: 'noaa-hrrr-analysis', version: '0.1.0', kinds: ['update'] };
    const branch = await stageBranch(fresh.id, '0.1.0', {
      [SCRIPT]: catalogScript([...registry('0.1.0'), fresh])
    });
    const { log } = await deploy(branch);

    expect(sandbox.names()).toEqual(['staging-noaa-hrrr-analysis-v0-1-0-update']);
    expect(log).toContain('noaa-hrrr-analysis: version 0.1.0 at this commit; not on main yet');
  });

  it('stages the real abbreviated case: google-wn2-...-update of google-weathernext2-...', async () => {
    const wn2 = {
      id: 'google-weathernext2-forecast-operational-virtual',
      version: '0.2.0',
      productionPrefix: 'google-wn2-forecast-operational-virtual',
      kinds: ['update']
    };
    const branch = await stageBranch(wn2.id, '0.2.0', {
      [SCRIPT]: catalogScript([...registry('0.1.0'), wn2])
    });
    const { result } = await deploy(branch);

    const rows = JSON.parse(result.outputs.cronjobs ?? '[]') as Array<Record<string, string>>;
    expect(rows).toEqual([expect.objectContaining({ kind: 'update', action: 'created' })]);
    expect(sandbox.names()).toEqual([rows[0]?.name]);
    expect(rows[0]?.name.length).toBeLessThanOrEqual(52);
  });

  it('runs the command without the GitHub token in its environment', async () => {
    const branch = await stageBranch(GEFS, '0.2.1', { [SCRIPT]: catalogScript(registry('0.2.1')) });
    process.env.GITHUB_TOKEN = 'ghs_must-not-leak';
    process.env['INPUT_GITHUB-TOKEN'] = 'ghs_must-not-leak';
    try {
      await deploy(branch);
    } finally {
      delete process.env.GITHUB_TOKEN;
      delete process.env['INPUT_GITHUB-TOKEN'];
    }
    expect(sandbox.names()).toHaveLength(2);
  });

  it('reads the version from a version-file where a datasets: entry gives one', async () => {
    const file = 'src/gefs/zarr.json';
    const withFile = config({
      datasets: {
        [AIFS]: { 'kind-label': 'dynamical.org/kind' },
        [GEFS]: { 'version-file': file, 'version-key': 'attributes.dataset_version' }
      }
    });
    const template = (v: string) => JSON.stringify({ attributes: { dataset_version: v } });
    // The catalog still says 0.1.0: the file wins, here and on main (where it does not exist).
    const branch = await stageBranch(GEFS, '0.4.0', {
      [CONFIG]: withFile,
      [file]: template('0.4.0')
    });
    await deploy(branch);
    expect(sandbox.names()).toContain('staging-noaa-gefs-analysis-v0-4-0-update');
  });
});

describe('deploy with a catalog-command refuses bad input and applies nothing', () => {
  it('a command that fails, with the end of its stderr', async () => {
    const failing = [
      'process.stderr.write(\'Traceback (most recent call last):\\n  File "main.py"\\n\');',
      'process.stderr.write("KeyError: \'noaa-gefs-analysis\'\\n");',
      'process.exit(2);'
    ].join('\n');
    const branch = await stageBranch(GEFS, '0.5.0', { [SCRIPT]: failing });
    const message = await refused(branch);
    expect(message).toContain(`catalog-command 'node ${SCRIPT}' failed (exit 2)`);
    expect(message).toContain("KeyError: 'noaa-gefs-analysis'");
  });

  it('a command that prints invalid JSON', async () => {
    const branch = await stageBranch(GEFS, '0.5.1', {
      [SCRIPT]: catalogScript([], '{"datasets": [{"id": "noaa-gefs-analysis",}]}')
    });
    const message = await refused(branch);
    expect(message).toContain(`the output of catalog-command 'node ${SCRIPT}': invalid JSON`);
  });

  it('a catalog entry without a version', async () => {
    const entries = registry('0.5.2').map(d => (d.id === GEFS ? { ...d, version: undefined } : d));
    const branch = await stageBranch(GEFS, '0.5.2', { [SCRIPT]: catalogScript(entries) });
    const message = await refused(branch);
    expect(message).toContain('datasets[0] (noaa-gefs-analysis).version is required');
  });

  it('a production name that matches no kind rule', async () => {
    const entries = registry('0.5.3').map(d =>
      d.id === GEFS ? { ...d, name: (kind: string) => `gefs-ana-${kind}` } : d
    );
    const branch = await stageBranch(GEFS, '0.5.3', { [SCRIPT]: catalogScript(entries) });
    const message = await refused(branch);
    expect(message).toContain(
      'Production CronJob "gefs-ana-update" of dataset "noaa-gefs-analysis" matches no kind rule'
    );
    expect(message).toContain('production-prefix: gefs-ana');
    expect(message).toContain('kind-label');
  });

  it('a store template with an unknown placeholder', async () => {
    const branch = await stageBranch(GEFS, '0.5.4', {
      [CONFIG]: config({ store: 's3://bucket/{dataset}/v{version}.zarr' }),
      [SCRIPT]: catalogScript(registry('0.5.4').map(d => ({ ...d, store: undefined })))
    });
    const message = await refused(branch);
    expect(message).toContain(
      `${CONFIG}: store "s3://bucket/{dataset}/v{version}.zarr" has the unknown placeholder {dataset}`
    );
  });

  it('a version the catalog on main already has (read in a temporary worktree)', async () => {
    const branch = await stageBranch(GEFS, '0.1.0', { 'notes/forgot.md': 'no bump\n' });
    const message = await refused(branch);
    expect(message).toContain('Version 0.1.0 is already the version of noaa-gefs-analysis on main');
  });

  it('a command that fails on the base branch, whose worktree is removed anyway', async () => {
    await sandbox.repo.commit('release', { [SCRIPT]: 'process.exit(1);\n' });
    const branch = await stageBranch(GEFS, '0.6.0', { [SCRIPT]: catalogScript(registry('0.6.0')) });
    const message = await refused(branch, { inputs: { 'base-branch': 'release' } });
    expect(message).toContain(
      `catalog-command 'node ${SCRIPT}' on release (in a temporary worktree) failed (exit 1)`
    );
  });
});
