// The fake Sentry speaks HTTP the way Sentry does: checked here with plain fetch, no client code.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFakeSentry, type FakeSentry } from '../../helpers/fake-sentry.js';

const TOKEN = 'sntrys_fake';
let fake: FakeSentry;

beforeAll(async () => {
  fake = await startFakeSentry({ token: TOKEN, org: 'acme' });
});

afterAll(async () => {
  await fake.close();
});

function del(path: string, token: string | null = TOKEN): Promise<Response> {
  return fetch(`${fake.url}${path}`, {
    method: 'DELETE',
    headers: token === null ? {} : { Authorization: `Bearer ${token}` }
  });
}

describe('fake Sentry monitor deletion', () => {
  it('answers 202 with an empty body, then 404 with Sentry detail', async () => {
    fake.addMonitor('nightly');
    const first = await del('/api/0/organizations/acme/monitors/nightly/');
    expect(first.status).toBe(202);
    expect(await first.text()).toBe('');
    const second = await del('/api/0/organizations/acme/monitors/nightly/');
    expect(second.status).toBe(404);
    expect(await second.json()).toEqual({ detail: 'The requested resource does not exist' });
  });

  it('deletes only in the named project on the project-scoped route', async () => {
    fake.addMonitor('shared', 'one');
    fake.addMonitor('shared', 'two');
    const res = await del('/api/0/projects/acme/two/monitors/shared/');
    expect(res.status).toBe(202);
    expect(fake.monitors).toEqual([{ org: 'acme', project: 'one', slug: 'shared' }]);
    expect((await del('/api/0/projects/acme/two/monitors/shared/')).status).toBe(404);
    expect((await del('/api/0/organizations/acme/monitors/shared/')).status).toBe(202);
  });

  it('rejects a wrong or missing token with 401 and leaves monitors alone', async () => {
    fake.addMonitor('guarded');
    const wrong = await del('/api/0/organizations/acme/monitors/guarded/', 'nope');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ detail: 'Invalid token' });
    const missing = await del('/api/0/organizations/acme/monitors/guarded/', null);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      detail: 'Authentication credentials were not provided.'
    });
    expect(fake.monitors.map(m => m.slug)).toContain('guarded');
  });

  it('refuses another organization with 403', async () => {
    const res = await del('/api/0/organizations/other/monitors/guarded/');
    expect(res.status).toBe(403);
  });

  it('logs every request with its answer', async () => {
    await del('/api/0/organizations/acme/monitors/unknown/');
    expect(fake.requests.at(-1)).toEqual({
      method: 'DELETE',
      path: '/api/0/organizations/acme/monitors/unknown/',
      status: 404
    });
  });

  it('cannot hold a monitor whose slug is longer than 50 characters', () => {
    expect(() => fake.addMonitor('a'.repeat(51))).toThrow(/cannot store/);
    expect(() => fake.addMonitor('Upper-Case')).toThrow(/cannot store/);
    expect(() => fake.addMonitor('a'.repeat(50))).not.toThrow();
  });
});
