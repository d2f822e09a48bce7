// Cleanup in a repository whose datasets come from a catalog command: the fallback names follow the
// catalog's production-prefix, every store replica is printed with its removal command, and a
// catalog command that fails stops the run before anything is deleted.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { renderText } from '../../../src/summary.js';
import {
  CATALOG_CONFIG,
  CATALOG_SCRIPT,
  catalogConfig,
  catalogScript,
  GEFS,
  registry
} from '../../helpers/catalog-fixture.js';
import { productionCronJob } from '../../helpers/dataset-fixture.js';
import { startSandbox, type Sandbox } from '../../helpers/deploy-harness.js';

const BRANCH = `stage/${GEFS}/v0.2.0`;
const NAMES = [
  'staging-noaa-gefs-analysis-v0-2-0-update',
  'staging-noaa-gefs-analysis-v0-2-0-validate'
];
const STORES = [
  's3://dynamical-noaa-gefs/noaa-gefs-analysis/v0.2.0.icechunk',
  'gs://dynamical-replica/noaa-gefs-analysis/v0.2.0.icechunk'
];
const INPUTS = { config: CATALOG_CONFIG, 'dataset-id': GEFS, version: '0.2.0' };

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
  await sandbox.repo.commit('main', {
    [CATALOG_CONFIG]: catalogConfig(),
    [CATALOG_SCRIPT]: catalogScript(registry('0.1.0'))
  });
});
afterAll(async () => sandbox.close());
beforeEach(async () => {
  await sandbox.reset();
  await sandbox.repo.commit(BRANCH, { [CATALOG_SCRIPT]: catalogScript(registry('0.2.0')) });
});

describe('cleanup with a catalog-command', () => {
  it('deletes what deploy staged and prints every store replica with its removal command', async () => {
    await sandbox.deploy({ branch: BRANCH, inputs: { config: CATALOG_CONFIG } });
    expect(sandbox.names()).toEqual(NAMES);

    const { result } = await sandbox.cleanup({ inputs: INPUTS });

    expect(sandbox.names()).toEqual([]);
    expect(await sandbox.branchExists(BRANCH)).toBe(false);
    expect(result.outputs['store-path']).toBe(STORES[0]);
    expect(JSON.parse(result.outputs['store-paths'] ?? '')).toEqual(STORES);
    const summary = renderText(result.report);
    expect(summary).toContain(`aws s3 rm --recursive '${STORES[0]}'`);
    expect(summary).toContain(`gcloud storage rm --recursive '${STORES[1]}'`);
  });

  it("finds an unlabelled staged CronJob by the name the catalog's production-prefix gives", async () => {
    const unlabelled = productionCronJob(GEFS, 'update', { name: NAMES[0] });
    Object.assign(unlabelled.metadata as object, { labels: {} });
    sandbox.kube.addCronJob(unlabelled, 'kubectl');
    sandbox.kube.addCronJob(productionCronJob(GEFS, 'update', { name: 'gefs-analysis-update' }));

    await sandbox.cleanup({ inputs: INPUTS });

    expect(sandbox.names()).toEqual(['gefs-analysis-update']);
  });

  it('stops before deleting anything when the catalog command fails on main', async () => {
    await sandbox.deploy({ branch: BRANCH, inputs: { config: CATALOG_CONFIG } });
    await sandbox.repo.commit('main', {
      [CATALOG_SCRIPT]: "process.stderr.write('registry import failed\\n'); process.exit(1);\n"
    });
    let message = '';
    try {
      await sandbox.cleanup({ inputs: INPUTS });
    } catch (error) {
      message = (error as Error).message;
    } finally {
      await sandbox.repo.commit('main', { [CATALOG_SCRIPT]: catalogScript(registry('0.1.0')) });
    }
    expect(message).toContain(`catalog-command 'node ${CATALOG_SCRIPT}' failed (exit 1)`);
    expect(message).toContain('registry import failed');
    expect(sandbox.names()).toEqual(NAMES);
    expect(sandbox.kube.requests.filter(r => r.method === 'DELETE')).toEqual([]);
    expect(await sandbox.branchExists(BRANCH)).toBe(true);
  });
});
