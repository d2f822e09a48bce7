// The runner's proxy settings from dist/: with http_proxy set, the GitHub API calls of a rebuild
// (GraphQL reads, the commit-status writes) go through the proxy, whose undici client is loaded
// only then, and the rebuild pushes as without one. The API host name resolves nowhere, so only
// the proxy can reach the fake GitHub; git talks to it directly (GITHUB_SERVER_URL, no_proxy).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startConnectProxy, type ConnectProxy } from '../helpers/connect-proxy.js';
import { WORKFLOW_PATH, WRITE_TOKEN, startHub, type Hub } from '../helpers/rebuild-harness.js';
import { runAction, runnerFiles, type RunnerFiles } from '../helpers/run-action.js';

const HOST = 'github.staging-proxy.invalid';

let hub: Hub;
let files: RunnerFiles;
let proxy: ConnectProxy;
beforeAll(async () => {
  [hub, files, proxy] = await Promise.all([startHub(), runnerFiles(), startConnectProxy()]);
});
afterAll(async () => Promise.all([hub.close(), files.cleanup(), proxy.close()]));

describe('rebuild behind a proxy', () => {
  it('sends every GitHub API call through http_proxy and pushes staging', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    const port = new URL(hub.fake.url).port;
    const workspace = await s.checkout();

    const run = await runAction(
      files,
      { mode: 'rebuild', 'github-token': WRITE_TOKEN, 'staging-branch': 'staging' },
      {
        GITHUB_REPOSITORY: s.slug,
        GITHUB_API_URL: `http://${HOST}:${port}`,
        GITHUB_SERVER_URL: hub.fake.url,
        GITHUB_WORKSPACE: workspace,
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_EVENT_PATH: await files.event({
          ref: 'refs/heads/main',
          repository: { full_name: s.slug, default_branch: 'main' }
        }),
        GITHUB_WORKFLOW_REF: `${s.slug}/${WORKFLOW_PATH}@refs/heads/main`,
        GITHUB_WORKFLOW: 'Staging',
        GITHUB_RUN_ID: '1',
        http_proxy: proxy.url,
        no_proxy: '127.0.0.1'
      }
    );

    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.outputs.result).toBe('pushed');
    expect(await s.files()).toEqual(['README.md', 'a.txt']);
    expect(proxy.log.length).toBeGreaterThan(0);
    expect(new Set(proxy.log.map(r => r.target))).toEqual(new Set([`${HOST}:${port}`]));
  });
});
