// verify-command from dist/: two PRs that each pass but together break the manifest check.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findAll, parseHtml, textContent } from '../helpers/html.js';
import { WRITE_TOKEN, startHub, type Hub, type Scenario } from '../helpers/rebuild-harness.js';
import { actionDefaults, runAction, runnerFiles, type RunnerFiles } from '../helpers/run-action.js';

let hub: Hub;
let files: RunnerFiles;
let s: Scenario;
const heads = new Map<number, string>();

// Every `name:` under apps/ must be unique, as a kustomize build would insist.
const VERIFY = [
  `dups=$(cat apps/*.yaml | grep '^name:' | sort | uniq -d)`,
  `if [ -n "$dups" ]; then echo "duplicate resource: $dups" >&2; exit 1; fi`
].join('\n');

beforeAll(async () => {
  [hub, files] = await Promise.all([startHub(), runnerFiles()]);
  s = await hub.scenario({ 'README.md': 'app\n', 'apps/base.yaml': 'name: base\n' });
  heads.set(1, await s.pr(1, { 'apps/cache.yaml': 'name: cache\n' }, { title: 'Add a cache' }));
  heads.set(2, await s.pr(2, { 'apps/redis.yaml': 'name: cache\n' }, { title: 'Add redis' }));
});
afterAll(async () => Promise.all([hub.close(), files.cleanup()]));

async function env(): Promise<Record<string, string>> {
  return {
    GITHUB_REPOSITORY: s.slug,
    GITHUB_API_URL: s.fake.url,
    GITHUB_SERVER_URL: s.fake.url,
    GITHUB_GRAPHQL_URL: `${s.fake.url}/graphql`,
    GITHUB_WORKSPACE: await s.checkout(),
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_RUN_ID: '99',
    GITHUB_TOKEN: WRITE_TOKEN
  };
}

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...actionDefaults({ 'github.token': WRITE_TOKEN }),
    mode: 'rebuild',
    'commit-status': 'staging',
    'verify-command': VERIFY,
    ...extra
  };
}

describe('node dist/index.js, rebuild with verify-command', () => {
  it('leaves out the PR that breaks the combination, names the one it breaks with, and pushes the rest', async () => {
    const run = await runAction(files, inputs(), await env());

    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.outputs).toMatchObject({ result: 'pushed', merged: '[1]' });
    expect(JSON.parse(run.outputs.skipped ?? '[]')).toEqual([
      {
        number: 2,
        reason: 'verify-failed',
        detail: 'verify-command fails with it combined with #1'
      }
    ]);
    expect(await s.origin.showFile('refs/heads/staging', 'apps/cache.yaml')).toBe('name: cache\n');
    expect(await s.origin.showFile('refs/heads/staging', 'apps/redis.yaml')).toBeNull();

    const summary = parseHtml(run.summary);
    const text = textContent(summary);
    expect(text).toContain('verify-command runs');
    expect(text).toContain('base + #1 #2');
    expect(text).toContain('🧪 verify failed');
    // The left-out PR's output, where its author reads it.
    expect(findAll(summary, 'pre').map(textContent).join('\n')).toContain(
      'duplicate resource: name: cache'
    );
    const statuses = (s.fake.repo(s.slug).checks.get(heads.get(2) as string) ?? []).filter(
      c => c.kind === 'StatusContext'
    );
    expect(statuses).toEqual([
      expect.objectContaining({
        state: 'FAILURE',
        description: 'Not in staging: verify-command fails with it combined with #1'
      })
    ]);
  });

  it('runs nothing on a rerun with nothing changed', async () => {
    const run = await runAction(files, inputs(), await env());

    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'unchanged', merged: '[1]' });
    expect(run.summary).not.toContain('verify-command runs');
    expect(run.summary).toContain('🧪 verify failed');
  });

  it('refuses a bad verify-max-runs before any work', async () => {
    const before = await s.staging();
    const run = await runAction(files, inputs({ 'verify-max-runs': '0' }), await env());

    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Invalid verify-max-runs '0'");
    expect(await s.staging()).toBe(before);
  });
});
