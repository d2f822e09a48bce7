// status and sweep in a repository whose datasets come from a catalog command: whether main carries
// a staged version is read by running the command in a temporary worktree of main, and sweep
// prints every store replica of what it retires with its removal command.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { renderText } from '../../../src/summary.js';
import {
  CATALOG_CONFIG,
  CATALOG_SCRIPT,
  catalogConfig,
  catalogScript,
  GEFS,
  registry
} from '../../helpers/catalog-fixture.js';
import { WRITE_TOKEN, startSandbox, type Sandbox } from '../../helpers/deploy-harness.js';

const BRANCH = `stage/${GEFS}/v0.2.0`;
const STORES = [
  's3://dynamical-noaa-gefs/noaa-gefs-analysis/v0.2.0.icechunk',
  'gs://dynamical-replica/noaa-gefs-analysis/v0.2.0.icechunk'
];

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
  await sandbox.repo.commit('main', {
    [CATALOG_CONFIG]: catalogConfig(),
    [CATALOG_SCRIPT]: catalogScript(registry('0.1.0'))
  });
  await sandbox.repo.commit(BRANCH, { [CATALOG_SCRIPT]: catalogScript(registry('0.2.0')) });
  await sandbox.deploy({ branch: BRANCH, inputs: { config: CATALOG_CONFIG } });
}, 60_000);
afterAll(async () => sandbox.close());

function staged(outputs: Record<string, string>): Array<Record<string, unknown>> {
  return JSON.parse(outputs.staged ?? '[]') as Array<Record<string, unknown>>;
}

describe('status and sweep with a catalog-command', () => {
  it('status reads the version main carries from the catalog printed there', async () => {
    const { result } = await sandbox.lifecycle('status', { inputs: { config: CATALOG_CONFIG } });
    expect(staged(result.outputs)).toEqual([
      expect.objectContaining({ datasetId: GEFS, version: '0.2.0', promoted: false })
    ]);
  });

  it('a failing catalog command: status says promotion is unknown, sweep removes nothing', async () => {
    await sandbox.repo.commit('main', {
      [CATALOG_SCRIPT]: "process.stderr.write('registry broken\\n'); process.exit(1);\n"
    });
    try {
      const { result } = await sandbox.lifecycle('status', { inputs: { config: CATALOG_CONFIG } });
      expect(renderText(result.report)).toContain(
        `the datasets of ${CATALOG_CONFIG} could not be read: catalog-command 'node ${CATALOG_SCRIPT}' failed (exit 1)`
      );

      let message = '';
      try {
        await sandbox.lifecycle('sweep', { inputs: { config: CATALOG_CONFIG } });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('Nothing was swept (fix the catalog command and run sweep again)');
      expect(message).toContain('registry broken');
      expect(sandbox.kube.requests.filter(r => r.method === 'DELETE')).toEqual([]);
      expect(sandbox.names()).toHaveLength(2);
      expect(await sandbox.branchExists(BRANCH)).toBe(true);
    } finally {
      await sandbox.repo.commit('main', { [CATALOG_SCRIPT]: catalogScript(registry('0.1.0')) });
    }
  });

  it('sweep retires the version once main carries it, printing every store replica', async () => {
    // The stage branch merged: main's catalog now prints 0.2.0.
    await sandbox.repo.commit('main', { [CATALOG_SCRIPT]: catalogScript(registry('0.2.0')) });
    const { result } = await sandbox.lifecycle('sweep', {
      inputs: { config: CATALOG_CONFIG, 'github-token': WRITE_TOKEN }
    });

    expect(staged(result.outputs)).toEqual([
      expect.objectContaining({ datasetId: GEFS, version: '0.2.0', verdict: 'promoted' })
    ]);
    expect(sandbox.names()).toEqual([]);
    const summary = renderText(result.report);
    expect(summary).toContain(`aws s3 rm --recursive '${STORES[0]}'`);
    expect(summary).toContain(`gcloud storage rm --recursive '${STORES[1]}'`);
  });
});
