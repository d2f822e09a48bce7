// The fake's Actions workflow endpoints answer as GitHub does where the action depends on it:
// the list pages with a Link header and names a workflow without `name:` by its path; a dispatch
// finds the workflow by id or file name and checks the file at the ref it is given.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { installFakeActions, type FakeActions } from '../../helpers/fake-github-actions.js';
import { startFakeGitHub, type FakeGitHub } from '../../helpers/fake-github.js';
import { createOrigin, type Origin } from '../../helpers/git-fixture.js';

const WRITE = 'ghs_fake-write';
const REPO = 'acme/wf';

let fake: FakeGitHub;
let actions: FakeActions;
let origin: Origin;
beforeAll(async () => {
  fake = await startFakeGitHub();
  actions = installFakeActions(fake);
  origin = await createOrigin({
    files: {
      'README.md': 'x\n',
      '.github/workflows/a.yml':
        'name: Deploy\non:\n  workflow_dispatch:\n    inputs:\n      sha:\n        required: true\n      env:\n        default: staging\njobs: {}\n',
      '.github/workflows/b.yml': 'on: push\njobs: {}\n'
    }
  });
  await origin.commit('staging', { 'c.txt': 'c\n' }, 'staging', { from: 'main' });
  fake.addRepo({ repo: REPO, bareDir: origin.bareDir });
});
afterAll(async () => {
  await fake.close();
  await origin.cleanup();
});

async function call(
  method: string,
  path: string,
  body?: unknown,
  token = WRITE
): Promise<{ status: number; body: Record<string, unknown>; link: string | null }> {
  const res = await fetch(`${fake.url}/repos/${REPO}${path}`, {
    method,
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    link: res.headers.get('link')
  };
}

describe('GET /repos/{o}/{r}/actions/workflows', () => {
  it('lists the default branch workflows in pages, named by `name:` or their path', async () => {
    const first = await call('GET', '/actions/workflows?per_page=1');
    expect(first.body.total_count).toBe(2);
    expect(first.body.workflows).toEqual([
      expect.objectContaining({ name: 'Deploy', path: '.github/workflows/a.yml', state: 'active' })
    ]);
    expect(first.link).toMatch(/[?&]page=2>; rel="next"$/);
    const second = await call('GET', '/actions/workflows?per_page=1&page=2');
    expect(second.body.workflows).toEqual([
      expect.objectContaining({ name: '.github/workflows/b.yml', path: '.github/workflows/b.yml' })
    ]);
    expect(second.link).toBeNull();
  });
});

describe('POST /repos/{o}/{r}/actions/workflows/{id}/dispatches', () => {
  const dispatch = (id: string | number, body: unknown, token?: string) =>
    call('POST', `/actions/workflows/${id}/dispatches`, body, token);

  it('accepts a file name or the listed id and records the dispatch', async () => {
    expect((await dispatch('a.yml', { ref: 'staging', inputs: { sha: 'x' } })).status).toBe(204);
    const id = actions.workflowId(REPO, '.github/workflows/a.yml');
    expect((await dispatch(id, { ref: 'main', inputs: { sha: 'y' } })).status).toBe(204);
    expect(actions.dispatches.slice(-2)).toEqual([
      { repo: REPO, workflow: '.github/workflows/a.yml', ref: 'staging', inputs: { sha: 'x' } },
      { repo: REPO, workflow: '.github/workflows/a.yml', ref: 'main', inputs: { sha: 'y' } }
    ]);
  });

  it("answers GitHub's errors", async () => {
    const count = actions.dispatches.length;
    const message = async (id: string, body: unknown): Promise<[number, unknown]> => {
      const r = await dispatch(id, body);
      return [r.status, r.body.message];
    };
    expect(await message('nope.yml', { ref: 'staging' })).toEqual([404, 'Not Found']);
    expect(await message('b.yml', { ref: 'staging' })).toEqual([
      422,
      "Workflow does not have 'workflow_dispatch' trigger"
    ]);
    expect(await message('a.yml', { ref: 'gone', inputs: { sha: 'x' } })).toEqual([
      422,
      'No ref found for: gone'
    ]);
    expect(await message('a.yml', { ref: 'staging', inputs: { sha: 'x', other: '1' } })).toEqual([
      422,
      'Unexpected inputs provided: ["other"]'
    ]);
    expect(await message('a.yml', { ref: 'staging' })).toEqual([
      422,
      "Required input 'sha' not provided"
    ]);
    fake.addWorkflowToken('ghs_read-actions', { contents: 'write', actions: 'read' });
    const denied = await dispatch('a.yml', { ref: 'staging' }, 'ghs_read-actions');
    expect([denied.status, denied.body.message]).toEqual([
      403,
      'Resource not accessible by integration'
    ]);
    expect(actions.dispatches.length).toBe(count);
  });
});
