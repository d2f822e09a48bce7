// What a failed GitHub call tells the user: which call, what came back (status and first line,
// an HTML page reduced to its title), and how many tries were made.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createOctokit, GitHub } from '../../src/io/github.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { createOrigin, type Origin } from '../helpers/git-fixture.js';

const UNICORN = `<!DOCTYPE html>
<html>
  <head>
    <meta http-equiv="Content-type" content="text/html; charset=utf-8">
    <title>Unicorn! &middot; GitHub</title>
    <style type="text/css" media="screen">body { background-color: #f1f1f1; }</style>
  </head>
  <body><p>We're having a really bad day.</p></body>
</html>
`;
const HTML = { 'content-type': 'text/html; charset=utf-8' };

let fake: FakeGitHub;
let origin: Origin;
let proxy: FaultProxy;
beforeAll(async () => {
  [fake, origin] = await Promise.all([startFakeGitHub(), createOrigin()]);
  fake.addRepo({ repo: 'acme/pipelines', bareDir: origin.bareDir });
  proxy = await startFaultProxy(fake.url);
});
afterAll(async () => Promise.all([proxy.close(), fake.close(), origin.cleanup()]));

// Retries 10 ms, 40 ms, 90 ms apart instead of 1 s, 4 s, 9 s: the same four tries, sooner.
const github = (repo = 'pipelines', url = proxy.url): GitHub =>
  new GitHub(createOctokit('ghs_fake-write', url, 5000, 10), { owner: 'acme', repo });

async function failure(call: Promise<unknown>): Promise<string> {
  const error: unknown = await call.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

describe('GitHub errors', () => {
  it('names the call, the status, the HTML page by its title and the tries for a 502', async () => {
    const before = proxy.requests.length;
    proxy.add({
      path: /^\/graphql/,
      times: 4,
      respond: { status: 502, body: UNICORN, headers: HTML }
    });

    const message = await failure(github().defaultBranch());

    expect(message).toBe(
      'GitHub POST /graphql (stagingDefaultBranch) failed with HTTP 502: Unicorn! · GitHub after 4 tries'
    );
    expect(proxy.requests.slice(before).map(r => r.status)).toEqual([502, 502, 502, 502]);
  });

  it('says a 200 with an HTML body carried no GraphQL data, instead of a TypeError', async () => {
    proxy.add({ path: /^\/graphql/, respond: { status: 200, body: UNICORN, headers: HTML } });

    const message = await failure(github().stageBranches());

    expect(message).toBe(
      'GitHub POST /graphql (stagingStageBranches) answered HTTP 200 without GraphQL data: Unicorn! · GitHub'
    );
  });

  it('recovers when a retry gets through, and then says nothing', async () => {
    proxy.add({
      path: /^\/graphql/,
      times: 2,
      respond: { status: 502, body: UNICORN, headers: HTML }
    });
    await expect(github().defaultBranch()).resolves.toBe('main');
  });

  it("puts GitHub's GraphQL reason on the first line", async () => {
    const message = await failure(github('nope').defaultBranch());

    expect(message.split('\n')).toEqual([
      "GitHub POST /graphql (stagingDefaultBranch) failed: Could not resolve to a Repository with the name 'acme/nope'."
    ]);
  });

  it("shows a JSON error's message for a REST write, and keeps its status", async () => {
    fake.injectFault({ kind: 'rest', status: 422, body: { message: 'Validation Failed' } });
    const status = { state: 'success' as const, context: 'c', description: 'd', targetUrl: null };

    const error: unknown = await github()
      .createStatus('a'.repeat(40), status)
      .catch((e: unknown) => e);

    expect((error as Error).message).toBe(
      'GitHub POST /repos/{owner}/{repo}/statuses/{sha} failed with HTTP 422: Validation Failed'
    );
    expect((error as { status?: number }).status).toBe(422);
  });

  it('says which call could not reach GitHub at all', async () => {
    const closed = await startFaultProxy(fake.url);
    const url = closed.url;
    await closed.close();

    const message = await failure(github('pipelines', url).defaultBranch());

    // What a real process prints (octokit puts the socket's reason first); see test/setup.ts.
    expect(message).toMatch(
      /^GitHub POST \/graphql \(stagingDefaultBranch\) failed: connect ECONNREFUSED 127\.0\.0\.1:\d+: fetch failed after 4 tries$/
    );
  });
});
