// The committed bundle, run as the runner runs it, with the inputs of the README's workflow
// example: outputs, job summary, commit statuses and the refs left in the origin.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import {
  WORKFLOW_PATH,
  WRITE_TOKEN,
  startHub,
  type Hub,
  type Scenario
} from '../rebuild/harness.js';
import {
  ROOT,
  readmeWorkflow,
  runAction,
  runnerFiles,
  stepInputs,
  stepWith,
  type RunnerFiles
} from '../helpers/run-action.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

let hub: Hub;
let files: RunnerFiles;
let s: Scenario;
let stagingWorkflow: string;
const heads = new Map<number, string>();

beforeAll(async () => {
  stagingWorkflow = readmeWorkflow('staging-workflow');
  [hub, files] = await Promise.all([startHub(), runnerFiles()]);
  s = await hub.scenario({ 'README.md': 'app\n', 'config.yaml': 'replicas: 1\n' });
  heads.set(1, await s.pr(1, { 'config.yaml': 'replicas: 2\n' }, { title: 'Scale up' }));
  heads.set(2, await s.pr(2, { 'b.txt': 'b\n' }, { title: HOSTILE }));
  heads.set(3, await s.pr(3, { 'config.yaml': 'replicas: 3\n' }, { title: 'Scale further' }));
  heads.set(
    4,
    await s.pr(4, { 'd.txt': 'd\n' }, { checks: [{ name: 'test', conclusion: 'FAILURE' }] })
  );
  // Blocked only by checks the README's workflow ignores: codecov/*, and its own job.
  heads.set(
    5,
    await s.pr(
      5,
      { 'e.txt': 'e\n' },
      { statuses: [{ context: 'codecov/patch', state: 'FAILURE' }] }
    )
  );
  heads.set(
    6,
    await s.pr(
      6,
      { 'f.txt': 'f\n' },
      {
        checks: [
          { name: 'test' },
          {
            name: 'rebuild',
            status: 'IN_PROGRESS',
            workflowPath: WORKFLOW_PATH,
            workflowName: 'Staging'
          }
        ]
      }
    )
  );
});
afterAll(async () => Promise.all([hub.close(), files.cleanup()]));

/** The inputs of the README workflow's `staging` step: action.yml's defaults, then its `with:`. */
function workflowInputs(): Record<string, string> {
  return stepInputs(stagingWorkflow, { 'github.token': WRITE_TOKEN });
}

/** The rest of the step's environment, on a workflow_dispatch run. */
async function dispatchEnv(): Promise<Record<string, string>> {
  const workflow = parse(stagingWorkflow) as { name: string };
  const workspace = await s.checkout();
  const sha = (await s.origin.revParse('refs/heads/main')) as string;
  return {
    GITHUB_REPOSITORY: s.slug,
    GITHUB_API_URL: s.fake.url,
    GITHUB_SERVER_URL: s.fake.url,
    GITHUB_GRAPHQL_URL: `${s.fake.url}/graphql`,
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: await files.event({
      ref: 'refs/heads/main',
      inputs: {},
      workflow: WORKFLOW_PATH,
      repository: { full_name: s.slug, default_branch: 'main' },
      sender: { login: 'octocat' }
    }),
    GITHUB_WORKFLOW_REF: `${s.slug}/${WORKFLOW_PATH}@refs/heads/main`,
    GITHUB_WORKFLOW: workflow.name,
    GITHUB_RUN_ID: '777',
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/main'
  };
}

// The runs share one repository and follow on from each other, as consecutive workflow runs do:
// the first creates staging, the second finds nothing changed, the third never gets going.
describe('node dist/index.js, mode rebuild', () => {
  it("runs the README's workflow, which is this repository's staging workflow", async () => {
    const committed = await readFile(path.join(ROOT, '.github/workflows/staging.yml'), 'utf8');
    expect(stagingWorkflow).toBe(committed);
    expect(stepWith(stagingWorkflow)).toMatchObject({ mode: 'rebuild' });
  });

  it('builds staging, sets the outputs, writes the summary and posts the statuses', async () => {
    const before = await s.refs();
    const env = await dispatchEnv();

    const run = await runAction(files, workflowInputs(), env);

    // stderr rides along so a failure shows why.
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).not.toContain('::error::');
    const staging = await s.staging();
    expect(run.outputs).toEqual({
      result: 'pushed',
      pushed: 'true',
      merged: '[1,2,5,6]',
      skipped: JSON.stringify([
        { number: 3, reason: 'conflict', detail: 'conflict with #1 in config.yaml' },
        { number: 4, reason: 'ci-failing', detail: 'CI failing: CI / test' }
      ]),
      'staging-sha': staging,
      'tree-sha': (await s.origin.git(['rev-parse', 'refs/heads/staging^{tree}'])).trim()
    });
    // Only the staging branch was written.
    const after = await s.refs();
    expect(after.get('refs/heads/staging')).toBe(staging);
    after.delete('refs/heads/staging');
    expect(after).toEqual(before);
    expect(await s.origin.showFile('refs/heads/staging', 'config.yaml')).toBe('replicas: 2\n');

    expect(run.summary).toContain('<h2>Staging rebuild</h2>');
    expect(run.summary).toContain('<p><strong>Created staging: 4 merged, 2 skipped</strong></p>');
    for (const n of [1, 2, 3, 4, 5, 6]) expect(run.summary).toContain(`<tr><td>#${n}</td>`);
    expect(run.summary).toContain('<td>conflict with #1 in config.yaml</td>');
    expect(run.summary).toContain('<td>&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(run.summary).not.toContain('<img');

    const statuses = (n: number): unknown[] =>
      (s.fake.repo(s.slug).checks.get(heads.get(n) as string) ?? []).filter(
        c => c.kind === 'StatusContext' && (c as { context: string }).context === 'staging'
      );
    expect(statuses(1)).toEqual([expect.objectContaining({ state: 'SUCCESS' })]);
    expect(statuses(3)).toEqual([
      expect.objectContaining({
        state: 'FAILURE',
        description: 'Not in staging: conflict with #1 in config.yaml',
        targetUrl: `${s.fake.url}/${s.slug}/actions/runs/777`
      })
    ]);
    expect(statuses(4)).toEqual([]);
  });

  it('stops after the GraphQL read on a rerun with nothing changed', async () => {
    const staging = await s.staging();
    const env = await dispatchEnv();
    const mark = s.fake.requests.length;

    const run = await runAction(files, workflowInputs(), env);

    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      result: 'unchanged',
      pushed: 'false',
      merged: '[1,2,5,6]',
      'staging-sha': staging
    });
    expect(run.summary).toContain('inputs unchanged since the last build');
    expect(s.fake.requests.slice(mark).map(r => r.kind)).toEqual(['graphql']);
    expect(await s.staging()).toBe(staging);
  });

  it('fails an unknown mode with the list of modes, and touches nothing', async () => {
    const before = await s.refs();
    const env = await dispatchEnv();
    const mark = s.fake.requests.length;

    const run = await runAction(files, { ...workflowInputs(), mode: 'rebuid' }, env);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "::error::Invalid mode 'rebuid'. Expected one of: rebuild, deploy, cleanup."
    );
    expect(run.outputs).toEqual({});
    expect(s.fake.requests.slice(mark)).toEqual([]);
    expect(await s.refs()).toEqual(before);
  });
});
