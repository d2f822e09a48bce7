// The runner's proxy settings, seen from a proxy: GitHub requests go through `http_proxy` (with
// the proxy URL's credentials), `no_proxy` sends them direct, and the client identifies itself
// as @actions/github did (token auth, user agent with the orchestration id).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createOctokit, GitHub } from '../../src/io/github.js';
import { startConnectProxy, type ConnectProxy } from '../helpers/connect-proxy.js';

// A host name that resolves nowhere: only the proxy (which sends it to 127.0.0.1) reaches it.
// (A loopback address would bypass any proxy, as @actions/http-client decides.)
const HOST = 'github.staging-proxy.invalid';
const ENV = [
  'http_proxy',
  'HTTP_PROXY',
  'https_proxy',
  'HTTPS_PROXY',
  'no_proxy',
  'NO_PROXY',
  'ACTIONS_ORCHESTRATION_ID'
];

interface Seen {
  method: string;
  path: string;
  authorization: string | undefined;
  userAgent: string | undefined;
}

async function startGitHub() {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        userAgent: req.headers['user-agent']
      });
      res.setHeader('content-type', 'application/json');
      res.statusCode = req.url === '/graphql' ? 200 : 201;
      res.end(JSON.stringify({ data: { repository: { defaultBranchRef: { name: 'main' } } } }));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}`,
    port,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise(resolve => server.close(resolve));
    }
  };
}

let saved: Record<string, string | undefined> = {};
let github: Awaited<ReturnType<typeof startGitHub>>;
let proxy: ConnectProxy;

beforeEach(async () => {
  saved = Object.fromEntries(ENV.map(name => [name, process.env[name]]));
  for (const name of ENV) delete process.env[name];
  github = await startGitHub();
  proxy = await startConnectProxy();
});

afterEach(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await Promise.all([github.close(), proxy.close()]);
});

const repo = { owner: 'o', repo: 'r' };

describe('GitHub client behind a proxy', () => {
  it('sends reads and writes through http_proxy, with the credentials of its URL', async () => {
    process.env.http_proxy = `http://staging:p%40ss@127.0.0.1:${proxy.port}`;
    process.env.ACTIONS_ORCHESTRATION_ID = 'run 1/a';
    const client = new GitHub(createOctokit('ghs_t', github.url, 5000, 10), repo);

    expect(await client.defaultBranch()).toBe('main');
    await client.createStatus('a'.repeat(40), {
      state: 'success',
      context: 'staging',
      description: 'd',
      targetUrl: null
    });

    expect(proxy.log.length).toBeGreaterThan(0);
    for (const entry of proxy.log) {
      expect(entry.target).toBe(`${HOST}:${github.port}`);
      expect(entry.proxyAuthorization).toBe(
        `Basic ${Buffer.from('staging:p@ss').toString('base64')}`
      );
    }
    expect(github.seen.map(s => `${s.method} ${s.path}`)).toEqual([
      'POST /graphql',
      `POST /repos/o/r/statuses/${'a'.repeat(40)}`
    ]);
    for (const s of github.seen) {
      expect(s.authorization).toBe('token ghs_t');
      expect(s.userAgent).toMatch(/^staging-action actions_orchestration_id\/run_1_a /);
    }
  });

  it('goes direct for a host in no_proxy (which this host name cannot be reached by)', async () => {
    process.env.HTTP_PROXY = proxy.url;
    process.env.no_proxy = 'example.com, .staging-proxy.invalid';
    const client = new GitHub(createOctokit('ghs_t', github.url, 5000, 10), repo);

    await expect(client.defaultBranch()).rejects.toThrow(/GitHub POST \/graphql/);
    expect(proxy.log).toEqual([]);
    expect(github.seen).toEqual([]);
  });

  it('uses no proxy when none is set', async () => {
    const client = new GitHub(createOctokit('ghs_t', `http://127.0.0.1:${github.port}`), repo);

    expect(await client.defaultBranch()).toBe('main');
    expect(proxy.log).toEqual([]);
    expect(github.seen[0]?.userAgent).toMatch(/^staging-action octokit-core\.js\//);
  });
});
