// The committed bundle, run as the runner runs it, with the inputs of the README's workflow
// example and a token with exactly its `permissions:` (the fake enforces them as GitHub does):
// outputs, job summary, commit statuses and the refs left in the origin.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { childElements, findAll, parseHtml, textContent } from '../helpers/html.js';
import { WORKFLOW_PATH, startHub, type Hub, type Scenario } from '../helpers/rebuild-harness.js';
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
/** The GITHUB_TOKEN of a job of the README's workflow: its `permissions:`, nothing more. */
const README_TOKEN = 'ghs_readme-workflow';
/** The same, with `actions: read` left out. */
const NO_ACTIONS_TOKEN = 'ghs_readme-workflow-no-actions';

let hub: Hub;
let files: RunnerFiles;
let s: Scenario;
let stagingWorkflow: string;
let permissions: Record<string, string>;
const heads = new Map<number, string>();

/** The `permissions:` the README workflow's single job runs with (its own, else the workflow's). */
function jobPermissions(workflow: string): Record<string, string> {
  const parsed = parse(workflow) as {
    permissions?: Record<string, string>;
    jobs: Record<string, { permissions?: Record<string, string> }>;
  };
  const jobs = Object.values(parsed.jobs);
  expect(jobs).toHaveLength(1);
  const granted = jobs[0]?.permissions ?? parsed.permissions;
  if (!granted) throw new Error("the README's staging workflow names no permissions");
  return granted;
}

beforeAll(async () => {
  stagingWorkflow = readmeWorkflow('staging-workflow');
  permissions = jobPermissions(stagingWorkflow);
  [hub, files] = await Promise.all([startHub(), runnerFiles()]);
  hub.fake.addWorkflowToken(README_TOKEN, permissions);
  hub.fake.addWorkflowToken(
    NO_ACTIONS_TOKEN,
    Object.fromEntries(Object.entries(permissions).filter(([scope]) => scope !== 'actions'))
  );
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
function workflowInputs(token = README_TOKEN): Record<string, string> {
  return stepInputs(stagingWorkflow, { 'github.token': token });
}

/** The rest of the step's environment, on a workflow_dispatch run checked out with `token`. */
async function dispatchEnv(token = README_TOKEN): Promise<Record<string, string>> {
  const workflow = parse(stagingWorkflow) as { name: string };
  const workspace = await s.checkout({ token });
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
    // The runs below use a token with exactly these; passing them proves they suffice.
    expect(permissions).toEqual({
      contents: 'write',
      statuses: 'write',
      'pull-requests': 'read',
      checks: 'read',
      actions: 'read'
    });
    expect(hub.fake.tokens.get(README_TOKEN)?.permissions).toEqual(permissions);
  });

  it('builds staging, sets the outputs, writes the summary and posts the statuses', async () => {
    const before = await s.refs();
    const env = await dispatchEnv();

    const run = await runAction(files, workflowInputs(), env);

    // stderr rides along so a failure shows why.
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).not.toContain('::error::');
    expect(run.stdout).not.toContain('::warning::');
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

    const summary = parseHtml(run.summary);
    expect(findAll(summary, 'h2').map(textContent)).toEqual(['Staging rebuild']);
    expect(textContent(findAll(summary, 'strong')[0] ?? summary)).toBe(
      'Created staging: 4 merged, 2 skipped'
    );
    const rows = findAll(summary, 'tr')
      .slice(1)
      .map(tr => childElements(tr, 'td').map(textContent));
    expect(rows.map(r => [r[0], r[3]])).toEqual([
      ['#1', '✅ merged'],
      ['#2', '✅ merged'],
      ['#5', '✅ merged'],
      ['#6', '✅ merged'],
      ['#3', '⚠️ conflict'],
      ['#4', '❌ CI failing']
    ]);
    expect(rows[4]?.[4]).toBe('conflict with #1 in config.yaml');
    expect(rows.map(r => r[1])).toContain('<img src=x onerror=alert(1)>');
    expect(findAll(summary, 'img')).toEqual([]);
    expect(findAll(summary, 'a').map(a => a.attrs.href)).toContain(
      `${s.fake.url}/${s.slug}/pull/1`
    );

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
    expect(run.summary).toContain('Inputs unchanged since the last build');
    expect(findAll(parseHtml(run.summary), 'details')).toHaveLength(1);
    expect(s.fake.requests.slice(mark).map(r => r.kind)).toEqual(['graphql']);
    expect(await s.staging()).toBe(staging);
  });

  it('fails without actions: read, naming the permissions, and pushes nothing', async () => {
    const before = await s.refs();
    const env = await dispatchEnv(NO_ACTIONS_TOKEN);
    const mark = s.fake.requests.length;

    const run = await runAction(files, workflowInputs(NO_ACTIONS_TOKEN), env);

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::.*Resource not accessible by integration.*permissions: contents: write, pull-requests: read, checks: read, actions: read/
    );
    expect(run.outputs).toEqual({});
    // GitHub refused only the workflow runs behind the check runs; nothing was fetched or pushed.
    expect(s.fake.requests.slice(mark).map(r => r.kind)).toEqual(['graphql']);
    expect(await s.refs()).toEqual(before);
  });

  it('fails an unknown mode with the list of modes, and touches nothing', async () => {
    const before = await s.refs();
    const env = await dispatchEnv();
    const mark = s.fake.requests.length;

    const run = await runAction(files, { ...workflowInputs(), mode: 'rebuid' }, env);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "::error::Invalid mode 'rebuid'. Expected one of: rebuild, deploy, cleanup, status, trigger, sweep."
    );
    expect(run.outputs).toEqual({});
    expect(s.fake.requests.slice(mark)).toEqual([]);
    expect(await s.refs()).toEqual(before);
  });
});
