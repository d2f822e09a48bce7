// What rebuild masks in the job log before it logs anything: the token, and (with flux-source) the
// kubeconfig's credentials but not its structure. The run itself fails at once here (the workspace
// is not a repository); the masks are registered before that.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runMode } from '../../../src/main.js';
import { captureLog } from '../../helpers/deploy-harness.js';

let workspace = '';
beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'staging-action-masks-'));
});
afterAll(async () => rm(workspace, { recursive: true, force: true }));

const KUBECONFIG = [
  'apiVersion: v1',
  'kind: Config',
  'clusters: [{ name: c, cluster: { server: "https://127.0.0.1:9" } }]',
  'users: [{ name: u, user: { token: kube-secret-token } }]',
  'contexts: [{ name: x, context: { cluster: c, user: u, namespace: default } }]',
  'current-context: x',
  ''
].join('\n');

async function masked(inputs: Record<string, string>): Promise<string[]> {
  const masks: string[] = [];
  await captureLog(() =>
    runMode({
      inputs: { get: name => inputs[name] ?? '' },
      env: { GITHUB_REPOSITORY: 'acme/app', GITHUB_WORKSPACE: workspace },
      mask: secret => masks.push(secret)
    })
  ).catch(() => undefined);
  return masks;
}

it('masks the token alone when there is no kubeconfig', async () => {
  expect(await masked({ mode: 'rebuild', 'github-token': 'ghs_secret-token' })).toEqual([
    'ghs_secret-token'
  ]);
});

it("masks the token and the kubeconfig's credentials, not its structure, with flux-source", async () => {
  const masks = await masked({
    mode: 'rebuild',
    'github-token': 'ghs_secret-token',
    'flux-source': 'flux-system/staging',
    kubeconfig: KUBECONFIG
  });
  expect(masks).toEqual(['ghs_secret-token', 'kube-secret-token']);
});
