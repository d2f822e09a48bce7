// Two rebuilds started at once, as two workflow runs without a concurrency group would be: both
// read the same staging (a proxy holds each one's GraphQL query until both have sent it), both
// push, one wins. Whichever side catches the race (git's lease check or the server's ref lock),
// it must end as `lease-lost` with a summary and outputs, never as a failed step.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { barrier, startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import {
  WORKFLOW_PATH,
  WRITE_TOKEN,
  startHub,
  type Hub,
  type Scenario
} from '../helpers/rebuild-harness.js';
import { runAction, runnerFiles, type ActionRun, type RunnerFiles } from '../helpers/run-action.js';

const ROUNDS = 5;

let hub: Hub;
let files: RunnerFiles;
beforeAll(async () => {
  [hub, files] = await Promise.all([startHub(), runnerFiles()]);
});
afterAll(async () => Promise.all([hub.close(), files.cleanup()]));

async function start(
  s: Scenario,
  proxy: FaultProxy,
  inputs: Record<string, string>
): Promise<ActionRun> {
  const workspace = await s.checkout();
  return runAction(
    files,
    { mode: 'rebuild', 'github-token': WRITE_TOKEN, 'staging-branch': 'staging', ...inputs },
    {
      GITHUB_REPOSITORY: s.slug,
      GITHUB_API_URL: proxy.url,
      GITHUB_SERVER_URL: hub.fake.url,
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: await files.event({
        ref: 'refs/heads/main',
        repository: { full_name: s.slug, default_branch: 'main' }
      }),
      GITHUB_WORKFLOW_REF: `${s.slug}/${WORKFLOW_PATH}@refs/heads/main`,
      GITHUB_WORKFLOW: 'Staging',
      GITHUB_RUN_ID: '1'
    },
    { timeoutMs: 60_000 }
  );
}

describe('two rebuilds started at once', () => {
  // Odd rounds: identical runs. Even rounds: different ones (one leaves a PR out by label).
  it.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))(
    'round %i: one pushes, the other reports lease-lost (or both agree), none fails',
    async round => {
      const s = await hub.scenario();
      await s.pr(1, { 'a.txt': 'a\n' });
      await s.pr(2, { 'b.txt': 'b\n' }, { labels: ['later'] });
      if (round > 3) await s.rebuild(); // staging exists: the race is on moving it
      await s.pr(3, { 'c.txt': 'c\n' });
      const proxy = await startFaultProxy(hub.fake.url);
      proxy.add({ method: 'POST', path: /^\/graphql/, times: 2, before: barrier(2) });
      const other: Record<string, string> = round % 2 === 0 ? { 'exclude-labels': 'later' } : {};

      const runs = await Promise.all([start(s, proxy, {}), start(s, proxy, other)]);
      await proxy.close();

      for (const run of runs) {
        expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
        expect(run.stdout).not.toContain('::error::');
        expect(run.summary).toContain('<h2>Staging rebuild</h2>');
      }
      const results = runs.map(r => r.outputs.result).sort();
      const staging = await s.staging();
      const pushed = runs.filter(r => r.outputs.result === 'pushed');
      if (pushed.length === 2) {
        // Byte-identical candidates (same inputs, same second): the second push was a no-op.
        expect(pushed[0]?.outputs['staging-sha']).toBe(pushed[1]?.outputs['staging-sha']);
      } else {
        expect(results).toEqual(['lease-lost', 'pushed']);
        const lost = runs.find(r => r.outputs.result === 'lease-lost') as ActionRun;
        expect(lost.outputs.pushed).toBe('false');
        expect(lost.stdout).toMatch(/::warning::staging moved since this run read it/);
        expect(lost.summary).toMatch(/lease|moved/i);
      }
      expect(staging).toBe(pushed[0]?.outputs['staging-sha']);
    },
    120_000
  );
});

describe('a GraphQL endpoint that accepts the connection and never answers', () => {
  it('ends the step after request-timeout with what hung, and changes nothing', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    const proxy = await startFaultProxy(hub.fake.url);
    proxy.add({ method: 'POST', path: /^\/graphql/, hold: true, times: Infinity });

    const run = await start(s, proxy, { 'request-timeout': '2' });
    await proxy.close();

    expect(run.code).toBe(1); // ended by itself: a kill would leave null
    expect(run.stdout).toContain(
      '::error::GitHub: POST /graphql (stagingRebuild) got no answer within 2 s. Nothing was fetched or pushed: staging is as it was.'
    );
    expect(run.outputs).toEqual({});
    expect(proxy.requests.filter(r => r.path.startsWith('/graphql'))).toHaveLength(1);
    expect(await s.staging()).toBeNull();
  });
});
