// A loopback stand-in for Sentry's cron monitor deletion endpoints, with Sentry's status codes
// and `detail` bodies.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSentryMonitor {
  org: string;
  project?: string;
  slug: string;
}

export interface FakeSentryRequest {
  method: string;
  path: string;
  status: number;
}

export interface FakeSentry {
  url: string;
  /** Monitors that currently exist (copies). */
  readonly monitors: FakeSentryMonitor[];
  requests: FakeSentryRequest[];
  addMonitor(slug: string, project?: string): void;
  close(): Promise<void>;
}

export interface FakeSentryOptions {
  token: string;
  org: string;
}

// Sentry's slug field: lowercase letters, digits, '-' and '_', not only digits, at most 50 long.
const SLUG = /^(?![0-9]+$)[a-z0-9_-]{1,50}$/;
const NOT_FOUND = { detail: 'The requested resource does not exist' };

interface Reply {
  status: number;
  body?: unknown;
}

export async function startFakeSentry(options: FakeSentryOptions): Promise<FakeSentry> {
  const monitors: FakeSentryMonitor[] = [];
  const requests: FakeSentryRequest[] = [];

  function route(method: string, path: string, auth: string | undefined): Reply {
    if (!auth)
      return { status: 401, body: { detail: 'Authentication credentials were not provided.' } };
    if (auth !== `Bearer ${options.token}`)
      return { status: 401, body: { detail: 'Invalid token' } };
    const org = /^\/api\/0\/organizations\/([^/]+)\/monitors\/([^/]+)\/$/.exec(path);
    const project = /^\/api\/0\/projects\/([^/]+)\/([^/]+)\/monitors\/([^/]+)\/$/.exec(path);
    const match = org
      ? { org: org[1], project: undefined, slug: org[2] }
      : project
        ? { org: project[1], project: project[2], slug: project[3] }
        : null;
    if (!match) return { status: 404, body: NOT_FOUND };
    const orgSlug = decodeURIComponent(match.org);
    if (orgSlug !== options.org) {
      return {
        status: 403,
        body: { detail: 'You do not have permission to perform this action.' }
      };
    }
    if (method !== 'DELETE')
      return { status: 405, body: { detail: `Method "${method}" not allowed.` } };
    const slug = decodeURIComponent(match.slug);
    const projectSlug = match.project === undefined ? undefined : decodeURIComponent(match.project);
    const index = monitors.findIndex(
      m => m.slug === slug && (projectSlug === undefined || m.project === projectSlug)
    );
    if (index < 0) return { status: 404, body: NOT_FOUND };
    monitors.splice(index, 1);
    // Sentry schedules the removal and answers 202 with an empty body.
    return { status: 202 };
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const method = req.method ?? 'GET';
    const reply = route(method, path, req.headers.authorization);
    requests.push({ method, path, status: reply.status });
    if (reply.body === undefined) {
      res.writeHead(reply.status, { 'Content-Length': 0 });
      res.end();
      return;
    }
    const payload = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(payload)
    });
    res.end(payload);
  }

  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handle(req, res));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get monitors() {
      return monitors.map(m => ({ ...m }));
    },
    requests,
    addMonitor(slug, project) {
      if (!SLUG.test(slug)) {
        throw new Error(`Sentry cannot store a monitor with slug '${slug}'`);
      }
      monitors.push(
        project === undefined ? { org: options.org, slug } : { org: options.org, project, slug }
      );
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(err => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      })
  };
}
