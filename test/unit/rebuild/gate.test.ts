import { describe, expect, it } from '@jest/globals';
import {
  checkDisplayName,
  checkState,
  evaluatePullRequest,
  isOwnCheck,
  latestChecks,
  matchesAny,
  type GateOptions,
  type SelfIdentity
} from '../../../src/rebuild/gate.js';
import { workflowPathFromRef } from '../../../src/rebuild/settings.js';
import type {
  CheckRunContext,
  PullRequestInfo,
  StatusContextEntry
} from '../../../src/rebuild/types.js';

const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const CI = '.github/workflows/ci.yml';
const STAGING = '.github/workflows/staging.yml';

let nextId = 1000;

/** A GitHub Actions job as statusCheckRollup reports it; green and completed unless told. */
function run(name: string, over: Partial<CheckRunContext> = {}): CheckRunContext {
  return {
    kind: 'check-run',
    name,
    status: 'COMPLETED',
    conclusion: 'SUCCESS',
    startedAt: '2025-05-01T10:00:00Z',
    completedAt: '2025-05-01T10:03:00Z',
    databaseId: nextId++,
    workflowPath: CI,
    workflowName: 'CI',
    appSlug: 'github-actions',
    ...over
  };
}

/** A check run from a non-Actions app (no workflow). */
function appRun(name: string, over: Partial<CheckRunContext> = {}): CheckRunContext {
  return run(name, { workflowPath: null, workflowName: null, appSlug: 'codecov', ...over });
}

function status(
  name: string,
  state: string,
  createdAt = '2025-05-01T10:00:00Z'
): StatusContextEntry {
  return { kind: 'status', name, state, createdAt };
}

function pr(over: Partial<PullRequestInfo> = {}): PullRequestInfo {
  return {
    number: 12,
    title: 'Add feature',
    author: 'octocat',
    isDraft: false,
    isCrossRepository: false,
    headRefOid: HEAD,
    labels: [],
    checksOid: HEAD,
    checks: [run('build'), run('test')],
    ...over
  };
}

const SELF: SelfIdentity = {
  workflowPath: STAGING,
  workflowName: 'Staging',
  statusContext: 'staging-action'
};

function options(over: Partial<GateOptions> = {}): GateOptions {
  return {
    includeDrafts: false,
    includeForks: false,
    labels: [],
    excludeLabels: [],
    requireChecks: false,
    ignoreChecks: [],
    self: SELF,
    ...over
  };
}

describe('evaluatePullRequest', () => {
  it('lets a PR with green CI in, at the commit whose checks passed', () => {
    expect(evaluatePullRequest(pr(), options())).toEqual({ eligible: true, sha: HEAD });
  });

  it('merges checksOid, not the head GitHub reports, when they differ', () => {
    const checked = 'ffff000000000000000000000000000000000000';
    expect(evaluatePullRequest(pr({ checksOid: checked }), options())).toEqual({
      eligible: true,
      sha: checked
    });
  });

  it('skips drafts unless include-drafts', () => {
    expect(evaluatePullRequest(pr({ isDraft: true }), options())).toEqual({
      eligible: false,
      reason: { kind: 'draft' }
    });
    expect(evaluatePullRequest(pr({ isDraft: true }), options({ includeDrafts: true }))).toEqual({
      eligible: true,
      sha: HEAD
    });
  });

  it('skips fork PRs unless include-forks', () => {
    expect(evaluatePullRequest(pr({ isCrossRepository: true }), options())).toEqual({
      eligible: false,
      reason: { kind: 'fork' }
    });
    expect(
      evaluatePullRequest(pr({ isCrossRepository: true }), options({ includeForks: true })).eligible
    ).toBe(true);
  });

  it('skips a PR whose checks could not all be read, even when the ones read are green', () => {
    const unread = { kind: 'ci-unknown' as const, detail: 'GitHub answered node: null' };
    expect(evaluatePullRequest(pr({ checksSkip: unread }), options())).toEqual({
      eligible: false,
      reason: unread
    });
    // Labels come first: a PR kept out by its labels says so, whatever its CI.
    const labelled = pr({ checksSkip: unread, labels: ['do-not-stage'] });
    expect(
      evaluatePullRequest(labelled, options({ excludeLabels: ['do-not-stage'] }))
    ).toMatchObject({ reason: { kind: 'label' } });
  });

  it('reports the first reason in order: draft, fork, labels, CI', () => {
    const bad = pr({
      isDraft: true,
      isCrossRepository: true,
      labels: ['do-not-stage'],
      checks: [run('build', { conclusion: 'FAILURE' })]
    });
    const opts = options({ excludeLabels: ['do-not-stage'] });
    expect(evaluatePullRequest(bad, opts)).toMatchObject({ reason: { kind: 'draft' } });
    expect(evaluatePullRequest(bad, { ...opts, includeDrafts: true })).toMatchObject({
      reason: { kind: 'fork' }
    });
    expect(
      evaluatePullRequest(bad, { ...opts, includeDrafts: true, includeForks: true })
    ).toMatchObject({ reason: { kind: 'label' } });
    expect(
      evaluatePullRequest(bad, {
        ...opts,
        includeDrafts: true,
        includeForks: true,
        excludeLabels: []
      })
    ).toMatchObject({ reason: { kind: 'ci-failing' } });
  });

  describe('labels', () => {
    it('requires every label, case-insensitively, and names the missing ones', () => {
      const opts = options({ labels: ['deploy', 'Preview'] });
      expect(evaluatePullRequest(pr({ labels: ['Deploy', 'preview'] }), opts).eligible).toBe(true);
      expect(evaluatePullRequest(pr({ labels: ['deploy'] }), opts)).toEqual({
        eligible: false,
        reason: { kind: 'label', missing: ['Preview'], excluded: [] }
      });
    });

    it('rejects any excluded label and reports missing and excluded together', () => {
      const opts = options({ labels: ['deploy'], excludeLabels: ['do-not-stage', 'wip'] });
      expect(evaluatePullRequest(pr({ labels: ['DO-NOT-STAGE', 'bug'] }), opts)).toEqual({
        eligible: false,
        reason: { kind: 'label', missing: ['deploy'], excluded: ['do-not-stage'] }
      });
    });
  });

  describe('CI', () => {
    it('lists failing checks by display name, sorted and deduplicated', () => {
      const checks = [
        run('test', { conclusion: 'FAILURE' }),
        run('test', {
          conclusion: 'FAILURE',
          workflowPath: '.github/workflows/lint.yml',
          workflowName: 'Lint'
        }),
        appRun('codecov/patch', { conclusion: 'FAILURE' }),
        status('ci/jenkins', 'ERROR'),
        run('build')
      ];
      expect(evaluatePullRequest(pr({ checks }), options())).toEqual({
        eligible: false,
        reason: {
          kind: 'ci-failing',
          checks: ['CI / test', 'Lint / test', 'ci/jenkins', 'codecov/patch']
        }
      });
    });

    it('reports pending only when nothing fails', () => {
      const pending = [run('build', { status: 'IN_PROGRESS', conclusion: null }), run('test')];
      expect(evaluatePullRequest(pr({ checks: pending }), options())).toEqual({
        eligible: false,
        reason: { kind: 'ci-pending', checks: ['CI / build'] }
      });
      const mixed = [...pending, status('deploy/preview', 'FAILURE')];
      expect(evaluatePullRequest(pr({ checks: mixed }), options())).toEqual({
        eligible: false,
        reason: { kind: 'ci-failing', checks: ['deploy/preview'] }
      });
    });

    it('does not let a cancelled check through', () => {
      const checks = [run('build', { conclusion: 'CANCELLED' })];
      expect(evaluatePullRequest(pr({ checks }), options())).toMatchObject({
        reason: { kind: 'ci-failing', checks: ['CI / build'] }
      });
    });

    it('counts a check cancelled then re-run green once, as green', () => {
      const checks = [
        run('build', {
          conclusion: 'CANCELLED',
          startedAt: '2025-05-01T10:00:00Z',
          completedAt: '2025-05-01T10:01:00Z',
          databaseId: 1
        }),
        run('build', {
          startedAt: '2025-05-01T10:05:00Z',
          completedAt: '2025-05-01T10:09:00Z',
          databaseId: 2
        })
      ];
      expect(evaluatePullRequest(pr({ checks }), options())).toEqual({ eligible: true, sha: HEAD });
      // GitHub's order does not matter: the later run wins either way.
      expect(evaluatePullRequest(pr({ checks: [...checks].reverse() }), options()).eligible).toBe(
        true
      );
    });

    it('keeps a PR out while a re-run of a failed check is still running', () => {
      const checks = [
        run('build', { conclusion: 'FAILURE', databaseId: 1 }),
        run('build', {
          status: 'IN_PROGRESS',
          conclusion: null,
          startedAt: '2025-05-01T11:00:00Z',
          completedAt: null,
          databaseId: 2
        })
      ];
      expect(evaluatePullRequest(pr({ checks }), options())).toMatchObject({
        reason: { kind: 'ci-pending', checks: ['CI / build'] }
      });
    });

    it('passes a PR with no checks by default, holds it with require-checks', () => {
      expect(evaluatePullRequest(pr({ checks: [] }), options())).toEqual({
        eligible: true,
        sha: HEAD
      });
      expect(evaluatePullRequest(pr({ checks: [] }), options({ requireChecks: true }))).toEqual({
        eligible: false,
        reason: { kind: 'no-checks' }
      });
    });

    it('ignores its own workflow, every job of it, without configuration', () => {
      const own = { workflowPath: STAGING, workflowName: 'Staging' };
      const checks = [
        run('build'),
        run('sync-staging', { ...own, status: 'IN_PROGRESS', conclusion: null }),
        run('report', { ...own, conclusion: 'FAILURE' })
      ];
      expect(evaluatePullRequest(pr({ checks }), options())).toEqual({ eligible: true, sha: HEAD });
    });

    it('ignores its own commit status so it never gates on itself', () => {
      const checks = [run('build'), status('staging-action', 'FAILURE')];
      expect(evaluatePullRequest(pr({ checks }), options()).eligible).toBe(true);
    });

    it('treats only-own checks as no checks for require-checks', () => {
      const checks = [run('sync', { workflowPath: STAGING, status: 'QUEUED', conclusion: null })];
      expect(evaluatePullRequest(pr({ checks }), options({ requireChecks: true }))).toEqual({
        eligible: false,
        reason: { kind: 'no-checks' }
      });
    });

    it('drops ignored checks by bare or display name, globs included', () => {
      const checks = [
        run('build'),
        run('flaky-e2e', { conclusion: 'FAILURE' }),
        run('deploy', {
          workflowPath: '.github/workflows/preview.yml',
          workflowName: 'Preview',
          status: 'QUEUED',
          conclusion: null
        }),
        status('license/cla', 'PENDING')
      ];
      const opts = options({ ignoreChecks: ['flaky-*', 'Preview / *', 'license/cla'] });
      expect(evaluatePullRequest(pr({ checks }), opts)).toEqual({ eligible: true, sha: HEAD });
      expect(evaluatePullRequest(pr({ checks }), options({ ignoreChecks: ['flaky-*'] }))).toEqual({
        eligible: false,
        reason: { kind: 'ci-pending', checks: ['Preview / deploy', 'license/cla'] }
      });
    });

    it('passes neutral and skipped check runs like branch protection does', () => {
      const checks = [
        run('build', { conclusion: 'NEUTRAL' }),
        run('docs', { conclusion: 'SKIPPED' })
      ];
      expect(evaluatePullRequest(pr({ checks }), options()).eligible).toBe(true);
    });
  });
});

describe('checkState', () => {
  it.each(['SUCCESS', 'NEUTRAL', 'SKIPPED'])('a completed run concluding %s passes', c => {
    expect(checkState(run('x', { conclusion: c }))).toBe('pass');
  });

  it.each([
    'FAILURE',
    'CANCELLED',
    'TIMED_OUT',
    'ACTION_REQUIRED',
    'STARTUP_FAILURE',
    'STALE',
    'SOMETHING_NEW'
  ])('a completed run concluding %s fails', c => {
    expect(checkState(run('x', { conclusion: c }))).toBe('fail');
  });

  it('a completed run without a conclusion fails', () => {
    expect(checkState(run('x', { conclusion: null }))).toBe('fail');
  });

  it.each(['QUEUED', 'IN_PROGRESS', 'WAITING', 'PENDING', 'REQUESTED'])(
    'a %s run is pending',
    s => {
      expect(checkState(run('x', { status: s, conclusion: null }))).toBe('pending');
    }
  );

  it('reads REST-style lowercase values too', () => {
    expect(checkState(run('x', { status: 'completed', conclusion: 'success' }))).toBe('pass');
    expect(checkState(run('x', { status: 'in_progress', conclusion: null }))).toBe('pending');
  });

  it.each([
    ['SUCCESS', 'pass'],
    ['PENDING', 'pending'],
    ['EXPECTED', 'pending'],
    ['FAILURE', 'fail'],
    ['ERROR', 'fail']
  ])('a status %s is %s', (state, expected) => {
    expect(checkState(status('ci/x', state))).toBe(expected);
  });
});

describe('latestChecks', () => {
  it('keeps runs of the same job name from different workflows apart', () => {
    const a = run('test', { conclusion: 'FAILURE' });
    const b = run('test', { workflowPath: '.github/workflows/lint.yml', workflowName: 'Lint' });
    expect(latestChecks([a, b])).toEqual([a, b]);
  });

  it('keeps the latest status per context', () => {
    const old = status('ci/jenkins', 'FAILURE', '2025-05-01T09:00:00Z');
    const fresh = status('ci/jenkins', 'SUCCESS', '2025-05-01T10:00:00Z');
    expect(latestChecks([fresh, old])).toEqual([fresh]);
    expect(latestChecks([old, fresh])).toEqual([fresh]);
  });

  it('falls back to completedAt, then databaseId, when startedAt is missing', () => {
    const first = run('b', { startedAt: null, completedAt: '2025-05-01T10:00:00Z', databaseId: 9 });
    const second = run('b', {
      startedAt: null,
      completedAt: '2025-05-01T10:10:00Z',
      databaseId: 1
    });
    expect(latestChecks([second, first])).toEqual([second]);
    const x = run('c', { startedAt: null, completedAt: null, databaseId: 5 });
    const y = run('c', { startedAt: null, completedAt: null, databaseId: 6 });
    expect(latestChecks([y, x])).toEqual([y]);
  });

  it('identifies non-Actions check runs by app and name', () => {
    const a = appRun('coverage', { conclusion: 'FAILURE' });
    const b = appRun('coverage', { appSlug: 'sonarcloud' });
    expect(latestChecks([a, b])).toHaveLength(2);
  });
});

describe('isOwnCheck', () => {
  it('matches every job of its workflow file, whatever the job is called', () => {
    expect(
      isOwnCheck(run('anything', { workflowPath: STAGING, workflowName: 'Renamed' }), SELF)
    ).toBe(true);
  });

  it('does not match another workflow that shares its name', () => {
    expect(isOwnCheck(run('build', { workflowPath: CI, workflowName: 'Staging' }), SELF)).toBe(
      false
    );
  });

  it('falls back to the workflow name only when the path is unknown', () => {
    expect(isOwnCheck(run('sync', { workflowPath: null, workflowName: 'Staging' }), SELF)).toBe(
      true
    );
    expect(isOwnCheck(run('sync', { workflowPath: null, workflowName: 'CI' }), SELF)).toBe(false);
  });

  it('never matches a non-Actions app or another status context', () => {
    const bare: SelfIdentity = { workflowPath: null, workflowName: null, statusContext: null };
    expect(isOwnCheck(appRun('staging'), SELF)).toBe(false);
    expect(isOwnCheck(appRun('staging'), bare)).toBe(false);
    expect(isOwnCheck(status('ci/other', 'PENDING'), SELF)).toBe(false);
    expect(isOwnCheck(status('staging-action', 'PENDING'), bare)).toBe(false);
  });
});

describe('checkDisplayName', () => {
  it('prefixes Actions jobs with their workflow, as GitHub shows them', () => {
    expect(checkDisplayName(run('build'))).toBe('CI / build');
    expect(checkDisplayName(appRun('codecov/patch'))).toBe('codecov/patch');
    expect(checkDisplayName(status('ci/jenkins', 'SUCCESS'))).toBe('ci/jenkins');
  });
});

describe('matchesAny', () => {
  it('matches exact names and globs against the whole, case-sensitive name', () => {
    expect(matchesAny('CI / build', ['CI / build'])).toBe(true);
    expect(matchesAny('CI / build', ['ci / build'])).toBe(false);
    expect(matchesAny('CI / build', ['build'])).toBe(false);
    expect(matchesAny('CI / build', ['CI / *'])).toBe(true);
    expect(matchesAny('e2e (3)', ['e2e (?)'])).toBe(true);
    expect(matchesAny('e2e (10)', ['e2e (?)'])).toBe(false);
    expect(matchesAny('anything', [])).toBe(false);
  });

  it('treats regex characters in names literally', () => {
    expect(matchesAny('test (node 20.x)', ['test (node 20.x)'])).toBe(true);
    expect(matchesAny('test (node 20x)', ['test (node 20.x)'])).toBe(false);
    expect(matchesAny('a+b', ['a+b'])).toBe(true);
    expect(matchesAny('aab', ['a+b'])).toBe(false);
  });
});

describe('workflowPathFromRef', () => {
  it('extracts the workflow file path from GITHUB_WORKFLOW_REF', () => {
    expect(workflowPathFromRef('octo/repo/.github/workflows/staging.yml@refs/heads/main')).toBe(
      STAGING
    );
    expect(
      workflowPathFromRef('octo/repo/.github/workflows/staging.yml@refs/heads/feat@home')
    ).toBe(STAGING);
    expect(workflowPathFromRef('octo/repo/.github/workflows/s.yml@refs/pull/3/merge')).toBe(
      '.github/workflows/s.yml'
    );
    expect(workflowPathFromRef('')).toBeNull();
  });
});
