// Branches rebuild must never force-push and names git cannot store, seen from the step as a
// runner runs dist/: the step fails with a clear error and every ref of the origin is as it was.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  WORKFLOW_PATH,
  WRITE_TOKEN,
  startHub,
  type Hub,
  type Scenario
} from '../helpers/rebuild-harness.js';
import { runAction, runnerFiles, type ActionRun, type RunnerFiles } from '../helpers/run-action.js';

let hub: Hub;
let files: RunnerFiles;
beforeAll(async () => {
  [hub, files] = await Promise.all([startHub(), runnerFiles()]);
});
afterAll(async () => Promise.all([hub.close(), files.cleanup()]));

/** main with a commit only main has, a `release` branch, and a green PR to release. */
async function withRelease(): Promise<Scenario> {
  const s = await hub.scenario();
  await s.origin.commit('release', { 'release.txt': 'r\n' }, 'Release', { from: 'main' });
  await s.origin.commit('main', { 'main-only.txt': 'm\n' }, 'Main only');
  const sha = await s.origin.commit('pr-1', { 'a.txt': 'a\n' }, 'PR 1', { from: 'release' });
  await s.fake.addPullRequest({ repo: s.slug, number: 1, head: sha, baseRefName: 'release' });
  s.fake.addCheckRun(sha, { repo: s.slug, name: 'test' });
  return s;
}

async function rebuild(s: Scenario, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(
    files,
    { mode: 'rebuild', 'github-token': WRITE_TOKEN, ...inputs },
    {
      ...hub.fake.env(),
      GITHUB_REPOSITORY: s.slug,
      GITHUB_WORKSPACE: await s.checkout(),
      // A schedule event: no payload names the default branch, only GitHub's answer does.
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: await files.event({ schedule: '*/30 * * * *' }),
      GITHUB_WORKFLOW_REF: `${s.slug}/${WORKFLOW_PATH}@refs/heads/main`,
      GITHUB_WORKFLOW: 'Staging',
      GITHUB_RUN_ID: '1'
    }
  );
}

const errorLines = (run: ActionRun): string[] =>
  run.stdout.split('\n').filter(l => l.startsWith('::error::'));

describe('staging branches rebuild refuses, from dist', () => {
  it("fails on the repository's default branch as staging-branch, and main keeps its commit", async () => {
    const s = await withRelease();
    const before = await s.refs();

    const run = await rebuild(s, { 'staging-branch': 'main', 'base-branch': 'release' });

    expect(run.code).toBe(1);
    expect(errorLines(run)).toEqual([
      expect.stringMatching(/^::error::staging-branch 'main' is the repository's default branch/)
    ]);
    expect(await s.refs()).toEqual(before);
    expect(s.count('git-receive-pack')).toBe(0);
  });

  it('fails on a 300-character staging branch before any request', async () => {
    const s = await withRelease();
    const before = await s.refs();

    const run = await rebuild(s, { 'staging-branch': 's'.repeat(300), 'base-branch': 'release' });

    expect(run.code).toBe(1);
    expect(errorLines(run)).toEqual([
      expect.stringMatching(/^::error::.*is 300 bytes long; git stores a branch name component/)
    ]);
    expect(await s.refs()).toEqual(before);
    expect(s.requests().filter(r => !r.kind.startsWith('git-'))).toEqual([]);
  });
});
