// What the step says when GitHub answers badly, run from dist/ as a runner would: an outage's
// HTML error page (after the retries), a 200 that carries HTML instead of GraphQL data, and a
// follow-up checks query answered with a null node. A proxy in front of the fake GitHub answers
// in its place.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import {
  WORKFLOW_PATH,
  WRITE_TOKEN,
  startHub,
  type Hub,
  type Scenario
} from '../helpers/rebuild-harness.js';
import { runAction, runnerFiles, type ActionRun, type RunnerFiles } from '../helpers/run-action.js';

const UNICORN = `<!DOCTYPE html>
<html>
  <head>
    <title>Unicorn! &middot; GitHub</title>
    <style type="text/css" media="screen">body { background-color: #f1f1f1; }</style>
  </head>
  <body><p>We're having a really bad day.</p></body>
</html>
`;
const HTML = { 'content-type': 'text/html; charset=utf-8' };

let hub: Hub;
let files: RunnerFiles;
let proxy: FaultProxy | undefined;
beforeAll(async () => {
  [hub, files] = await Promise.all([startHub(), runnerFiles()]);
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});
afterAll(async () => Promise.all([hub.close(), files.cleanup()]));

async function rebuildThrough(s: Scenario, p: FaultProxy): Promise<ActionRun> {
  const workspace = await s.checkout();
  return runAction(
    files,
    { mode: 'rebuild', 'github-token': WRITE_TOKEN, 'staging-branch': 'staging' },
    {
      GITHUB_REPOSITORY: s.slug,
      GITHUB_API_URL: p.url,
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
    // Octokit waits 1 s, 4 s and 9 s between its four tries of a 5xx.
    { timeoutMs: 60_000 }
  );
}

const errorLines = (run: ActionRun): string[] =>
  run.stdout.split('\n').filter(l => l.startsWith('::error::'));

describe('GitHub answering badly, seen from the step', () => {
  it('fails on a 502 HTML page after the retries, naming the call, status, title and tries; nothing pushed', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    const p = (proxy = await startFaultProxy(hub.fake.url));
    p.add({ path: /^\/graphql/, times: 4, respond: { status: 502, body: UNICORN, headers: HTML } });

    const run = await rebuildThrough(s, p);

    expect(run.code).toBe(1);
    expect(errorLines(run)).toEqual([
      '::error::GitHub POST /graphql (stagingRebuild) failed with HTTP 502: Unicorn! · GitHub after 4 tries'
    ]);
    // Never the page itself.
    expect(run.stdout + run.stderr).not.toContain('<html');
    expect(p.pending()).toBe(0);
    expect(await s.staging()).toBeNull();
  }, 90_000);

  it('fails on a 200 with an HTML body, saying it carried no GraphQL data; nothing pushed', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    const p = (proxy = await startFaultProxy(hub.fake.url));
    p.add({ path: /^\/graphql/, respond: { status: 200, body: UNICORN, headers: HTML } });

    const run = await rebuildThrough(s, p);

    expect(run.code).toBe(1);
    expect(errorLines(run)).toEqual([
      '::error::GitHub POST /graphql (stagingRebuild) answered HTTP 200 without GraphQL data: Unicorn! · GitHub'
    ]);
    expect(run.stdout + run.stderr).not.toContain('Cannot convert undefined or null to object');
    expect(await s.staging()).toBeNull();
  });

  it('skips a PR whose follow-up checks query gets node: null, says why, and pushes the rest', async () => {
    const s = await hub.scenario();
    const crowded = await s.pr(1, { 'a.txt': 'a\n' }, { checks: 'none' });
    for (let i = 0; i < 150; i++) s.fake.addCheckRun(crowded, { repo: s.slug, name: `shard-${i}` });
    await s.pr(2, { 'b.txt': 'b\n' });
    const p = (proxy = await startFaultProxy(hub.fake.url));
    // The first query (stagingRebuild) goes through; the two asks for #1's other checks get null.
    p.add({ path: /^\/graphql/ });
    p.add({
      path: /^\/graphql/,
      times: 2,
      respond: { status: 200, body: { data: { node: null } } }
    });

    const run = await rebuildThrough(s, p);

    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.outputs.result).toBe('pushed');
    expect(run.outputs.merged).toBe('[2]');
    const detail =
      `GitHub answered node: null to POST /graphql (stagingContexts) for its checks after the ` +
      `first 100 on ${crowded.slice(0, 7)}, 2 tries: the PR was deleted or cannot be read any ` +
      `more; the next run reads it again`;
    expect(JSON.parse(run.outputs.skipped ?? '')).toEqual([
      { number: 1, reason: 'ci-unknown', detail: `CI not known: ${detail}` }
    ]);
    expect(run.stdout).toContain(`::warning::#1: CI not known: ${detail}`);
    expect(run.summary).toContain('CI not known');
    expect(p.pending()).toBe(0);
    expect(await s.files()).toEqual(['README.md', 'b.txt']);
  });
});
