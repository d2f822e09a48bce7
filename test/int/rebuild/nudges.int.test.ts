// dispatch-workflows and argocd-application: after a push, the workflows named are dispatched on
// staging (with the staging SHA where they declare an input for it) against the fake GitHub's
// Actions endpoints, and the Argo CD Application is annotated for a refresh against the fake
// Kubernetes API server. Failures are reported; staging stays pushed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { installFakeActions, type FakeActions } from '../../helpers/fake-github-actions.js';
import { installFakeArgo, type FakeArgo } from '../../helpers/fake-kube-argo.js';
import { startFakeKube, type FakeKube } from '../../helpers/fake-kube.js';
import { startHub, type Hub } from '../../helpers/rebuild-harness.js';

const WORKFLOWS = {
  'README.md': 'app\n',
  '.github/workflows/deploy-staging.yml': [
    'name: Deploy staging',
    'on:',
    '  workflow_dispatch:',
    '    inputs:',
    '      staging-sha:',
    '        required: true',
    'jobs: {}',
    ''
  ].join('\n'),
  '.github/workflows/e2e.yml': ['name: E2E', 'on: [workflow_dispatch, push]', 'jobs: {}', ''].join(
    '\n'
  ),
  '.github/workflows/ci.yml': ['name: CI', 'on: pull_request', 'jobs: {}', ''].join('\n')
};

let hub: Hub;
let actions: FakeActions;
let kube: FakeKube;
let argo: FakeArgo;
beforeAll(async () => {
  hub = await startHub();
  actions = installFakeActions(hub.fake);
  kube = await startFakeKube();
  argo = installFakeArgo(kube);
  argo.addApplication('argocd', 'app-staging');
});
afterAll(async () => {
  await hub.close();
  await kube.close();
});

const refresh = (): string | undefined => {
  const app = argo
    .applications('argocd')
    .find(a => (a.metadata as { name: string }).name === 'app-staging');
  return (app?.metadata as { annotations?: Record<string, string> }).annotations?.[
    'argocd.argoproj.io/refresh'
  ];
};

describe('dispatch-workflows and argocd-application', () => {
  it('dispatches by file and by name, refreshes the Application, and does neither when unchanged', async () => {
    const s = await hub.scenario(WORKFLOWS);
    await s.pr(1, { 'a.txt': 'a\n' });
    const inputs = {
      'dispatch-workflows': 'deploy-staging.yml\nE2E',
      'argocd-application': 'argocd/app-staging',
      kubeconfig: kube.kubeconfig()
    };

    const pushed = await s.rebuild(inputs);
    expect(pushed.result).toBe('pushed');
    expect(pushed.dispatches).toEqual([
      { workflow: 'deploy-staging.yml', input: 'staging-sha', error: null },
      { workflow: 'E2E (e2e.yml)', input: null, error: null }
    ]);
    expect(actions.dispatches.filter(d => d.repo === s.slug)).toEqual([
      {
        repo: s.slug,
        workflow: '.github/workflows/deploy-staging.yml',
        ref: 'staging',
        inputs: { 'staging-sha': pushed.stagingSha }
      },
      { repo: s.slug, workflow: '.github/workflows/e2e.yml', ref: 'staging', inputs: {} }
    ]);
    expect(pushed.argocd).toEqual({ application: 'argocd/app-staging', error: null });
    expect(refresh()).toBe('normal');

    const count = actions.dispatches.length;
    const patches = kube.requests.filter(r => r.method === 'PATCH').length;
    const again = await s.rebuild(inputs);
    expect(again.result).toBe('unchanged');
    expect(again.dispatches).toBeUndefined();
    expect(again.argocd).toBeUndefined();
    expect(actions.dispatches.length).toBe(count);
    expect(kube.requests.filter(r => r.method === 'PATCH').length).toBe(patches);
  });

  it('reports workflows that do not exist or cannot be dispatched; staging stays pushed', async () => {
    const s = await hub.scenario(WORKFLOWS);
    await s.pr(1, { 'a.txt': 'a\n' });

    const result = await s.rebuild({
      'dispatch-workflows': 'missing.yml, Nightly, ci.yml, deploy-staging.yml'
    });
    expect(result.result).toBe('pushed');
    expect(await s.staging()).toBe(result.stagingSha);
    const [missing, nightly, ci, deploy] = result.dispatches ?? [];
    expect(missing).toEqual({
      workflow: 'missing.yml',
      input: null,
      error: expect.stringMatching(/HTTP 404: Not Found.*no such workflow in acme\//)
    });
    expect(nightly.error).toBe(
      "no workflow is named 'Nightly' (the repository's workflows: 'CI', 'Deploy staging', 'E2E')"
    );
    expect(ci.error).toMatch(/HTTP 422: Workflow does not have 'workflow_dispatch' trigger/);
    expect(deploy).toEqual({ workflow: 'deploy-staging.yml', input: 'staging-sha', error: null });
    expect(actions.dispatches.filter(d => d.repo === s.slug)).toHaveLength(1);
  });

  it('retries a dispatch GitHub answers with a 5xx', async () => {
    const s = await hub.scenario(WORKFLOWS);
    await s.pr(1, { 'a.txt': 'a\n' });
    hub.fake.injectFault({ kind: 'rest', path: /\/dispatches$/, status: 502 });

    const result = await s.rebuild({ 'dispatch-workflows': 'e2e.yml' });
    expect(result.dispatches).toEqual([{ workflow: 'e2e.yml', input: null, error: null }]);
    expect(actions.dispatches.filter(d => d.repo === s.slug)).toHaveLength(1);
    expect(hub.fake.pendingFaults()).toBe(0);
  });

  it('says which permission a token without actions: write lacks', async () => {
    const s = await hub.scenario(WORKFLOWS);
    await s.pr(1, { 'a.txt': 'a\n' });
    const token = 'ghs_no-actions-write';
    hub.fake.addWorkflowToken(token, {
      contents: 'write',
      'pull-requests': 'read',
      checks: 'read',
      actions: 'read'
    });

    const result = await s.rebuild({ 'dispatch-workflows': 'e2e.yml' }, { token });
    expect(result.result).toBe('pushed');
    expect(result.dispatches?.[0].error).toMatch(
      /HTTP 403: Resource not accessible by integration.*permissions: actions: write/
    );
  });

  it('reports an Application that does not exist without failing the pushed run', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });

    const result = await s.rebuild({
      'argocd-application': 'argocd/missing',
      kubeconfig: kube.kubeconfig()
    });
    expect(result.result).toBe('pushed');
    expect(await s.staging()).toBe(result.stagingSha);
    expect(result.argocd?.error).toBe('applications.argoproj.io "missing" not found');
  });

  it('refuses a kubeconfig it cannot use before doing any work', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    await expect(
      s.rebuild({ 'argocd-application': 'argocd/app-staging', kubeconfig: 'not: [a kubeconfig' })
    ).rejects.toThrow(/kubeconfig given is not valid/);
    expect(s.requests()).toEqual([]);
    expect(await s.staging()).toBeNull();
  });

  it('refuses an argocd-application that is not namespace/name before any request', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    await expect(s.rebuild({ 'argocd-application': 'Argo/App_1' })).rejects.toThrow(
      /Invalid argocd-application 'Argo\/App_1'\. Expected \{namespace\}\/\{name\}/
    );
    expect(await s.staging()).toBeNull();
  });
});
