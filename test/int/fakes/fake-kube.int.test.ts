// The fake API server speaks HTTP the way kube-apiserver does: checked here with plain fetch and
// hand-written bodies, independent of client-node.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stringify as toYaml } from 'yaml';
import { startFakeKube, type FakeKube, type KubeObject } from '../../helpers/fake-kube.js';

const NS = 'staging';
const CJ = `/apis/batch/v1/namespaces/${NS}/cronjobs`;
const APPLY = 'application/apply-patch+yaml';
let fake: FakeKube;

beforeAll(async () => {
  fake = await startFakeKube();
});

afterAll(async () => {
  await fake.close();
});

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

/** Reads a dotted path ('items.0.metadata.name') out of a JSON answer. */
function field(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((cur, key) => {
    if (typeof cur !== 'object' || cur === null) return undefined;
    return (cur as Record<string, unknown>)[key];
  }, value);
}

function list(value: unknown): unknown[] {
  expect(Array.isArray(value)).toBe(true);
  return value as unknown[];
}

function namesOf(value: unknown): unknown[] {
  return list(value).map(item => field(item, 'name'));
}

async function call(
  method: string,
  path: string,
  options: { body?: string; contentType?: string; token?: string | null } = {}
): Promise<Answer> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? fake.token : options.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (options.contentType) headers['Content-Type'] = options.contentType;
  const res = await fetch(`${fake.url}${path}`, { method, headers, body: options.body });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

function cronJob(name: string, patch: (cj: KubeObject) => void = () => {}): KubeObject {
  const cj: KubeObject = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, labels: { tier: 'staging' } },
    spec: {
      schedule: '0 3 * * *',
      jobTemplate: {
        spec: {
          template: {
            spec: {
              restartPolicy: 'OnFailure',
              containers: [{ name: 'job', image: 'busybox:1.36' }]
            }
          }
        }
      }
    }
  };
  patch(cj);
  return cj;
}

function apply(
  cj: KubeObject,
  query = 'fieldManager=test&force=true',
  namespace = NS
): Promise<Answer> {
  const name = (cj.metadata as { name: string }).name;
  const path = `/apis/batch/v1/namespaces/${namespace}/cronjobs/${name}?${query}`;
  return call('PATCH', path, { body: toYaml(cj), contentType: APPLY });
}

function podSpec(cj: KubeObject): KubeObject {
  return field(cj, 'spec.jobTemplate.spec.template.spec') as KubeObject;
}

describe('discovery and auth', () => {
  it('serves the discovery documents client tooling reads', async () => {
    expect(field((await call('GET', '/version')).body, 'gitVersion')).toMatch(/^v1\./);
    expect((await call('GET', '/api')).body).toMatchObject({
      kind: 'APIVersions',
      versions: ['v1']
    });
    const groups = namesOf(field((await call('GET', '/apis')).body, 'groups'));
    expect(groups).toEqual(expect.arrayContaining(['batch', 'source.toolkit.fluxcd.io']));
    const batch = (await call('GET', '/apis/batch/v1')).body;
    expect(field(batch, 'resources')).toContainEqual(
      expect.objectContaining({ name: 'cronjobs', kind: 'CronJob', namespaced: true })
    );
    const flux = (await call('GET', '/apis/source.toolkit.fluxcd.io/v1')).body;
    expect(field(flux, 'resources')).toContainEqual(
      expect.objectContaining({ name: 'gitrepositories', kind: 'GitRepository' })
    );
  });

  it('answers 401 with a Status without the right bearer token', async () => {
    for (const token of [null, 'wrong']) {
      const res = await call('GET', `${CJ}/anything`, { token });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401
      });
    }
  });

  it('writes a kubeconfig with the token, server and namespace', () => {
    const config = fake.kubeconfig('team-a');
    expect(config).toContain(`server: ${fake.url}`);
    expect(config).toContain(`token: ${fake.token}`);
    expect(config).toContain('namespace: team-a');
  });
});

describe('CronJob server-side apply', () => {
  it('answers a missing CronJob with the NotFound Status', async () => {
    const res = await call('GET', `${CJ}/x`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'cronjobs.batch "x" not found',
      reason: 'NotFound',
      details: { name: 'x', group: 'batch', kind: 'cronjobs' },
      code: 404
    });
  });

  it('creates with 201, fills server fields and defaults, and is a no-op when re-applied', async () => {
    const created = await apply(cronJob('apply-a'));
    expect(created.status).toBe(201);
    const meta = field(created.body, 'metadata');
    expect(meta).toMatchObject({ name: 'apply-a', namespace: NS, generation: 1 });
    expect(field(meta, 'uid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(field(meta, 'creationTimestamp')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(field(meta, 'managedFields')).toEqual([
      expect.objectContaining({ manager: 'test', operation: 'Apply', fieldsType: 'FieldsV1' })
    ]);
    expect(field(meta, 'managedFields.0.fieldsV1.f:spec.f:schedule')).toEqual({});
    expect(field(created.body, 'spec')).toMatchObject({
      concurrencyPolicy: 'Allow',
      suspend: false
    });
    expect(field(created.body, 'spec.jobTemplate.spec.template.spec.containers')).toEqual([
      expect.objectContaining({ imagePullPolicy: 'IfNotPresent' })
    ]);

    const again = await apply(cronJob('apply-a'));
    expect(again.status).toBe(200);
    expect(field(again.body, 'metadata.resourceVersion')).toBe(field(meta, 'resourceVersion'));

    const changed = await apply(cronJob('apply-a', cj => ((cj.spec as KubeObject).suspend = true)));
    expect(changed.status).toBe(200);
    expect(Number(field(changed.body, 'metadata.resourceVersion'))).toBeGreaterThan(
      Number(field(meta, 'resourceVersion'))
    );
    expect(field(changed.body, 'metadata.generation')).toBe(2);
    expect(
      fake.cronJobs(NS).filter(c => (c.metadata as KubeObject).name === 'apply-a')
    ).toHaveLength(1);
  });

  it('drops labels the manager no longer applies', async () => {
    await apply(
      cronJob('apply-labels', cj => ((cj.metadata as KubeObject).labels = { a: '1', b: '2' }))
    );
    const res = await apply(
      cronJob('apply-labels', cj => ((cj.metadata as KubeObject).labels = { a: '1' }))
    );
    expect(field(res.body, 'metadata.labels')).toEqual({ a: '1' });
  });

  it('validates but stores nothing on dryRun=All', async () => {
    const res = await apply(cronJob('apply-dry'), 'fieldManager=test&dryRun=All');
    expect(res.status).toBe(201);
    expect(field(res.body, 'metadata.resourceVersion')).toBeUndefined();
    expect((await call('GET', `${CJ}/apply-dry`)).status).toBe(404);
  });

  it('requires a fieldManager for apply', async () => {
    const res = await apply(cronJob('apply-nofm'), 'force=true');
    expect(res.status).toBe(422);
    expect(field(res.body, 'message')).toBe(
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch'
    );
  });

  it('rejects patch types it does not implement with 415', async () => {
    const res = await call('PATCH', `${CJ}/apply-smp?fieldManager=test`, {
      body: '{"spec":{"suspend":true}}',
      contentType: 'application/strategic-merge-patch+json'
    });
    expect(res.status).toBe(415);
    expect(field(res.body, 'reason')).toBe('UnsupportedMediaType');
  });

  it('rejects a body whose namespace differs from the URL', async () => {
    const res = await apply(
      cronJob('apply-ns', cj => ((cj.metadata as KubeObject).namespace = 'prod'))
    );
    expect(res.status).toBe(400);
    expect(field(res.body, 'message')).toBe(
      'the namespace of the provided object does not match the namespace sent on the request'
    );
  });

  it('deletes with a Success Status, then answers 404', async () => {
    await apply(cronJob('apply-del'));
    const res = await call('DELETE', `${CJ}/apply-del?propagationPolicy=Background`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'apply-del', group: 'batch', kind: 'cronjobs' }
    });
    expect((await call('DELETE', `${CJ}/apply-del`)).status).toBe(404);
  });
});

describe('CronJob validation messages', () => {
  const expectInvalid = async (cj: KubeObject, message: string): Promise<void> => {
    const res = await apply(cj);
    expect(res.status).toBe(422);
    expect(field(res.body, 'reason')).toBe('Invalid');
    expect(field(res.body, 'message')).toBe(message);
  };

  it('names that are too long or not DNS-1123', async () => {
    const long = 'n'.repeat(53);
    await expectInvalid(
      cronJob(long),
      `CronJob.batch "${long}" is invalid: metadata.name: Invalid value: "${long}": must be no more than 52 characters`
    );
    const res = await call('PATCH', `${CJ}/Bad_Name?fieldManager=test`, {
      body: toYaml(cronJob('Bad_Name')),
      contentType: APPLY
    });
    expect(field(res.body, 'message')).toMatch(
      /^CronJob\.batch "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of/
    );
  });

  it('label keys and values', async () => {
    await expectInvalid(
      cronJob('bad-key', cj => ((cj.metadata as KubeObject).labels = { 'a/b/c': 'x' })),
      `CronJob.batch "bad-key" is invalid: metadata.labels: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`
    );
    const long = 'v'.repeat(64);
    await expectInvalid(
      cronJob('long-value', cj => ((cj.metadata as KubeObject).labels = { k: long })),
      `CronJob.batch "long-value" is invalid: metadata.labels: Invalid value: "${long}": must be no more than 63 characters`
    );
  });

  it.each([
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['a * * * *', 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
    ['0 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['0 0 * * 5-2', 'beginning of range (5) beyond end of range (2): 5-2'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly']
  ])('schedule %j', async (schedule, detail) => {
    await expectInvalid(
      cronJob('sched', cj => ((cj.spec as KubeObject).schedule = schedule)),
      `CronJob.batch "sched" is invalid: spec.schedule: Invalid value: ${JSON.stringify(schedule)}: ${detail}`
    );
  });

  it.each([
    '@hourly',
    '@every 1h30m',
    '0 0 * * MON-FRI',
    '*/15 2-4 1,15 jan-jun *',
    '5/10 * * * ?'
  ])('accepts schedule %j', async schedule => {
    const res = await apply(
      cronJob('sched-ok', cj => ((cj.spec as KubeObject).schedule = schedule))
    );
    expect(res.status).toBeLessThan(300);
  });

  it('TZ inside the schedule', async () => {
    await expectInvalid(
      cronJob('tz', cj => ((cj.spec as KubeObject).schedule = 'TZ=UTC 0 3 * * *')),
      'CronJob.batch "tz" is invalid: spec.schedule: Invalid value: "TZ=UTC 0 3 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead'
    );
  });

  it('a missing restartPolicy, which defaults to Always', async () => {
    await expectInvalid(
      cronJob('restart', cj => delete podSpec(cj).restartPolicy),
      'CronJob.batch "restart" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"'
    );
  });

  it('schema violations from the published OpenAPI schema', async () => {
    await expectInvalid(
      cronJob('schema', cj => delete podSpec(cj).containers),
      'CronJob.batch "schema" is invalid: spec.jobTemplate.spec.template.spec.containers: Required value'
    );
    await expectInvalid(
      cronJob('schema', cj => ((cj.spec as KubeObject).failedJobsHistoryLimit = 'one')),
      'CronJob.batch "schema" is invalid: spec.failedJobsHistoryLimit: Invalid value: "one": must be integer'
    );
  });

  it('several problems at once, in brackets, with causes', async () => {
    const res = await apply(
      cronJob('multi', cj => {
        (cj.spec as KubeObject).schedule = 'never';
        podSpec(cj).restartPolicy = 'Always';
      })
    );
    expect(field(res.body, 'message')).toBe(
      'CronJob.batch "multi" is invalid: [spec.schedule: Invalid value: "never": expected exactly 5 fields, found 1: [never], spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"]'
    );
    expect(list(field(res.body, 'details.causes')).map(c => field(c, 'field'))).toEqual([
      'spec.schedule',
      'spec.jobTemplate.spec.template.spec.restartPolicy'
    ]);
  });
});

describe('CronJob lists', () => {
  const LISTS = '/apis/batch/v1/namespaces/lists/cronjobs';
  beforeAll(async () => {
    for (const [name, labels] of [
      ['list-a', { app: 'ds', pr: '1' }],
      ['list-b', { app: 'ds', pr: '2' }],
      ['list-c', { app: 'other' }]
    ] as const) {
      await apply(
        cronJob(name, cj => ((cj.metadata as KubeObject).labels = labels)),
        'fieldManager=t',
        'lists'
      );
    }
  });

  const names = async (selector: string): Promise<unknown[]> => {
    const res = await call('GET', `${LISTS}?labelSelector=${encodeURIComponent(selector)}`);
    expect(res.status).toBe(200);
    return list(field(res.body, 'items')).map(i => field(i, 'metadata.name'));
  };

  it('filters by equality, inequality, existence and sets', async () => {
    expect(await names('app=ds')).toEqual(['list-a', 'list-b']);
    expect(await names('app==ds,pr!=1')).toEqual(['list-b']);
    expect(await names('app,!pr')).toEqual(['list-c']);
    expect(await names('pr in (1, 2)')).toEqual(['list-a', 'list-b']);
    expect(await names('app notin (ds)')).toEqual(['list-c']);
    // As in Kubernetes, != and notin also match objects that lack the label.
    expect(await names('pr notin (1)')).toEqual(['list-b', 'list-c']);
  });

  it('returns a CronJobList whose items carry no kind, like the real server', async () => {
    const res = await call('GET', `${LISTS}?labelSelector=app%3Dother`);
    expect(res.body).toMatchObject({ kind: 'CronJobList', apiVersion: 'batch/v1' });
    expect(field(res.body, 'items.0.kind')).toBeUndefined();
  });

  it('pages with limit and continue', async () => {
    const first = await call('GET', `${LISTS}?labelSelector=app&limit=2`);
    expect(field(first.body, 'items')).toHaveLength(2);
    expect(field(first.body, 'metadata.remainingItemCount')).toBe(1);
    const next = await call(
      'GET',
      `${LISTS}?labelSelector=app&limit=2&continue=${String(field(first.body, 'metadata.continue'))}`
    );
    expect(list(field(next.body, 'items')).map(i => field(i, 'metadata.name'))).toEqual(['list-c']);
    expect(field(next.body, 'metadata.continue')).toBeUndefined();
  });

  it('rejects an unparsable selector with 400', async () => {
    const res = await call('GET', `${LISTS}?labelSelector=${encodeURIComponent('bad key=x')}`);
    expect(res.status).toBe(400);
    expect(field(res.body, 'message')).toMatch(/^unable to parse requirement/);
  });
});

describe('Flux GitRepository', () => {
  const path = '/apis/source.toolkit.fluxcd.io/v1/namespaces/flux-system/gitrepositories';

  it('answers 404 before seeding, merge-patches after', async () => {
    const missing = await call('GET', `${path}/repo`);
    expect(missing.status).toBe(404);
    expect(field(missing.body, 'message')).toBe(
      'gitrepositories.source.toolkit.fluxcd.io "repo" not found'
    );

    fake.addGitRepository('flux-system', 'repo');
    const res = await call('PATCH', `${path}/repo`, {
      body: JSON.stringify({
        metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': 'now' } }
      }),
      contentType: 'application/merge-patch+json'
    });
    expect(res.status).toBe(200);
    expect(field(res.body, 'metadata.annotations')).toEqual({
      'reconcile.fluxcd.io/requestedAt': 'now'
    });
    expect(field(res.body, 'spec.url')).toBe('https://github.com/example/staging');
    expect(fake.gitRepositories('flux-system')[0].metadata).toMatchObject({
      annotations: { 'reconcile.fluxcd.io/requestedAt': 'now' }
    });
  });

  it('refuses apply patches on the custom resource with 415', async () => {
    fake.addGitRepository('flux-system', 'repo2');
    const res = await call('PATCH', `${path}/repo2?fieldManager=x`, {
      body: '{}',
      contentType: APPLY
    });
    expect(res.status).toBe(415);
  });
});

describe('fault injection and the request log', () => {
  it('fails matching requests the given number of times, then recovers', async () => {
    const lists = '/apis/batch/v1/namespaces/lists/cronjobs';
    fake.injectFault({ method: 'GET', path: /cronjobs\/list-a$/, status: 503, times: 2 });
    expect((await call('GET', `${lists}/list-a`)).status).toBe(503);
    expect((await call('GET', `${lists}/list-b`)).status).toBe(200);
    expect((await call('GET', `${lists}/list-a`)).status).toBe(503);
    expect((await call('GET', `${lists}/list-a`)).status).toBe(200);
  });

  it('sends Retry-After with 429 and honours delays', async () => {
    fake.injectFault({ status: 429, delayMs: 60 });
    const started = Date.now();
    const res = await call('GET', '/version');
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(field(res.body, 'reason')).toBe('TooManyRequests');
  });

  it('adds the configured latency to every request', async () => {
    fake.latencyMs = 80;
    try {
      const started = Date.now();
      expect((await call('GET', '/version')).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    } finally {
      fake.latencyMs = 0;
    }
  });

  it('logs method, path, query, status and content type', async () => {
    await call('GET', `${CJ}?labelSelector=app`);
    expect(fake.requests.at(-1)).toEqual({
      method: 'GET',
      path: CJ,
      query: { labelSelector: 'app' },
      status: 200
    });
  });

  it('seeds CronJobs through the same validation as the API', () => {
    expect(() =>
      fake.addCronJob(cronJob('seed', cj => ((cj.spec as KubeObject).schedule = 'x')))
    ).toThrow(/spec\.schedule: Invalid value/);
    const seeded = fake.addCronJob(
      cronJob('seed', cj => ((cj.metadata as KubeObject).namespace = 'other'))
    );
    expect((seeded.metadata as KubeObject).managedFields).toEqual([
      expect.objectContaining({ manager: 'seed' })
    ]);
    expect(fake.cronJobs('other')).toHaveLength(1);
  });
});
