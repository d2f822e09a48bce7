// Injected faults: the next matching requests answer with a status (and retry-after, delay or
// body) instead of being served.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { json, readBody, tokenFromAuthorization, type Exchange } from './http.ts';
import type { FakeGitHub } from './server.ts';
import type { FaultSpec } from './state.ts';

export interface StoredFault extends FaultSpec {
  remaining: number;
}

export async function answerFault(hub: FakeGitHub, ex: Exchange): Promise<boolean> {
  const target = ex.url.pathname + ex.url.search;
  const fault = hub.faults.find(
    f =>
      f.remaining > 0 &&
      (f.kind === undefined ||
        f.kind === ex.kind ||
        (f.kind === 'git' && ex.kind.startsWith('git-'))) &&
      (f.path === undefined || f.path.test(target))
  );
  if (!fault) return false;
  fault.remaining -= 1;
  if (fault.remaining === 0) hub.faults.splice(hub.faults.indexOf(fault), 1);
  // Drain the request body so the client is not left writing into a closed socket.
  await readBody(ex.req);
  if (fault.delayMs) await sleep(fault.delayMs);
  if (fault.retryAfter !== undefined) ex.res.setHeader('retry-after', String(fault.retryAfter));
  if (!ex.kind.startsWith('git-')) {
    const token = tokenFromAuthorization(ex.req.headers.authorization);
    if (token && hub.tokens.has(token)) hub.rateHeaders(ex, token, false);
  }
  json(ex, fault.status, fault.body ?? { message: http.STATUS_CODES[fault.status] ?? 'Error' });
  return true;
}
