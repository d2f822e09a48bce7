// Past GitHub's page size: more than 100 open PRs, and a PR with more than 100 check contexts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openManyPrs, startHub, type Hub } from '../../helpers/rebuild-harness.js';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => hub.close());

describe('pagination', () => {
  it('merges all of 120 open PRs, in number order', async () => {
    const s = await hub.scenario();
    const heads = await openManyPrs(s, 120);

    const result = await s.rebuild();

    expect(result.result).toBe('pushed');
    expect(result.outcomes).toHaveLength(120);
    expect(result.outcomes.every(o => o.status === 'merged')).toBe(true);
    // The first 100 with the repository's fields, then the other 20 without them.
    expect(
      s
        .requests()
        .filter(r => r.kind === 'graphql')
        .map(r => r.operation)
    ).toEqual(['stagingRebuild', 'stagingPullRequests']);
    const files = await s.files();
    expect(files.filter(f => f.startsWith('prs/'))).toHaveLength(120);
    const history = await s.firstParents();
    expect(history).toHaveLength(122); // record, 120 merges, the initial commit
    expect(history.slice(1, 121)).toEqual(
      Array.from({ length: 120 }, (_, i) => `Merge #${120 - i}: PR ${120 - i}`)
    );
    expect(await s.message('refs/heads/staging~1')).toContain(`Head: ${heads.get(120)}`);
  });

  it('reads every check of a PR with more than 100 of them', async () => {
    const s = await hub.scenario();
    const crowded = await s.pr(1, { 'a.txt': 'a\n' }, { checks: 'none' });
    const green = await s.pr(2, { 'b.txt': 'b\n' }, { checks: 'none' });
    for (let i = 0; i < 150; i++) {
      s.fake.addCheckRun(crowded, { repo: s.slug, name: `shard-${i}` });
      s.fake.addCheckRun(green, { repo: s.slug, name: `shard-${i}` });
    }
    // Only on the second page of #1's checks.
    s.fake.addCheckRun(crowded, { repo: s.slug, name: 'shard-149', conclusion: 'FAILURE' });

    const result = await s.rebuild();

    expect(result.outcomes).toEqual([
      expect.objectContaining({
        number: 1,
        status: 'skipped',
        reason: { kind: 'ci-failing', checks: ['CI / shard-149'] }
      }),
      expect.objectContaining({ number: 2, status: 'merged' })
    ]);
    expect(s.requests().filter(r => r.operation === 'stagingContexts').length).toBeGreaterThan(0);
    expect(await s.files()).toEqual(['README.md', 'b.txt']);
  });
});
