// An HTTP proxy in front of any fake (GitHub with its git smart HTTP, Kubernetes, Sentry) that
// injects what the fakes' own fault rules cannot: a request held without an answer, any status,
// body and headers, and a test's own action between two requests (say, moving a ref in the bare
// origin when the push's receive-pack POST arrives, after git has read the ref advertisement).
//
// Rules are tried in the order they were added; the first one that matches and has uses left
// applies. Unmatched requests are forwarded unchanged. Deliberately self-contained (no relative
// imports, no TypeScript-only runtime syntax), like the fakes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FaultRule {
  method?: string;
  /** Tested against the path and query string. */
  path?: RegExp;
  /** How many matching requests it applies to (default 1; Infinity for all). */
  times?: number;
  /** Runs first, before the request is held, answered or forwarded (awaited). */
  before?: () => unknown;
  /** Waits this long before answering or forwarding. */
  delayMs?: number;
  /** Never answers (the connection stays open until the client gives up or the proxy closes). */
  hold?: boolean;
  /** Answers with this instead of forwarding. A string body is sent as is, anything else as JSON. */
  respond?: { status: number; body?: unknown; headers?: Record<string, string> };
}

export interface ProxyLogEntry {
  method: string;
  path: string;
  /** The status sent back; null while held, or when the client went away first. */
  status: number | null;
  /** Which rule applied (its index in the order added), or null when forwarded untouched. */
  rule: number | null;
}

interface StoredRule extends FaultRule {
  index: number;
  remaining: number;
}

export class FaultProxy {
  url = '';
  readonly requests: ProxyLogEntry[] = [];
  private readonly rules: StoredRule[] = [];
  private readonly server: http.Server;
  private added = 0;

  constructor(private readonly target: string) {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.statusCode = 502;
        res.end(`fault-proxy: ${String(error)}`);
      });
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  add(rule: FaultRule): this {
    this.rules.push({ ...rule, index: this.added++, remaining: rule.times ?? 1 });
    return this;
  }

  /** Uses left of every rule (Infinity for a rule without limit). */
  pending(): number {
    return this.rules.reduce((n, r) => n + r.remaining, 0);
  }

  /** Requests that got no answer (held, or the client gave up). */
  unanswered(): ProxyLogEntry[] {
    return this.requests.filter(r => r.status === null);
  }

  /** Ends held requests and every open connection. */
  async close(): Promise<void> {
    const closed = new Promise<void>(resolve => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const target = req.url ?? '/';
    const entry: ProxyLogEntry = {
      method: req.method ?? 'GET',
      path: target,
      status: null,
      rule: null
    };
    this.requests.push(entry);
    res.once('finish', () => (entry.status = res.statusCode));
    const rule = this.rules.find(
      r =>
        r.remaining > 0 &&
        (r.method === undefined || r.method === req.method) &&
        (r.path === undefined || r.path.test(target))
    );
    if (rule) {
      rule.remaining -= 1;
      entry.rule = rule.index;
      if (rule.before) await rule.before();
      if (rule.delayMs) await sleep(rule.delayMs);
      if (rule.hold) {
        req.resume(); // read the body so the client is not stuck writing it
        return;
      }
      if (rule.respond) {
        req.resume();
        const { status, body, headers = {} } = rule.respond;
        const text =
          body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
        const type = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
        res.writeHead(status, { ...(text ? { 'content-type': type } : {}), ...headers });
        res.end(text);
        return;
      }
    }
    await this.forward(req, res);
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.target);
    return new Promise((resolve, reject) => {
      const upstream = http.request(
        url,
        { method: req.method, headers: { ...req.headers, host: url.host } },
        answer => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.once('end', () => resolve());
          answer.once('error', reject);
        }
      );
      upstream.once('error', reject);
      res.once('close', () => upstream.destroy());
      req.pipe(upstream);
    });
  }
}

/** A proxy in front of `target` (a fake's base URL), listening. */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const proxy = new FaultProxy(target);
  await proxy.listen();
  return proxy;
}

/**
 * `before` for a rule with `times: n`: each of the first `n` matching requests waits until all
 * `n` have arrived, so runs started together reach that point together.
 */
export function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let release: () => void = () => undefined;
  const all = new Promise<void>(resolve => (release = resolve));
  return () => {
    arrived += 1;
    if (arrived >= n) release();
    return all;
  };
}
