// The fake Kubernetes API server: authentication, the request log, injected faults and latency in
// front of the routes, and the FakeKube handle tests hold.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { applyCronJob } from './apply.ts';
import { clone, obj, str, timestamp } from './objects.ts';
import { route, type Parsed } from './routes.ts';
import {
  failure,
  invalid,
  invalidReply,
  notSupported,
  required,
  subdomainErrors,
  validateLabels
} from './rules.ts';
import { labelsOf, parseLabelSelector } from './selectors.ts';
import { KubeStore } from './store.ts';
import {
  APPLY,
  FLUX_GROUP,
  type FakeKube,
  type FakeKubeFault,
  type FakeKubeOptions,
  type FakeKubeRequest,
  type KubeObject,
  type Reply
} from './types.ts';

function faultMessage(status: number, path: string): string {
  switch (status) {
    case 409:
      return `Operation cannot be fulfilled on ${path}: the object has been modified; please apply your changes to the latest version and try again`;
    case 429:
      return 'Too many requests, please try again later.';
    case 403:
      return `forbidden: User "system:serviceaccount:default:staging" cannot access ${path}`;
    case 503:
      return 'the server is currently unable to handle the request';
    case 504:
      return 'Timeout: request did not complete within requested timeout';
    default:
      return 'Internal error occurred: injected fault';
  }
}

function parseBody(raw: string, contentType: string): unknown {
  if (raw.length === 0) return undefined;
  // YAML is a superset of JSON, and apply bodies may be either.
  return contentType === APPLY ? parseYaml(raw) : JSON.parse(raw);
}

export async function startFakeKube(options: FakeKubeOptions = {}): Promise<FakeKube> {
  const token = options.token ?? 'fake-kube-token';
  const store = new KubeStore();
  const faults: (FakeKubeFault & { remaining: number })[] = [];

  const fake: FakeKube = {
    url: '',
    token,
    requests: [],
    latencyMs: options.latencyMs ?? 0,
    kubeconfig(namespace = 'default') {
      // client-node 2.x refuses plain http unless TLS verification is explicitly skipped.
      return [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        '  - name: fake',
        '    cluster:',
        `      server: ${fake.url}`,
        '      insecure-skip-tls-verify: true',
        'users:',
        '  - name: fake',
        '    user:',
        `      token: ${token}`,
        'contexts:',
        '  - name: fake',
        '    context:',
        '      cluster: fake',
        '      user: fake',
        `      namespace: ${namespace}`,
        'current-context: fake',
        ''
      ].join('\n');
    },
    cronJobs: namespace => store.sorted(store.cronJobs, namespace),
    addCronJob(cronJob, fieldManager = 'seed') {
      const meta = obj(cronJob.metadata);
      const ns = str(meta.namespace) || 'default';
      const query = new URLSearchParams({ fieldManager, force: 'true' });
      const reply = applyCronJob(store, ns, String(meta.name), cronJob, query);
      if (reply.status >= 300) throw new Error(String(obj(reply.body).message));
      return obj(reply.body);
    },
    gitRepositories: namespace => store.sorted(store.gitRepos, namespace),
    addGitRepository(namespace, name, spec) {
      const repo: KubeObject = {
        apiVersion: `${FLUX_GROUP}/v1`,
        kind: 'GitRepository',
        metadata: {
          name,
          namespace,
          uid: randomUUID(),
          resourceVersion: store.nextVersion(),
          generation: 1,
          creationTimestamp: timestamp()
        },
        spec: spec ?? {
          interval: '1m0s',
          url: 'https://github.com/example/staging',
          ref: { branch: 'staging' },
          timeout: '60s'
        },
        status: { observedGeneration: 1, conditions: [] }
      };
      store.bucket(store.gitRepos, namespace).set(name, repo);
      return clone(repo);
    },
    setCronJobStatus(namespace, name, status) {
      const existing = store.cronJobs.get(namespace)?.get(name);
      if (!existing) throw new Error(`fake-kube: no CronJob ${namespace}/${name}`);
      existing.status = clone(status);
      obj(existing.metadata).resourceVersion = store.nextVersion();
    },
    extend(make) {
      store.extensions.push(
        make({
          failure,
          clone,
          invalid,
          required,
          notSupported,
          invalidReply,
          validateLabels,
          labelsOf,
          parseLabelSelector,
          subdomainErrors,
          timestamp
        })
      );
    },
    injectFault(fault) {
      faults.push({ ...fault, remaining: fault.times ?? 1 });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(err => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      })
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const parsed: Parsed = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      contentType: (req.headers['content-type'] ?? '').split(';')[0].trim(),
      raw: Buffer.concat(chunks).toString('utf8')
    };
    const entry: FakeKubeRequest = {
      method: parsed.method,
      path: parsed.path,
      query: Object.fromEntries(url.searchParams),
      status: 0
    };
    if (parsed.contentType) entry.contentType = parsed.contentType;
    fake.requests.push(entry);

    let reply: Reply;
    let body: unknown;
    try {
      body = parseBody(parsed.raw, parsed.contentType);
      if (body !== undefined) entry.body = body;
    } catch (err) {
      body = err;
    }
    if (fake.latencyMs > 0) await delay(fake.latencyMs);
    const fault = faults.find(
      f =>
        f.remaining > 0 &&
        (!f.method || f.method.toUpperCase() === parsed.method) &&
        (!f.path || f.path.test(parsed.path)) &&
        (f.dryRun === undefined || f.dryRun === (parsed.query.get('dryRun') === 'All'))
    );
    if (fault) {
      fault.remaining--;
      if (fault.delayMs) await delay(fault.delayMs);
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      reply = failure(401, 'Unauthorized');
    } else if (fault?.status) {
      reply = failure(fault.status, fault.message ?? faultMessage(fault.status, parsed.path));
      if (fault.status === 429) reply.headers = { 'Retry-After': '1' };
    } else if (body instanceof Error) {
      reply = failure(400, `error decoding request body: ${body.message}`);
    } else {
      reply = route(store, parsed, body, `127.0.0.1:${port}`);
    }
    entry.status = reply.status;
    const payload = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(payload),
      ...reply.headers
    });
    res.end(payload);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`fake-kube crashed: ${String(err)}`);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  fake.url = `http://127.0.0.1:${port}`;
  return fake;
}

function delay(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
