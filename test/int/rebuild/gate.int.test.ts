// Which PRs enter staging, as GitHub reports their checks: every CI state, drafts, forks, labels,
// the action ignoring its own workflow and status, and ignore-checks — each seen in the pushed
// staging branch and in the reasons a user reads.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PrOutcome, RebuildResult } from '../../../src/rebuild/types.js';
import { WORKFLOW_PATH, startHub, type Hub } from '../../helpers/rebuild-harness.js';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => hub.close());

/** number → 'merged' or the skip reason, for one assertion per run. */
function byNumber(result: RebuildResult): Record<number, unknown> {
  return Object.fromEntries(
    result.outcomes.map((o: PrOutcome) => [o.number, o.status === 'merged' ? 'merged' : o.reason])
  );
}

describe('CI state', () => {
  it('skips PRs with failing checks, naming every failing check', async () => {
    const s = await hub.scenario();
    await s.pr(
      1,
      { 'a.txt': 'a\n' },
      {
        checks: [
          { name: 'test' },
          { name: 'lint', conclusion: 'FAILURE' },
          { name: 'build', conclusion: 'TIMED_OUT' },
          { name: 'e2e', conclusion: 'ACTION_REQUIRED' }
        ],
        statuses: [{ context: 'ci/jenkins', state: 'ERROR' }]
      }
    );
    await s.pr(
      2,
      { 'b.txt': 'b\n' },
      { checks: [{ name: 'test', conclusion: 'STARTUP_FAILURE' }] }
    );
    await s.pr(
      3,
      { 'c.txt': 'c\n' },
      {
        checks: [
          { name: 'docs', conclusion: 'NEUTRAL' },
          { name: 'x', conclusion: 'SKIPPED' }
        ]
      }
    );

    const result = await s.rebuild();

    expect(byNumber(result)).toEqual({
      1: { kind: 'ci-failing', checks: ['CI / build', 'CI / e2e', 'CI / lint', 'ci/jenkins'] },
      2: { kind: 'ci-failing', checks: ['CI / test'] },
      3: 'merged'
    });
    expect(await s.files()).toEqual(['README.md', 'c.txt']);
  });

  it('skips PRs whose checks are still running, queued, or pending/expected statuses', async () => {
    const s = await hub.scenario();
    await s.pr(
      1,
      { '1.txt': '1\n' },
      { checks: [{ name: 'test' }, { name: 'slow', status: 'IN_PROGRESS' }] }
    );
    await s.pr(2, { '2.txt': '2\n' }, { checks: [{ name: 'test', status: 'QUEUED' }] });
    await s.pr(
      3,
      { '3.txt': '3\n' },
      { statuses: [{ context: 'deploy/preview', state: 'PENDING' }] }
    );
    await s.pr(
      4,
      { '4.txt': '4\n' },
      { statuses: [{ context: 'required/review', state: 'EXPECTED' }] }
    );
    // A failure wins over a pending check: the PR cannot pass whatever is still running.
    await s.pr(
      5,
      { '5.txt': '5\n' },
      {
        checks: [
          { name: 'slow', status: 'IN_PROGRESS' },
          { name: 'lint', conclusion: 'FAILURE' }
        ]
      }
    );
    await s.pr(6, { '6.txt': '6\n' });

    const result = await s.rebuild();

    expect(byNumber(result)).toEqual({
      1: { kind: 'ci-pending', checks: ['CI / slow'] },
      2: { kind: 'ci-pending', checks: ['CI / test'] },
      3: { kind: 'ci-pending', checks: ['deploy/preview'] },
      4: { kind: 'ci-pending', checks: ['required/review'] },
      5: { kind: 'ci-failing', checks: ['CI / lint'] },
      6: 'merged'
    });
    expect(await s.files()).toEqual(['6.txt', 'README.md']);
  });

  it('treats a cancelled run as failing, and a cancelled run re-run green as passing', async () => {
    const s = await hub.scenario();
    const cancelled = await s.pr(
      1,
      { 'a.txt': 'a\n' },
      { checks: [{ name: 'test', conclusion: 'CANCELLED' }] }
    );
    const rerun = await s.pr(
      2,
      { 'b.txt': 'b\n' },
      { checks: [{ name: 'test', conclusion: 'CANCELLED' }] }
    );
    s.fake.addCheckRun(rerun, { repo: s.slug, name: 'test' }); // the re-run, later
    // A green run that was re-run and is now failing is failing.
    const regressed = await s.pr(3, { 'c.txt': 'c\n' });
    s.fake.addCheckRun(regressed, { repo: s.slug, name: 'test', conclusion: 'FAILURE' });

    const result = await s.rebuild();

    expect(byNumber(result)).toEqual({
      1: { kind: 'ci-failing', checks: ['CI / test'] },
      2: 'merged',
      3: { kind: 'ci-failing', checks: ['CI / test'] }
    });
    expect(cancelled).not.toBe(rerun);
    expect(await s.files()).toEqual(['README.md', 'b.txt']);
  });

  it('merges a PR with no checks at all, unless require-checks is set', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' }, { checks: 'none' });
    await s.pr(2, { 'b.txt': 'b\n' });

    const strict = await s.rebuild({ 'require-checks': 'true' });
    expect(byNumber(strict)).toEqual({ 1: { kind: 'no-checks' }, 2: 'merged' });
    expect(await s.files()).toEqual(['README.md', 'b.txt']);

    const lenient = await s.rebuild({ 'require-checks': 'false' });
    expect(byNumber(lenient)).toEqual({ 1: 'merged', 2: 'merged' });
    expect(await s.files()).toEqual(['README.md', 'a.txt', 'b.txt']);
  });
});

describe('drafts, forks and labels', () => {
  it('skips drafts unless include-drafts', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' }, { isDraft: true });
    await s.pr(2, { 'b.txt': 'b\n' });

    expect(byNumber(await s.rebuild())).toEqual({ 1: { kind: 'draft' }, 2: 'merged' });
    expect(byNumber(await s.rebuild({ 'include-drafts': 'true' }))).toEqual({
      1: 'merged',
      2: 'merged'
    });
    expect(await s.files()).toEqual(['README.md', 'a.txt', 'b.txt']);
  });

  it('skips fork PRs unless include-forks, and then merges them from refs/pull/N/head', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'fork.txt': 'from a fork\n' }, { isCrossRepository: true });
    // A fork's branch lives in the fork: only refs/pull/1/head exists in this repository.
    await s.origin.deleteRef('refs/heads/pr-1');
    await s.pr(2, { 'b.txt': 'b\n' });

    expect(byNumber(await s.rebuild())).toEqual({ 1: { kind: 'fork' }, 2: 'merged' });
    expect(byNumber(await s.rebuild({ 'include-forks': 'true' }))).toEqual({
      1: 'merged',
      2: 'merged'
    });
    expect(await s.origin.showFile('refs/heads/staging', 'fork.txt')).toBe('from a fork\n');
  });

  it('requires every label in labels and none in exclude-labels (case-insensitive)', async () => {
    const s = await hub.scenario();
    await s.pr(1, { '1.txt': '1\n' }, { labels: ['Staging', 'backend'] });
    await s.pr(2, { '2.txt': '2\n' }, { labels: ['backend'] });
    await s.pr(3, { '3.txt': '3\n' }, { labels: ['staging', 'do-not-stage'] });
    await s.pr(4, { '4.txt': '4\n' });

    const result = await s.rebuild({ labels: 'staging', 'exclude-labels': 'do-not-stage, wip' });

    expect(byNumber(result)).toEqual({
      1: 'merged',
      2: { kind: 'label', missing: ['staging'], excluded: [] },
      3: { kind: 'label', missing: [], excluded: ['do-not-stage'] },
      4: { kind: 'label', missing: ['staging'], excluded: [] }
    });
    expect(await s.files()).toEqual(['1.txt', 'README.md']);
  });
});

describe('checks that never block', () => {
  it("ignores every job of this workflow, failing or pending, but not another workflow's job of the same name", async () => {
    const s = await hub.scenario();
    const own = { workflowPath: WORKFLOW_PATH, workflowName: 'Staging' };
    await s.pr(
      1,
      { '1.txt': '1\n' },
      { checks: [{ name: 'test' }, { name: 'rebuild', conclusion: 'FAILURE', ...own }] }
    );
    await s.pr(
      2,
      { '2.txt': '2\n' },
      { checks: [{ name: 'test' }, { name: 'any-other-job', status: 'IN_PROGRESS', ...own }] }
    );
    await s.pr(
      3,
      { '3.txt': '3\n' },
      {
        checks: [
          { name: 'test' },
          {
            name: 'rebuild',
            conclusion: 'FAILURE',
            workflowPath: '.github/workflows/other.yml',
            workflowName: 'Other'
          }
        ]
      }
    );

    const result = await s.rebuild();

    expect(byNumber(result)).toEqual({
      1: 'merged',
      2: 'merged',
      3: { kind: 'ci-failing', checks: ['Other / rebuild'] }
    });
  });

  it('ignores its own commit-status context only when commit-status names it', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' }, { statuses: [{ context: 'staging', state: 'FAILURE' }] });
    await s.pr(2, { 'b.txt': 'b\n' }, { statuses: [{ context: 'staging', state: 'PENDING' }] });

    const without = await s.rebuild();
    expect(byNumber(without)).toEqual({
      1: { kind: 'ci-failing', checks: ['staging'] },
      2: { kind: 'ci-pending', checks: ['staging'] }
    });

    const own = await s.rebuild({ 'commit-status': 'staging' });
    expect(byNumber(own)).toEqual({ 1: 'merged', 2: 'merged' });
    expect(await s.files()).toEqual(['README.md', 'a.txt', 'b.txt']);
  });

  it('ignores checks matching ignore-checks, by name or "Workflow / name", with globs', async () => {
    const s = await hub.scenario();
    await s.pr(
      1,
      { '1.txt': '1\n' },
      { statuses: [{ context: 'codecov/patch', state: 'FAILURE' }] }
    );
    await s.pr(
      2,
      { '2.txt': '2\n' },
      { checks: [{ name: 'test' }, { name: 'flaky-e2e', conclusion: 'FAILURE' }] }
    );
    await s.pr(3, { '3.txt': '3\n' }, { checks: [{ name: 'lint', status: 'QUEUED' }] });
    await s.pr(
      4,
      { '4.txt': '4\n' },
      {
        checks: [{ name: 'test', conclusion: 'FAILURE' }],
        statuses: [{ context: 'codecov/project', state: 'FAILURE' }]
      }
    );

    const result = await s.rebuild({ 'ignore-checks': 'codecov/*\nCI / flaky-?2?\nlint' });

    expect(byNumber(result)).toEqual({
      1: 'merged',
      2: 'merged',
      3: 'merged',
      4: { kind: 'ci-failing', checks: ['CI / test'] }
    });
  });
});
