// flux-source: after a push, the Flux GitRepository that watches staging is asked to reconcile,
// as `flux reconcile source git` does, against the fake Kubernetes API server.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFakeKube, type FakeKube } from '../../helpers/fake-kube.js';
import { startHub, type Hub } from '../../helpers/rebuild-harness.js';

let hub: Hub;
let kube: FakeKube;
beforeAll(async () => {
  hub = await startHub();
  kube = await startFakeKube();
  kube.addGitRepository('flux-system', 'flux-system-staging');
});
afterAll(async () => {
  await hub.close();
  await kube.close();
});

function requestedAt(): string | undefined {
  const repo = kube
    .gitRepositories('flux-system')
    .find(r => (r.metadata as { name: string }).name === 'flux-system-staging');
  const annotations = (repo?.metadata as { annotations?: Record<string, string> }).annotations;
  return annotations?.['reconcile.fluxcd.io/requestedAt'];
}

const patches = (): number =>
  kube.requests.filter(r => r.method === 'PATCH' && r.path.includes('gitrepositories')).length;

describe('flux-source', () => {
  it('annotates the GitRepository after a push, and not when nothing was pushed', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    const inputs = {
      'flux-source': 'flux-system/flux-system-staging',
      kubeconfig: kube.kubeconfig()
    };
    const before = Date.now();

    const pushed = await s.rebuild(inputs);
    expect(pushed.result).toBe('pushed');
    expect(pushed.flux).toEqual({ source: 'flux-system/flux-system-staging', error: null });
    const at = requestedAt();
    expect(at).toBeDefined();
    expect(Date.parse(at as string)).toBeGreaterThanOrEqual(before - 1000);

    const count = patches();
    const again = await s.rebuild(inputs);
    expect(again.result).toBe('unchanged');
    expect(again.flux).toBeUndefined();
    expect(patches()).toBe(count);

    await s.pr(2, { 'b.txt': 'b\n' });
    const dry = await s.rebuild({ ...inputs, 'dry-run': 'true' });
    expect(dry.result).toBe('dry-run');
    expect(patches()).toBe(count);
  });

  it('reports a GitRepository that does not exist without failing the pushed run', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });

    const result = await s.rebuild({
      'flux-source': 'flux-system/missing',
      kubeconfig: kube.kubeconfig()
    });
    expect(result.result).toBe('pushed');
    expect(await s.staging()).toBe(result.stagingSha);
    expect(result.flux?.error).toMatch(/gitrepositories.* "missing" not found/);
  });

  it('refuses a kubeconfig it cannot use before doing any work', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });

    await expect(
      s.rebuild({
        'flux-source': 'flux-system/flux-system-staging',
        kubeconfig: 'not: [a kubeconfig'
      })
    ).rejects.toThrow(/kubeconfig given is not valid/);
    expect(s.requests()).toEqual([]);
    expect(await s.staging()).toBeNull();
  });
});
