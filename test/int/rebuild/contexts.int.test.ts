// The follow-up query for a PR's checks beyond the first 100 (stagingContexts) asks GitHub a
// second time, so the PR can have changed in between: deleted, or its head force-pushed. Either
// way its CI is not known for the commit the first query read: that PR is skipped with a reason
// saying what was asked and what came back, and the others are merged.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy.js';
import { startHub, type Hub, type Scenario } from '../../helpers/rebuild-harness.js';

let hub: Hub;
let proxy: FaultProxy | undefined;
beforeAll(async () => {
  hub = await startHub();
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});
afterAll(async () => hub.close());

/** PR #1 with 150 passing checks (two pages), PR #2 with one. */
async function crowdedAndPlain(s: Scenario): Promise<string> {
  const crowded = await s.pr(1, { 'a.txt': 'a\n' }, { checks: 'none' });
  for (let i = 0; i < 150; i++) s.fake.addCheckRun(crowded, { repo: s.slug, name: `shard-${i}` });
  await s.pr(2, { 'b.txt': 'b\n' });
  return crowded;
}

const contextsQueries = (s: Scenario): number =>
  s.requests().filter(r => r.operation === 'stagingContexts').length;

describe("a PR's checks after the first 100", () => {
  it('skips the PR when GitHub answers node: null, after asking twice, and merges the rest', async () => {
    const s = await hub.scenario();
    const crowded = await crowdedAndPlain(s);
    const p = await startFaultProxy(s.fake.url);
    proxy = p;
    const nullNode = { status: 200, body: { data: { node: null } } };

    const result = await s.rebuild(
      {},
      {
        env: { GITHUB_API_URL: p.url },
        // Only the follow-up queries get the null node: the first one is answered for real.
        afterQuery: () => {
          p.add({ path: /^\/graphql/, times: 2, respond: nullNode });
          return Promise.resolve();
        }
      }
    );

    expect(result.result).toBe('pushed');
    expect(result.outcomes).toEqual([
      expect.objectContaining({
        number: 1,
        status: 'skipped',
        reason: {
          kind: 'ci-unknown',
          detail:
            `GitHub answered node: null to POST /graphql (stagingContexts) for its checks after ` +
            `the first 100 on ${crowded.slice(0, 7)}, 2 tries: the PR was deleted or cannot be ` +
            `read any more; the next run reads it again`
        }
      }),
      expect.objectContaining({ number: 2, status: 'merged' })
    ]);
    expect(p.pending()).toBe(0);
    expect(await s.files()).toEqual(['README.md', 'b.txt']);
  });

  it('skips the PR as deleted when GitHub cannot resolve its node any more', async () => {
    const s = await hub.scenario();
    await crowdedAndPlain(s);

    const result = await s.rebuild(
      {},
      {
        afterQuery: () => {
          s.fake.repo(s.slug).pullRequests.delete(1);
          return Promise.resolve();
        }
      }
    );

    expect(result.result).toBe('pushed');
    expect(result.outcomes[0]).toMatchObject({
      number: 1,
      status: 'skipped',
      reason: {
        kind: 'ci-unknown',
        detail: expect.stringMatching(
          /^GitHub answered NOT_FOUND \(Could not resolve to a node with the global id of '.+'\) to POST \/graphql \(stagingContexts\) for its checks after the first 100 on [0-9a-f]{7}, 2 tries: /
        )
      }
    });
    expect(contextsQueries(s)).toBe(2);
    expect(await s.files()).toEqual(['README.md', 'b.txt']);
  });

  it('skips the PR as head-moved when it was force-pushed between the queries', async () => {
    const s = await hub.scenario();
    const crowded = await crowdedAndPlain(s);
    let pushed = '';

    const result = await s.rebuild(
      {},
      {
        afterQuery: async () => {
          // A new head with no checks yet: its rollup is null, which the paging plugin could
          // not page ("No pageInfo property found in response").
          pushed = await s.origin.commit('pr-1', { 'a.txt': 'a2\n' }, 'PR 1 again');
          await s.fake.addPullRequest({ repo: s.slug, number: 1, head: pushed, title: 'PR 1' });
        }
      }
    );

    expect(result.result).toBe('pushed');
    expect(result.outcomes[0]).toMatchObject({
      number: 1,
      status: 'skipped',
      reason: { kind: 'head-moved', expected: crowded, actual: pushed }
    });
    // The head moved: asking again would not bring the old commit's checks back.
    expect(contextsQueries(s)).toBe(1);
    expect(await s.files()).toEqual(['README.md', 'b.txt']);
  });

  it("never mixes in the new head's checks when the new head has checks of its own", async () => {
    const s = await hub.scenario();
    const crowded = await crowdedAndPlain(s);
    let pushed = '';

    const result = await s.rebuild(
      {},
      {
        afterQuery: async () => {
          pushed = await s.origin.commit('pr-1', { 'a.txt': 'a2\n' }, 'PR 1 again');
          await s.fake.addPullRequest({ repo: s.slug, number: 1, head: pushed, title: 'PR 1' });
          s.fake.addCheckRun(pushed, { repo: s.slug, name: 'test' });
        }
      }
    );

    expect(result.outcomes[0]).toMatchObject({
      number: 1,
      status: 'skipped',
      reason: { kind: 'head-moved', expected: crowded, actual: pushed }
    });
  });
});
