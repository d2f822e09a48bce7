// The bundle, run as the runner runs it with the README workflow's inputs plus dispatch-workflows
// and argocd-application, against the fake GitHub (Actions endpoints) and the fake Kubernetes
// API server (Argo CD Applications): after a push the workflows are dispatched on staging and the
// Application is refreshed; a workflow that does not exist is a warning; an unchanged rerun
// nudges nothing; a bad argocd-application stops the step before anything is pushed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { installFakeActions, type FakeActions } from '../helpers/fake-github-actions.js';
import { installFakeArgo, type FakeArgo } from '../helpers/fake-kube-argo.js';
import { startFakeKube, type FakeKube } from '../helpers/fake-kube.js';
import { WORKFLOW_PATH, startHub, type Hub, type Scenario } from '../helpers/rebuild-harness.js';
import {
  readmeWorkflow,
  runAction,
  runnerFiles,
  stepInputs,
  summaryAsText,
  type RunnerFiles
} from '../helpers/run-action.js';

/** The README workflow's GITHUB_TOKEN with `actions: write`, as dispatch-workflows needs. */
const TOKEN = 'ghs_nudge-workflow';

let hub: Hub;
let actions: FakeActions;
let kube: FakeKube;
let argo: FakeArgo;
let files: RunnerFiles;
let s: Scenario;
let stagingWorkflow: string;

beforeAll(async () => {
  stagingWorkflow = readmeWorkflow('staging-workflow');
  const { permissions } = parse(stagingWorkflow) as { permissions: Record<string, string> };
  [hub, kube, files] = await Promise.all([startHub(), startFakeKube(), runnerFiles()]);
  hub.fake.addWorkflowToken(TOKEN, { ...permissions, actions: 'write' });
  actions = installFakeActions(hub.fake);
  argo = installFakeArgo(kube);
  argo.addApplication('argocd', 'app-staging');
  s = await hub.scenario({
    'README.md': 'app\n',
    '.github/workflows/deploy-staging.yml':
      'name: Deploy staging\non:\n  workflow_dispatch:\n    inputs:\n      staging-sha:\n        required: true\njobs: {}\n',
    '.github/workflows/smoke.yml': 'name: Smoke tests\non: workflow_dispatch\njobs: {}\n'
  });
  await s.pr(1, { 'a.txt': 'a\n' });
});
afterAll(async () => Promise.all([hub.close(), kube.close(), files.cleanup()]));

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...stepInputs(stagingWorkflow, { 'github.token': TOKEN }),
    'dispatch-workflows': 'deploy-staging.yml\nSmoke tests\nmissing.yml',
    'argocd-application': 'argocd/app-staging',
    kubeconfig: kube.kubeconfig(),
    ...extra
  };
}

async function env(): Promise<Record<string, string>> {
  return {
    ...hub.fake.env(),
    GITHUB_REPOSITORY: s.slug,
    GITHUB_WORKSPACE: await s.checkout({ token: TOKEN }),
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: await files.event({
      ref: 'refs/heads/main',
      inputs: {},
      workflow: WORKFLOW_PATH,
      repository: { full_name: s.slug, default_branch: 'main' }
    }),
    GITHUB_WORKFLOW_REF: `${s.slug}/${WORKFLOW_PATH}@refs/heads/main`,
    GITHUB_WORKFLOW: 'Staging',
    GITHUB_RUN_ID: '778',
    GITHUB_REF: 'refs/heads/main'
  };
}

const patches = (): number => kube.requests.filter(r => r.method === 'PATCH').length;

describe('node dist/index.js, rebuild with dispatch-workflows and argocd-application', () => {
  it('dispatches on staging, refreshes the Application, and warns about a missing workflow', async () => {
    const run = await runAction(files, inputs(), await env());

    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const staging = await s.staging();
    expect(run.outputs['staging-sha']).toBe(staging);
    expect(run.outputs.result).toBe('pushed');
    expect(actions.dispatches).toEqual([
      {
        repo: s.slug,
        workflow: '.github/workflows/deploy-staging.yml',
        ref: 'staging',
        inputs: { 'staging-sha': staging }
      },
      { repo: s.slug, workflow: '.github/workflows/smoke.yml', ref: 'staging', inputs: {} }
    ]);
    const app = argo.applications('argocd')[0];
    expect((app.metadata as { annotations?: unknown }).annotations).toEqual({
      'argocd.argoproj.io/refresh': 'normal'
    });
    const warnings = run.stdout.split('\n').filter(l => l.startsWith('::warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /Staging was pushed, but workflow missing\.yml was not dispatched: .*HTTP 404: Not Found/
    );

    const summary = summaryAsText(run.summary);
    expect(summary).toContain('Argo CD: requested a refresh of Application argocd/app-staging');
    expect(summary).toMatch(
      /Workflows: deploy-staging\.yml: dispatched with staging-sha; Smoke tests \(smoke\.yml\): dispatched; missing\.yml: not dispatched: .*404/
    );
  });

  it('nudges nothing on a rerun that pushes nothing', async () => {
    const before = { dispatches: actions.dispatches.length, patches: patches() };
    const run = await runAction(files, inputs(), await env());

    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.outputs.result).toBe('unchanged');
    expect({ dispatches: actions.dispatches.length, patches: patches() }).toEqual(before);
    expect(summaryAsText(run.summary)).not.toMatch(/Argo CD|Workflows/);
  });

  it('stops on a bad argocd-application before anything is pushed', async () => {
    await s.pr(2, { 'b.txt': 'b\n' });
    const staging = await s.staging();
    const run = await runAction(
      files,
      inputs({ 'argocd-application': 'Argo CD/app' }),
      await env()
    );

    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::Invalid argocd-application 'Argo CD/app'");
    expect(await s.staging()).toBe(staging);
  });
});
