// Things that change while a run is in flight, and GitHub having a bad moment: another run moving
// staging (the lease), PR heads moving after their checks ran, and API/git faults that are retried.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PrOutcome } from '../../../src/rebuild/types.js';
import { GRAPHQL_SERVER_ERROR_BODY } from '../../helpers/fake-github.js';
import { startHub, type Hub, type Scenario } from '../../helpers/rebuild-harness.js';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => hub.close());

function outcome(outcomes: PrOutcome[], n: number): PrOutcome | undefined {
  return outcomes.find(o => o.number === n);
}

/** Another run's staging: a commit on main the test can recognise. */
async function otherStaging(s: Scenario): Promise<string> {
  const tree = (await s.origin.git(['rev-parse', 'refs/heads/main^{tree}'])).trim();
  const out = await s.origin.git(['commit-tree', tree, '-p', 'refs/heads/main', '-m', 'other run']);
  return out.trim();
}

/** A force-push of PR `n`: its branch and refs/pull/n/head now hold a new commit off main. */
async function forcePush(s: Scenario, n: number, files: Record<string, string>): Promise<string> {
  await s.origin.deleteRef(`refs/heads/pr-${n}`);
  const sha = await s.origin.commit(`pr-${n}`, files, 'Rewritten');
  await s.origin.openPr(n, sha);
  return sha;
}

/** What GitHub's gc does to a commit nothing points at any more: it cannot be fetched at all. */
async function collectGarbage(s: Scenario): Promise<void> {
  await s.origin.git(['reflog', 'expire', '--expire=now', '--all']);
  await s.origin.git(['gc', '--prune=now', '--quiet']);
}

describe('the lease on staging', () => {
  it('does not overwrite a staging that moved after it was read', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    const first = await s.rebuild();
    await s.pr(2, { 'b.txt': 'b\n' });
    const theirs = await otherStaging(s);

    const result = await s.rebuild(
      {},
      { afterQuery: () => s.origin.setRef('refs/heads/staging', theirs) }
    );

    expect(result.result).toBe('lease-lost');
    expect(result.stagingSha).toBe(first.stagingSha); // what this run read
    expect(await s.staging()).toBe(theirs);
    expect(s.count('git-receive-pack')).toBeGreaterThan(0); // it did try
  });

  it('does not overwrite a staging branch another run created after this one saw none', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    const theirs = await otherStaging(s);

    const result = await s.rebuild(
      {},
      { afterQuery: () => s.origin.setRef('refs/heads/staging', theirs) }
    );

    expect(result).toMatchObject({ result: 'lease-lost', created: true, stagingSha: '' });
    expect(await s.staging()).toBe(theirs);
  });
});

describe('a base that moves during the run', () => {
  it('builds on the base commit it read; the next run picks up the new one', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    const read = await s.origin.revParse('refs/heads/main');

    const result = await s.rebuild(
      {},
      {
        afterQuery: async () =>
          void (await s.origin.commit('main', { 'late.txt': 'late\n' }, 'Late'))
      }
    );

    expect(result).toMatchObject({ result: 'pushed', baseSha: read });
    expect(await s.files()).toEqual(['README.md', 'a.txt']);
    expect(await s.message('refs/heads/staging')).toContain(`Staging-Action-Base: ${read}`);

    const next = await s.rebuild();
    expect(next).toMatchObject({ result: 'pushed', fastPath: false });
    expect(await s.files()).toEqual(['README.md', 'a.txt', 'late.txt']);
  });
});

describe('PR heads that move after their checks ran', () => {
  it('merges the commit whose checks passed, not a newer push on top of it', async () => {
    const s = await hub.scenario();
    const tested = await s.pr(1, { 'a.txt': 'tested\n' });
    // Pushed after GitHub reported the checks (no checks yet on it), before the fetch.
    const newer = await s.origin.commit('pr-1', { 'a.txt': 'untested\n', 'b.txt': 'b\n' }, 'WIP');

    const result = await s.rebuild({}, { afterQuery: () => s.origin.openPr(1, newer) });

    expect(result.result).toBe('pushed');
    expect(outcome(result.outcomes, 1)).toMatchObject({ status: 'merged', sha: tested });
    expect(await s.origin.showFile('refs/heads/staging', 'a.txt')).toBe('tested\n');
    expect(await s.files()).toEqual(['README.md', 'a.txt']);
    const parents = await s.origin.git(['log', '-1', '--format=%P', 'refs/heads/staging~1']);
    expect(parents.trim().split(' ')[1]).toBe(tested);
  });

  it('still merges a force-pushed-away head while GitHub can serve it by SHA', async () => {
    const s = await hub.scenario();
    const tested = await s.pr(1, { 'a.txt': 'tested\n' });
    await s.pr(2, { 'b.txt': 'b\n' });

    const result = await s.rebuild(
      {},
      { afterQuery: async () => void (await forcePush(s, 1, { 'a.txt': 'rewritten\n' })) }
    );

    expect(outcome(result.outcomes, 1)).toMatchObject({ status: 'merged', sha: tested });
    expect(await s.origin.showFile('refs/heads/staging', 'a.txt')).toBe('tested\n');
  });

  it('skips a force-pushed head that can no longer be fetched as head-moved, and keeps saying so', async () => {
    const s = await hub.scenario();
    const gone = await s.pr(1, { 'a.txt': 'tested\n' });
    const kept = await s.pr(2, { 'b.txt': 'tested\n' });
    await s.pr(3, { 'c.txt': 'c\n' });
    // GitHub still reports the old heads and their green checks (its PR data lags a push); both
    // were force-pushed, and #1's old head has been garbage-collected, #2's has not.
    const pr = (n: number) => s.fake.repo(s.slug).pullRequests.get(n)!;
    pr(1).headRefOid = gone;
    pr(2).headRefOid = kept;
    const now = await forcePush(s, 1, { 'a.txt': 'rewritten\n' });
    await collectGarbage(s);
    await forcePush(s, 2, { 'b.txt': 'rewritten\n' });

    const result = await s.rebuild();

    expect(result.result).toBe('pushed');
    expect(outcome(result.outcomes, 1)).toMatchObject({
      status: 'skipped',
      reason: { kind: 'head-moved', expected: gone, actual: now }
    });
    expect(outcome(result.outcomes, 2)).toMatchObject({ status: 'merged', sha: kept });
    expect(outcome(result.outcomes, 3)?.status).toBe('merged');
    expect(await s.files()).toEqual(['README.md', 'b.txt', 'c.txt']);
    expect(await s.origin.showFile('refs/heads/staging', 'b.txt')).toBe('tested\n');

    // Same inputs again: #1 is still not in staging, so it must not be reported as merged.
    const again = await s.rebuild();
    expect(outcome(again.outcomes, 1)).toMatchObject({
      status: 'skipped',
      reason: { kind: 'head-moved' }
    });
    expect(await s.files()).toEqual(['README.md', 'b.txt', 'c.txt']);
  });
});

describe('GitHub faults', () => {
  it('retries a 502 from GraphQL', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    s.fake.injectFault({ kind: 'graphql', status: 502, body: GRAPHQL_SERVER_ERROR_BODY });

    const result = await s.rebuild();

    expect(result.result).toBe('pushed');
    expect(s.fake.pendingFaults()).toBe(0);
    expect(
      s
        .requests()
        .filter(r => r.kind === 'graphql')
        .map(r => r.status)
    ).toEqual([502, 200]);
    expect(await s.staging()).toBe(result.stagingSha);
  });

  it('waits out a secondary rate limit (retry-after: 1) and carries on', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    s.fake.injectSecondaryRateLimit({ kind: 'graphql', retryAfter: 1 });

    const result = await s.rebuild();

    expect(result.result).toBe('pushed');
    expect(s.fake.pendingFaults()).toBe(0);
    expect(
      s
        .requests()
        .filter(r => r.kind === 'graphql')
        .map(r => r.status)
    ).toEqual([403, 200]);
  });

  it('retries a failed git fetch and a failed commit status post', async () => {
    const s = await hub.scenario();
    const head = await s.pr(1, { 'a.txt': 'a\n' });
    const checkout = await s.checkout();
    s.fake.injectFault({ kind: 'git', path: /git-upload-pack/, status: 502 });
    s.fake.injectFault({ kind: 'rest', path: /\/statuses\//, status: 502 });

    const result = await s.rebuild({ 'commit-status': 'staging' }, { checkout });

    expect(result.result).toBe('pushed');
    expect(s.fake.pendingFaults()).toBe(0);
    const statuses = s.fake.repo(s.slug).checks.get(head) ?? [];
    expect(statuses).toContainEqual(
      expect.objectContaining({ context: 'staging', state: 'SUCCESS' })
    );
  });

  it('fails on an outage that outlasts the fetch retries, without trying another fetch or pushing', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    const checkout = await s.checkout();
    s.fake.injectFault({ kind: 'git', path: /git-upload-pack/, status: 502, times: 3 });

    await expect(s.rebuild({}, { checkout })).rejects.toThrow(/git fetch .*502/);
    // Three attempts of the one fetch; not a fallback fetch of refs/pull/N/head after them.
    const fetches = s.requests().filter(r => r.kind === 'git-upload-pack');
    expect(fetches).toHaveLength(3);
    expect(await s.staging()).toBeNull();
  });
});
