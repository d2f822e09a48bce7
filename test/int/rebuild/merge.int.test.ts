// What lands on the staging branch: merge order and messages, conflicts and who they are with,
// creating the branch, shallow and full checkouts, the diff guard, the fast path and the commit
// statuses — all against real git and the fake GitHub.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PrOutcome } from '../../../src/rebuild/types.js';
import { startHub, type Hub } from '../../helpers/rebuild-harness.js';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => hub.close());

function outcome(outcomes: PrOutcome[], n: number): PrOutcome | undefined {
  return outcomes.find(o => o.number === n);
}

describe('merging passing PRs', () => {
  it('merges in PR-number order whatever the creation order, one merge commit per PR', async () => {
    const s = await hub.scenario();
    // Opened newest number first: GitHub lists them in creation order, staging must not.
    const sha3 = await s.pr(3, { 'c.txt': 'three\n' }, { title: 'Add c' });
    const sha1 = await s.pr(1, { 'a.txt': 'one\n' }, { title: 'Add a' });
    const sha2 = await s.pr(2, { 'b.txt': 'two\n' }, { title: 'Add b' });

    const result = await s.rebuild();

    expect(result.result).toBe('pushed');
    expect(result.created).toBe(true);
    expect(result.outcomes.map(o => [o.number, o.status])).toEqual([
      [1, 'merged'],
      [2, 'merged'],
      [3, 'merged']
    ]);
    expect(await s.staging()).toBe(result.stagingSha);
    const history = await s.firstParents();
    expect(history).toEqual([
      expect.stringMatching(/^staging: main@[0-9a-f]{7} \+ 3 PRs$/),
      'Merge #3: Add c',
      'Merge #2: Add b',
      'Merge #1: Add a',
      'Initial commit'
    ]);
    // Each merge commit names the PR, its title and the exact head it merged, as its 2nd parent.
    const merge1 = await s.origin.git(['rev-parse', 'refs/heads/staging~3']);
    expect(await s.message(merge1.trim())).toBe(`Merge #1: Add a\n\nHead: ${sha1}\n\n`);
    const parents = await s.origin.git(['log', '-1', '--format=%P', 'refs/heads/staging~1']);
    expect(parents.trim().split(' ')[1]).toBe(sha3);
    expect(await s.message('refs/heads/staging~2')).toContain(`Head: ${sha2}`);
    // The record on top keeps the tree of the last merge and lists what went in.
    const record = await s.message('refs/heads/staging');
    expect(record).toContain('- #1 Add a');
    expect(record).toContain('- #3 Add c');
    expect(record).toMatch(/Staging-Action-Digest: [0-9a-f]{64}/);
    expect(await s.files()).toEqual(['README.md', 'a.txt', 'b.txt', 'c.txt']);
    expect(await s.origin.showFile('refs/heads/staging', 'b.txt')).toBe('two\n');
    const treeOf = async (rev: string): Promise<string> =>
      (await s.origin.git(['rev-parse', `${rev}^{tree}`])).trim();
    expect(await treeOf('refs/heads/staging')).toBe(result.treeSha);
    expect(await treeOf('refs/heads/staging~1')).toBe(result.treeSha);
  });

  it('starts over from the base on every run: a PR that is no longer open leaves staging', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'one\n' });
    await s.pr(2, { 'b.txt': 'two\n' });
    await s.rebuild();
    s.fake.repo(s.slug).pullRequests.get(1)!.state = 'CLOSED';

    const result = await s.rebuild();

    expect(result.result).toBe('pushed');
    expect(result.created).toBe(false);
    expect(result.outcomes.map(o => o.number)).toEqual([2]);
    expect(await s.files()).toEqual(['README.md', 'b.txt']);
    expect((await s.firstParents()).slice(1)).toEqual(['Merge #2: PR 2', 'Initial commit']);
  });

  it('creates the staging branch when it is missing and reports no PRs when there are none', async () => {
    const s = await hub.scenario();
    const main = await s.origin.revParse('refs/heads/main');

    const result = await s.rebuild();

    expect(result).toMatchObject({ result: 'pushed', created: true, outcomes: [] });
    expect(await s.staging()).toBe(result.stagingSha);
    expect(await s.origin.git(['rev-parse', 'refs/heads/staging~1'])).toBe(`${main}\n`);
  });

  it('gives the same tree from a shallow checkout (the default) and a full one', async () => {
    // Two origins with the same content: commit SHAs differ (timestamps), trees must not.
    const build = async (depth: number) => {
      const s = await hub.scenario({ 'README.md': 'app\n', 'shared.txt': 'base\n' });
      await s.pr(1, { 'a.txt': 'one\n', 'shared.txt': 'one\n' });
      await s.origin.commit('main', { 'later.txt': 'later\n' }, 'Later on main');
      await s.pr(2, { 'b.txt': 'two\n' });
      const result = await s.rebuild({}, { depth });
      return { result, files: await s.files() };
    };

    const shallow = await build(1);
    const full = await build(0);

    expect(shallow.result.result).toBe('pushed');
    expect(full.result.result).toBe('pushed');
    expect(full.result.treeSha).toBe(shallow.result.treeSha);
    expect(full.files).toEqual(['README.md', 'a.txt', 'b.txt', 'later.txt', 'shared.txt']);
    expect(shallow.files).toEqual(full.files);
  });
});

describe('other bases and dry runs', () => {
  it('rebuilds from base-branch with only the PRs that target it', async () => {
    const s = await hub.scenario();
    await s.origin.commit('develop', { 'dev.txt': 'dev\n' }, 'Develop');
    await s.pr(1, { 'a.txt': 'a\n' }, { from: 'develop' });
    s.fake.repo(s.slug).pullRequests.get(1)!.baseRefName = 'develop';
    await s.pr(2, { 'b.txt': 'b\n' }); // targets main

    const result = await s.rebuild({
      'base-branch': 'develop',
      'staging-branch': 'develop-staging'
    });

    expect(result).toMatchObject({ result: 'pushed', baseBranch: 'develop' });
    expect(result.outcomes.map(o => o.number)).toEqual([1]);
    expect(await s.files('refs/heads/develop-staging')).toEqual(['README.md', 'a.txt', 'dev.txt']);
    expect(await s.staging()).toBeNull();
  });

  it('computes everything on a dry run and pushes nothing', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });

    const result = await s.rebuild({ 'dry-run': 'true', 'commit-status': 'staging' });

    expect(result.result).toBe('dry-run');
    expect(result.outcomes.map(o => o.status)).toEqual(['merged']);
    expect(await s.staging()).toBeNull();
    expect(await s.origin.revParse(result.stagingSha)).toBeNull(); // the candidate stayed local
    expect(s.count('git-receive-pack')).toBe(0);
    expect(s.count('rest')).toBe(0); // no statuses either
  });
});

describe('conflicts', () => {
  it('skips a PR that conflicts with the base, naming the base and the file', async () => {
    const s = await hub.scenario({ 'README.md': 'app\n', 'config.yaml': 'replicas: 1\n' });
    const conflicting = await s.pr(1, { 'config.yaml': 'replicas: 2\n' }, { title: 'Scale up' });
    await s.origin.commit('main', { 'config.yaml': 'replicas: 3\n' }, 'Scale on main');
    await s.pr(2, { 'b.txt': 'two\n' });

    const result = await s.rebuild();

    expect(result.result).toBe('pushed');
    expect(outcome(result.outcomes, 1)).toMatchObject({
      status: 'skipped',
      reason: { kind: 'conflict', files: ['config.yaml'], with: ['base'] }
    });
    expect(outcome(result.outcomes, 2)?.status).toBe('merged');
    expect(await s.origin.showFile('refs/heads/staging', 'config.yaml')).toBe('replicas: 3\n');
    const record = await s.message('refs/heads/staging');
    expect(record).toContain('- #1 Scale up: conflict with base in config.yaml');
    expect(record).not.toContain(conflicting);
  });

  it('skips a PR that conflicts with an earlier PR, naming it and the files; the earlier one wins', async () => {
    const s = await hub.scenario({ 'README.md': 'app\n', 'a.txt': 'a\n', 'b.txt': 'b\n' });
    await s.pr(1, { 'a.txt': 'from 1\n', 'b.txt': 'from 1\n' });
    await s.pr(2, { 'c.txt': 'c\n' });
    await s.pr(3, { 'a.txt': 'from 3\n', 'b.txt': 'from 3\n', 'd.txt': 'd\n' });
    await s.pr(4, { 'd.txt': 'from 4\n' });

    const result = await s.rebuild();

    expect(result.result).toBe('pushed');
    expect(outcome(result.outcomes, 3)).toMatchObject({
      status: 'skipped',
      reason: { kind: 'conflict', files: ['a.txt', 'b.txt'], with: [1] }
    });
    // #3 stayed out, so #4's d.txt collides with nothing.
    expect(result.outcomes.filter(o => o.status === 'merged').map(o => o.number)).toEqual([
      1, 2, 4
    ]);
    expect(await s.origin.showFile('refs/heads/staging', 'a.txt')).toBe('from 1\n');
    expect(await s.origin.showFile('refs/heads/staging', 'd.txt')).toBe('from 4\n');
    expect(await s.message('refs/heads/staging')).toContain(
      '- #3 PR 3: conflict with #1 in a.txt, b.txt'
    );
  });
});

describe('conflict attribution across many conflicts', () => {
  it('names only PRs merged before the conflict, never a skipped or later one that touched the file', async () => {
    const s = await hub.scenario({ 'README.md': 'app\n', 'a.txt': 'a\n', 'b.txt': 'b\n' });
    await s.pr(1, { 'a.txt': 'from 1\n' });
    await s.pr(2, { 'a.txt': 'from 2\n' });
    await s.pr(3, { 'b.txt': 'from 3\n' });
    await s.pr(4, { 'b.txt': 'from 4\n', 'c.txt': 'c\n' });
    await s.origin.commit('main', { 'b.txt': 'from main\n' }, 'b on main');
    await s.pr(5, { 'c.txt': 'from 5\n' });
    await s.pr(6, { 'a.txt': 'from 6\n', 'c.txt': 'from 6\n' });

    const result = await s.rebuild();

    const skipped = result.outcomes.flatMap(o =>
      o.status === 'skipped' ? [[o.number, o.reason]] : []
    );
    // #3 and #4 conflict with the base; #4 is not blamed on #3 (skipped). #6 collides with #1
    // (merged before the first conflict) and #5 (merged after it), in that order.
    expect(skipped).toEqual([
      [2, { kind: 'conflict', files: ['a.txt'], with: [1] }],
      [3, { kind: 'conflict', files: ['b.txt'], with: ['base'] }],
      [4, { kind: 'conflict', files: ['b.txt'], with: ['base'] }],
      [6, { kind: 'conflict', files: ['a.txt', 'c.txt'], with: [1, 5] }]
    ]);
    expect(result.outcomes.filter(o => o.status === 'merged').map(o => o.number)).toEqual([1, 5]);
  });
});

describe('conflicts git reports in other shapes', () => {
  it('names the earlier PR and the path for modify/delete and file/directory conflicts', async () => {
    const s = await hub.scenario({ 'README.md': 'app\n', 'old.txt': 'old\n' });
    await s.pr(1, { 'old.txt': 'changed\n' });
    await s.pr(2, { 'old.txt': null });
    await s.pr(3, { conf: 'a file\n' });
    await s.pr(4, { 'conf/app.yaml': 'a directory\n' });
    await s.pr(5, { 'charts/app.yaml': 'a directory\n' });
    await s.pr(6, { charts: 'a file\n' });

    const result = await s.rebuild();

    expect(result.result).toBe('pushed');
    const skipped = result.outcomes.flatMap(o =>
      o.status === 'skipped' ? [[o.number, o.reason]] : []
    );
    // git leaves the file side at `conf~<commit>`: users read the path the PRs touched.
    expect(skipped).toEqual([
      [2, { kind: 'conflict', files: ['old.txt'], with: [1] }],
      [4, { kind: 'conflict', files: ['conf'], with: [3] }],
      [6, { kind: 'conflict', files: ['charts'], with: [5] }]
    ]);
    expect(await s.files()).toEqual(['README.md', 'charts/app.yaml', 'conf', 'old.txt']);
  });
});

describe('the diff guard and the fast path', () => {
  it('pushes nothing when the candidate tree equals staging, even without a record', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'one\n' });
    const first = await s.rebuild();
    // Someone replaced staging by hand with the same content and no record.
    const byHand = (
      await s.origin.git(['commit-tree', `${first.treeSha}`, '-p', 'refs/heads/main', '-m', 'x'])
    ).trim();
    await s.origin.setRef('refs/heads/staging', byHand);

    const result = await s.rebuild({ 'commit-status': 'staging' });

    expect(result).toMatchObject({
      result: 'unchanged',
      fastPath: false,
      stagingSha: byHand,
      treeSha: first.treeSha
    });
    expect(outcome(result.outcomes, 1)?.status).toBe('merged');
    expect(await s.staging()).toBe(byHand);
    expect(s.count('git-upload-pack')).toBeGreaterThan(0); // it did rebuild, then held back
    expect(s.count('git-receive-pack')).toBe(0);
    const head = (await s.origin.revParse('refs/pull/1/head')) as string;
    expect(s.fake.repo(s.slug).checks.get(head)).toContainEqual(
      expect.objectContaining({ context: 'staging', state: 'SUCCESS', description: 'In staging' })
    );
  });

  it('pushes nothing when the inputs changed but the result did not (the PR landed on main)', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'one\n' });
    const first = await s.rebuild();
    // The same change reaches main by another commit (a squash merge of a twin PR).
    await s.origin.commit('main', { 'a.txt': 'one\n' }, 'Squashed a');

    const result = await s.rebuild();

    expect(result).toMatchObject({ result: 'unchanged', fastPath: false });
    expect(result.treeSha).toBe(first.treeSha);
    expect(await s.staging()).toBe(first.stagingSha);
    expect(s.count('git-receive-pack')).toBe(0);
  });

  it('stops after the GraphQL read when nothing changed: no fetch, same outcomes and conflicts', async () => {
    const s = await hub.scenario({ 'README.md': 'app\n', 'shared.txt': 'base\n' });
    await s.pr(1, { 'shared.txt': 'one\n' }, { title: 'One' });
    await s.pr(2, { 'shared.txt': 'two\n' }, { title: 'Two' });
    await s.pr(3, { 'c.txt': 'c\n' }, { checks: [{ name: 'lint', conclusion: 'FAILURE' }] });
    const first = await s.rebuild();
    expect(first.result).toBe('pushed');

    const again = await s.rebuild();

    expect(again).toMatchObject({
      result: 'unchanged',
      fastPath: true,
      stagingSha: first.stagingSha,
      treeSha: first.treeSha
    });
    expect(again.outcomes).toEqual(first.outcomes);
    expect(outcome(again.outcomes, 2)).toMatchObject({
      reason: { kind: 'conflict', files: ['shared.txt'], with: [1] }
    });
    expect(s.count('git-upload-pack')).toBe(0);
    expect(s.count('git-receive-pack')).toBe(0);
    expect(s.count('graphql')).toBeGreaterThan(0);
    expect(await s.staging()).toBe(first.stagingSha);
  });

  it('rebuilds when a PR head changes after a fast-path run', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'one\n' });
    await s.rebuild();
    await s.rebuild();
    const next = await s.origin.commit('pr-1', { 'a.txt': 'one, fixed\n' }, 'Fix');
    await s.origin.openPr(1, next);
    s.fake.addCheckRun(next, { repo: s.slug, name: 'test' });

    const result = await s.rebuild();

    expect(result).toMatchObject({ result: 'pushed', fastPath: false });
    expect(await s.origin.showFile('refs/heads/staging', 'a.txt')).toBe('one, fixed\n');
  });
});

describe('commit statuses', () => {
  it('marks merged heads "In staging" and conflicting heads failed with the reason; a rerun is not blocked by them', async () => {
    const s = await hub.scenario({ 'README.md': 'app\n', 'shared.txt': 'base\n' });
    const one = await s.pr(1, { 'shared.txt': 'one\n' });
    const two = await s.pr(2, { 'shared.txt': 'two\n' });
    const failing = await s.pr(
      3,
      { 'c.txt': 'c\n' },
      { checks: [{ name: 'test', conclusion: 'FAILURE' }] }
    );
    const inputs = { 'commit-status': 'staging' };

    await s.rebuild(inputs);

    const statuses = (sha: string): unknown[] =>
      (s.fake.repo(s.slug).checks.get(sha) ?? []).filter(c => c.kind === 'StatusContext');
    expect(statuses(one)).toEqual([
      expect.objectContaining({
        context: 'staging',
        state: 'SUCCESS',
        description: 'In staging',
        targetUrl: `${s.fake.url}/${s.slug}/actions/runs/4242`
      })
    ]);
    expect(statuses(two)).toEqual([
      expect.objectContaining({
        context: 'staging',
        state: 'FAILURE',
        description: 'Not in staging: conflict with #1 in shared.txt'
      })
    ]);
    expect(statuses(failing)).toEqual([]); // a CI skip is GitHub's to show, not ours

    // A new PR forces a full rebuild; #2's own failure status must not turn into "CI failing".
    await s.pr(4, { 'd.txt': 'd\n' });
    const second = await s.rebuild(inputs);
    expect(second.result).toBe('pushed');
    expect(outcome(second.outcomes, 1)?.status).toBe('merged');
    expect(outcome(second.outcomes, 2)).toMatchObject({ reason: { kind: 'conflict' } });
    expect(outcome(second.outcomes, 4)?.status).toBe('merged');
  });

  it('posts only the statuses that change: the new PR after a push, none when nothing changed', async () => {
    const s = await hub.scenario({ 'README.md': 'app\n', 'shared.txt': 'base\n' });
    await s.pr(1, { 'shared.txt': 'one\n' });
    await s.pr(2, { 'shared.txt': 'two\n' });
    const inputs = { 'commit-status': 'staging' };
    const posted = (): string[] =>
      s
        .requests()
        .flatMap(r => (r.method === 'POST' && /\/statuses\//.test(r.path) ? [r.path] : []));
    await s.rebuild(inputs);
    expect(posted()).toHaveLength(2);

    // A new PR: staging is rebuilt and pushed, but #1 and #2 read as they should already.
    const three = await s.pr(3, { 'c.txt': 'c\n' });
    const second = await s.rebuild(inputs);
    expect(second).toMatchObject({ result: 'pushed', fastPath: false });
    expect(posted()).toEqual([expect.stringContaining(three)]);

    // Staging replaced by hand with the same tree and no record: a full rebuild, nothing to post.
    const byHand = (
      await s.origin.git(['commit-tree', second.treeSha, '-p', 'refs/heads/main', '-m', 'x'])
    ).trim();
    await s.origin.setRef('refs/heads/staging', byHand);
    const third = await s.rebuild(inputs);
    expect(third).toMatchObject({ result: 'unchanged', fastPath: false });
    expect(s.count('git-upload-pack')).toBeGreaterThan(0);
    expect(posted()).toEqual([]);

    // A status someone else changed (or that failed to post) is put right on the next rebuild.
    const one = (await s.origin.revParse('refs/pull/1/head')) as string;
    s.fake.addStatus(one, { repo: s.slug, context: 'staging', state: 'PENDING' });
    await s.origin.commit('main', { 'README.md': 'app v2\n' }, 'Base moves');
    await s.rebuild(inputs);
    expect(posted()).toEqual([expect.stringContaining(one)]);
  });
});

describe('fetching', () => {
  it('asks for the SHAs the CI gate judged in one exchange: no ref listing, no refs written', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'one\n' });
    await s.pr(2, { 'b.txt': 'two\n' });
    const workspace = await s.checkout();

    const result = await s.rebuild({}, { checkout: workspace });

    expect(result.outcomes.map(o => o.status)).toEqual(['merged', 'merged']);
    // Protocol v2: the capability advertisement (GET), then one `fetch` (POST); an `ls-refs`
    // round trip would be a second POST.
    const uploads = s.requests().filter(r => r.kind === 'git-upload-pack');
    expect(uploads.map(r => r.method)).toEqual(['GET', 'POST']);
    const refs = execFileSync('git', ['for-each-ref', '--format=%(refname)', 'refs/remotes/pull'], {
      cwd: workspace,
      encoding: 'utf8'
    });
    expect(refs).toBe('');
  });
});
