// One HTTP exchange with the fake: routing by kind, bodies, tokens from Authorization headers, and
// answers shaped like GitHub's (JSON, REST errors).
import type http from 'node:http';
import type { Node } from './connection.ts';
import type { RequestKind, RequestLogEntry } from './state.ts';

export interface Exchange {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  url: URL;
  kind: RequestKind;
  bytes: number;
  operation?: string;
  /** The request log (its length numbers the x-github-request-id). */
  log: readonly RequestLogEntry[];
}

export const GIT_PATH =
  /^\/([^/]+)\/([^/]+?)(?:\.git)?(\/(?:info\/refs|git-upload-pack|git-receive-pack|HEAD|objects\/.+))$/;

export function classify(url: URL): RequestKind {
  if (url.pathname === '/graphql' || url.pathname === '/api/graphql') return 'graphql';
  const git = GIT_PATH.exec(url.pathname);
  if (!git) return 'rest';
  const suffix = git[3] ?? '';
  const service = url.searchParams.get('service');
  if (suffix === '/git-upload-pack' || service === 'git-upload-pack') return 'git-upload-pack';
  if (suffix === '/git-receive-pack' || service === 'git-receive-pack') return 'git-receive-pack';
  return 'git-other';
}

export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function tokenFromAuthorization(header: string | undefined): string | null {
  if (!header) return null;
  const bearer = /^(?:bearer|token)\s+(\S+)\s*$/i.exec(header);
  if (bearer) return bearer[1] ?? null;
  const basic = /^basic\s+(\S+)\s*$/i.exec(header);
  if (!basic?.[1]) return null;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  // actions/checkout sends `x-access-token:<token>`; a bare token as the username also works.
  const user = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  return password || user || null;
}

export function write(ex: Exchange, chunk: Buffer | string): boolean {
  ex.bytes += Buffer.byteLength(chunk);
  return ex.res.write(chunk);
}

export function json(ex: Exchange, status: number, body: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  ex.res.statusCode = status;
  if (text) ex.res.setHeader('content-type', 'application/json; charset=utf-8');
  ex.res.setHeader('x-github-request-id', `FAKE:${ex.log.length}:${Date.now()}`);
  if (text) write(ex, text);
  ex.res.end();
}

export function restError(
  ex: Exchange,
  status: number,
  message: string,
  docs = 'https://docs.github.com/rest',
  extra: Node = {}
): void {
  json(ex, status, { message, ...extra, documentation_url: docs, status: String(status) });
}
