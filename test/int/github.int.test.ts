// The GitHub client's pacing, seen from a server: reads arrive together, writes one a second.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { createOctokit, GitHub } from '../../src/io/github.js';

interface Held {
  arrived: number;
  res: http.ServerResponse;
  path: string;
}

function answer(h: Held): void {
  h.res.setHeader('content-type', 'application/json');
  h.res.end(
    h.path === '/graphql'
      ? JSON.stringify({ data: { repository: { defaultBranchRef: { name: 'main' } } } })
      : JSON.stringify({})
  );
}

/** A server that holds every request until `count` are open at once (or `patienceMs` passes). */
async function gather(count: number, patienceMs: number) {
  const held: Held[] = [];
  let answering = false;
  let release: () => void = () => {};
  const all = new Promise<void>(resolve => (release = resolve));
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const h = { arrived: Date.now(), res, path: req.url ?? '' };
      held.push(h);
      // Late arrivals (a paced client) are answered as they come, so nothing is left hanging.
      if (answering) answer(h);
      else if (held.length === count) release();
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const settled = Promise.race([all, new Promise(r => setTimeout(r, patienceMs))]).then(() => {
    answering = true;
    held.forEach(answer);
    return held.length;
  });
  return {
    url,
    settled,
    held,
    close: () => {
      server.closeAllConnections();
      return new Promise(r => server.close(r));
    }
  };
}

let close: (() => Promise<unknown>) | undefined;
afterEach(async () => close?.());

describe('GitHub client pacing', () => {
  it('sends GraphQL reads without waiting a second between them', async () => {
    const server = await gather(4, 3000);
    close = server.close;
    const github = new GitHub(createOctokit('t', server.url), { owner: 'o', repo: 'r' });

    const reads = Promise.all([1, 2, 3, 4].map(() => github.defaultBranch()));
    // Paced like writes, only one of the four would have arrived within the wait (one a second).
    expect(await server.settled).toBe(4);
    expect(await reads).toEqual(['main', 'main', 'main', 'main']);
  });

  it('still spaces writes (commit statuses) as GitHub asks', async () => {
    const server = await gather(2, 300);
    close = server.close;
    const github = new GitHub(createOctokit('t', server.url), { owner: 'o', repo: 'r' });
    const status = { context: 'staging', description: 'd', targetUrl: null };

    const writes = Promise.all([
      github.createStatus('a'.repeat(40), { ...status, state: 'success' as const }),
      github.createStatus('b'.repeat(40), { ...status, state: 'pending' as const })
    ]);
    expect(await server.settled).toBe(1);
    await writes;
    const [first, second] = server.held.map(h => h.arrived);
    expect(second - first).toBeGreaterThanOrEqual(900);
  });
});
