// Races and faults between rebuild and GitHub that only a proxy in front of the fake can stage
// deterministically: staging moving between git's ref advertisement and its receive-pack, and
// endpoints that never answer.
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy.js';
import { cloneLikeCheckout } from '../../helpers/git-fixture.js';
import {
  OWNER,
  WRITE_TOKEN,
  startHub,
  type Hub,
  type Scenario
} from '../../helpers/rebuild-harness.js';

let hub: Hub;
let proxy: FaultProxy;
beforeAll(async () => {
  hub = await startHub();
});
afterEach(async () => proxy?.close());
afterAll(async () => hub.close());

/** A checkout whose origin is the proxy, so git's traffic goes through it. */
async function proxiedCheckout(s: Scenario): Promise<string> {
  proxy = await startFaultProxy(hub.fake.url);
  return cloneLikeCheckout(s.origin, {
    url: `${proxy.url}/${OWNER}/${s.slug.split('/')[1]}.git`,
    token: WRITE_TOKEN
  });
}

/** Another run's staging: a commit on main the test can recognise. */
async function otherStaging(s: Scenario): Promise<string> {
  const tree = (await s.origin.git(['rev-parse', 'refs/heads/main^{tree}'])).trim();
  return (await s.origin.git(['commit-tree', tree, '-p', 'refs/heads/main', '-m', 'other'])).trim();
}

const RECEIVE_PACK = { method: 'POST', path: /\/git-receive-pack$/ };

describe('staging moved after git read the refs, before receive-pack (the server catches it)', () => {
  it('is lease-lost, not a failure, and overwrites nothing', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    const first = await s.rebuild();
    await s.pr(2, { 'b.txt': 'b\n' });
    const theirs = await otherStaging(s);
    const checkout = await proxiedCheckout(s);
    proxy.add({ ...RECEIVE_PACK, before: () => s.origin.setRef('refs/heads/staging', theirs) });

    const result = await s.rebuild({}, { checkout });

    expect(result).toMatchObject({ result: 'lease-lost', stagingSha: first.stagingSha });
    expect(await s.staging()).toBe(theirs);
    // The push reached receive-pack: git's own lease check had passed.
    expect(proxy.pending()).toBe(0);
    expect(proxy.requests.filter(r => r.rule === 0)).toEqual([
      expect.objectContaining({ method: 'POST', status: 200 })
    ]);
  });

  it('is lease-lost when another run created staging first', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    const theirs = await otherStaging(s);
    const checkout = await proxiedCheckout(s);
    proxy.add({ ...RECEIVE_PACK, before: () => s.origin.setRef('refs/heads/staging', theirs) });

    const result = await s.rebuild({}, { checkout });

    expect(result).toMatchObject({ result: 'lease-lost', created: true, stagingSha: '' });
    expect(await s.staging()).toBe(theirs);
    expect(proxy.pending()).toBe(0);
  });

  it('still fails on a receive-pack refusal that is not a race', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    // What GitHub's own rules answer: a remote rejection that is no lost race.
    const hook = path.join(s.origin.bareDir, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      "#!/bin/sh\necho 'error: GH006: Protected branch update failed for refs/heads/staging.' >&2\nexit 1\n"
    );
    chmodSync(hook, 0o755);

    await expect(s.rebuild()).rejects.toThrow(/Pushing staging failed: .*GH006/s);
    expect(await s.staging()).toBeNull();
  });

  it('does not read a "403" in SHAs, ports or repository names as a permission problem', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    // git's stderr holds SHAs, the server's URL and the repository name: any of them can hold 403.
    const hook = path.join(s.origin.bareDir, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      "#!/bin/sh\necho 'error: 4031b2c in http://127.0.0.1:40310/acme/api-403.git: policy refused' >&2\nexit 1\n"
    );
    chmodSync(hook, 0o755);

    const error: unknown = await s.rebuild().catch((e: unknown) => e);

    expect((error as Error).message).toMatch(/^Pushing staging failed: .*policy refused/s);
    expect((error as Error).message).not.toContain('permissions: contents: write');
    expect(await s.staging()).toBeNull();
  });
});

describe('GitHub endpoints that never answer', () => {
  it('fails the query after request-timeout, once, saying what hung and that nothing changed', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    proxy = await startFaultProxy(hub.fake.url);
    proxy.add({ method: 'POST', path: /^\/graphql/, hold: true, times: Infinity });

    const run = s.rebuild({ 'request-timeout': '1' }, { env: { GITHUB_API_URL: proxy.url } });

    await expect(run).rejects.toThrow(
      'GitHub: POST /graphql (stagingRebuild) got no answer within 1 s. Nothing was fetched or pushed: staging is as it was.'
    );
    // Not retried: each try would wait the whole timeout again.
    expect(proxy.requests.filter(r => r.path.startsWith('/graphql'))).toHaveLength(1);
    expect(s.count('git-upload-pack')).toBe(0);
    expect(await s.staging()).toBeNull();
  });

  it('keeps staging pushed when statuses hang, and stops posting after the first timeout', async () => {
    const s = await hub.scenario();
    for (const n of [1, 2, 3]) await s.pr(n, { [`${n}.txt`]: `${n}\n` });
    proxy = await startFaultProxy(hub.fake.url);
    proxy.add({ method: 'POST', path: /\/statuses\//, hold: true, times: Infinity });

    const result = await s.rebuild(
      { 'request-timeout': '1', 'commit-status': 'staging' },
      { env: { GITHUB_API_URL: proxy.url } }
    );

    expect(result.result).toBe('pushed');
    expect(await s.staging()).toBe(result.stagingSha);
    expect(result.statusErrors).toEqual([
      expect.stringMatching(
        /^#1: POST \/repos\/.*\/statuses\/[0-9a-f]{40} got no answer within 1 s/
      ),
      '#2: not posted after #1 timed out',
      '#3: not posted after #1 timed out'
    ]);
    expect(proxy.requests.filter(r => r.path.includes('/statuses/'))).toHaveLength(1);
  });
});

describe('git traffic that stalls', () => {
  // 3 s, not 1: the GraphQL query before the fetch must not time out on a busy machine.
  it('fails a fetch after request-timeout, once, saying which command and that nothing was pushed', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    const checkout = await proxiedCheckout(s);
    proxy.add({ method: 'POST', path: /\/git-upload-pack$/, hold: true, times: Infinity });

    const run = s.rebuild({ 'request-timeout': '3' }, { checkout });

    await expect(run).rejects.toThrow(
      'git fetch got no data from the server within 3 s (request-timeout): nothing was pushed.'
    );
    // Not retried, like every request timeout.
    expect(proxy.requests.filter(r => r.rule === 0)).toHaveLength(1);
    expect(await s.staging()).toBeNull();
  });

  it('fails a push whose receive-pack never answers, saying it was not confirmed', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    const checkout = await proxiedCheckout(s);
    proxy.add({ ...RECEIVE_PACK, hold: true, times: Infinity });

    const run = s.rebuild({ 'request-timeout': '3' }, { checkout });

    await expect(run).rejects.toThrow(
      'git push got no answer from the server within 3 s (request-timeout): the push was not confirmed'
    );
    expect(proxy.requests.filter(r => r.rule === 0)).toHaveLength(1);
    // The proxy held the pack: the origin never saw it.
    expect(await s.staging()).toBeNull();
  });
});

describe('a PR whose refs/pull/N/head is missing on GitHub', () => {
  /** PRs 1..3; #2's refs/pull/2/head is gone, though GitHub's PR data still names its head. */
  async function withMissingRef(): Promise<{ s: Scenario; head: string }> {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    const head = await s.pr(2, { 'b.txt': 'b\n' });
    await s.pr(3, { 'c.txt': 'c\n' });
    s.fake.repo(s.slug).pullRequests.get(2)!.headRefOid = head;
    await s.origin.deleteRef('refs/pull/2/head');
    return { s, head };
  }

  it('still merges its head when GitHub serves the commit by SHA', async () => {
    const { s, head } = await withMissingRef();

    const result = await s.rebuild();

    expect(result.result).toBe('pushed');
    expect(result.outcomes.map(o => [o.number, o.status])).toEqual([
      [1, 'merged'],
      [2, 'merged'],
      [3, 'merged']
    ]);
    expect(result.outcomes[1]).toMatchObject({ sha: head });
  });

  it('skips it with a reason and merges the rest when the commit is gone too', async () => {
    const { s, head } = await withMissingRef();
    await s.origin.deleteRef('refs/heads/pr-2');
    await s.origin.git(['reflog', 'expire', '--expire=now', '--all']);
    await s.origin.git(['gc', '--prune=now', '--quiet']);

    const result = await s.rebuild();

    expect(result.result).toBe('pushed');
    expect(result.outcomes.find(o => o.number === 2)).toMatchObject({
      status: 'skipped',
      reason: { kind: 'head-missing', sha: head }
    });
    expect(await s.files()).toEqual(['README.md', 'a.txt', 'c.txt']);
  });
});
