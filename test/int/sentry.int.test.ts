// monitorSlug against Django's slugify cases, and deleteMonitor against the loopback fake Sentry.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { deleteMonitor, monitorSlug } from '../../src/io/sentry.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { startFakeSentry, type FakeSentry } from '../helpers/fake-sentry.js';

describe('monitorSlug', () => {
  // Cases from Django's own slugify tests (the non-unicode mode Sentry uses).
  it.each([
    ['Hello, World!', 'hello-world'],
    ['spam & eggs', 'spam-eggs'],
    [' multiple---dash and  space ', 'multiple-dash-and-space'],
    ['\t whitespace-in-value \n', 'whitespace-in-value'],
    ['underscore_in-value', 'underscore_in-value'],
    ['__strip__underscore-value___', 'strip__underscore-value'],
    ['_ -strip-mixed-value _-', 'strip-mixed-value'],
    ["Un \u00e9l\u00e9phant \u00e0 l'or\u00e9e du bois", 'un-elephant-a-loree-du-bois']
  ])('slugifies %j like Django', (name, slug) => {
    expect(monitorSlug(name)).toBe(slug);
  });

  it('lowercases, keeps underscores and drops dots', () => {
    expect(monitorSlug('Nightly_Dataset.v2 Build')).toBe('nightly_datasetv2-build');
  });

  it('keeps a DNS-1123 CronJob name of up to 50 characters as it is', () => {
    const name = `staging-ds-${'a'.repeat(39)}`;
    expect(name).toHaveLength(50);
    expect(monitorSlug(name)).toBe(name);
  });

  it('cuts long names to 50 characters without leaving a trailing dash', () => {
    const name = `staging-${'x'.repeat(41)}-pr-1234`;
    expect(name.charAt(49)).toBe('-');
    expect(monitorSlug(name)).toBe(`staging-${'x'.repeat(41)}`);
    expect(monitorSlug(`ds-${'b'.repeat(49)}`)).toBe(`ds-${'b'.repeat(47)}`);
  });

  it('always yields something Sentry can store as a slug', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), name => {
        const slug = monitorSlug(name);
        expect(slug.length).toBeLessThanOrEqual(50);
        expect(slug).toMatch(/^([a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)?$/);
        expect(slug).not.toMatch(/--/);
      })
    );
  });
});

describe('deleteMonitor', () => {
  const token = 'sntrys_test_token';
  let fake: FakeSentry;

  beforeAll(async () => {
    fake = await startFakeSentry({ token, org: 'acme' });
  });

  afterAll(async () => {
    await fake.close();
  });

  it('deletes an existing monitor, then reports it absent', async () => {
    fake.addMonitor('ds-pr-7');
    const options = { url: fake.url, token, org: 'acme' };
    await expect(deleteMonitor(options, 'ds-pr-7')).resolves.toBe('deleted');
    expect(fake.monitors).toEqual([]);
    await expect(deleteMonitor(options, 'ds-pr-7')).resolves.toBe('absent');
    expect(fake.requests.slice(-2)).toEqual([
      { method: 'DELETE', path: '/api/0/organizations/acme/monitors/ds-pr-7/', status: 202 },
      { method: 'DELETE', path: '/api/0/organizations/acme/monitors/ds-pr-7/', status: 404 }
    ]);
  });

  it('uses the project-scoped endpoint when a project is given', async () => {
    fake.addMonitor('ds-pr-8', 'web');
    fake.addMonitor('ds-pr-8', 'api');
    const options = { url: `${fake.url}/`, token, org: 'acme', project: 'api' };
    await expect(deleteMonitor(options, 'ds-pr-8')).resolves.toBe('deleted');
    expect(fake.requests.at(-1)?.path).toBe('/api/0/projects/acme/api/monitors/ds-pr-8/');
    expect(fake.monitors).toEqual([{ org: 'acme', project: 'web', slug: 'ds-pr-8' }]);
  });

  it('encodes path segments instead of letting them change the route', async () => {
    const options = { url: fake.url, token, org: 'acme' };
    await expect(deleteMonitor(options, 'a/b')).resolves.toBe('absent');
    expect(fake.requests.at(-1)?.path).toBe('/api/0/organizations/acme/monitors/a%2Fb/');
  });

  it('fails with the status and Sentry detail when the token is rejected', async () => {
    fake.addMonitor('ds-pr-9');
    const options = { url: fake.url, token: 'wrong', org: 'acme' };
    await expect(deleteMonitor(options, 'ds-pr-9')).rejects.toThrow(
      "Sentry refused to delete cron monitor 'ds-pr-9' (DELETE /api/0/organizations/acme/monitors/ds-pr-9/): HTTP 401 Invalid token"
    );
    expect(fake.monitors.map(m => m.slug)).toContain('ds-pr-9');
  });

  it('says it cannot reach Sentry when nothing listens', async () => {
    const probe = createServer();
    await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>(resolve => probe.close(() => resolve()));
    const options = { url: `http://127.0.0.1:${port}`, token, org: 'acme' };
    await expect(deleteMonitor(options, 'x')).rejects.toThrow(
      new RegExp(`^Cannot reach Sentry at http://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`)
    );
  });

  it('gives up on a Sentry that never answers after the timeout, naming the call', async () => {
    const proxy = await startFaultProxy(fake.url);
    proxy.add({ hold: true, times: Infinity });
    try {
      const options = { url: proxy.url, token, org: 'acme', timeoutMs: 500 };
      await expect(deleteMonitor(options, 'ds-pr-10')).rejects.toThrow(
        `Sentry at ${proxy.url} did not answer DELETE /api/0/organizations/acme/monitors/ds-pr-10/ within 0.5 s`
      );
      expect(proxy.requests).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });
});
