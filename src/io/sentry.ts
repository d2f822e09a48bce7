// Sentry edge: the slug Sentry derives from a cron monitor name, and deleting that monitor.
import { retry, retryAfterMs } from '../util/retry.js';
import { DEFAULT_REQUEST_TIMEOUT_S, formatSeconds, isTimeoutAbort } from '../util/timeout.js';

export interface SentryOptions {
  /** Base URL of the Sentry instance; default https://sentry.io. */
  url?: string;
  token: string;
  org: string;
  /** When set, the project-scoped monitor endpoint is used. */
  project?: string | null;
  /** Deadline of each request (default 30 s). */
  timeoutMs?: number;
}

const DEFAULT_URL = 'https://sentry.io';
const MAX_SLUG_LENGTH = 50;
// Python's \s on ASCII text also matches the information separators \x1c-\x1f.
const WHITESPACE = '\\t\\n\\v\\f\\r \\x1c-\\x1f';

/**
 * Sentry's slug for a monitor name: Django's slugify (NFKD → ASCII, drop what is not a word
 * character, whitespace or hyphen, lowercase, collapse whitespace/hyphen runs to '-', strip '-'
 * and '_' at the ends), cut to 50 characters, trailing dashes stripped again.
 */
export function monitorSlug(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0080-\uffff]/g, '');
  const slug = ascii
    .toLowerCase()
    .replace(new RegExp(`[^\\w${WHITESPACE}-]`, 'g'), '')
    .replace(new RegExp(`[-${WHITESPACE}]+`, 'g'), '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  return slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
}

function monitorPath(options: SentryOptions, slug: string): string {
  const seg = encodeURIComponent;
  return options.project
    ? `/api/0/projects/${seg(options.org)}/${seg(options.project)}/monitors/${seg(slug)}/`
    : `/api/0/organizations/${seg(options.org)}/monitors/${seg(slug)}/`;
}

function messageOf(value: unknown): string | null {
  const message = (value as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message !== '' ? message : null;
}

async function detailOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body === 'object' && body !== null && 'detail' in body) {
      const detail = body.detail;
      return typeof detail === 'string' ? detail : JSON.stringify(detail);
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): show the start of it instead.
  }
  return text.trim().slice(0, 200) || response.statusText;
}

const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const RETRY_DELAYS_MS = [1000, 2000];

/** A 5xx or 429 from Sentry: retried, then reported with Sentry's detail. */
class SentryAnswer extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly retryAfter: string | null
  ) {
    super(`HTTP ${status} ${detail}`);
  }
}

/**
 * Deletes a cron monitor. 'absent' when Sentry has no monitor with that slug (404); a 5xx or 429
 * is retried like GitHub and Kubernetes calls (waiting what Retry-After asks); any other non-2xx
 * answer throws, naming the status and Sentry's `detail`.
 */
export async function deleteMonitor(
  options: SentryOptions,
  slug: string
): Promise<'deleted' | 'absent'> {
  const base = (options.url || DEFAULT_URL).replace(/\/+$/, '');
  const path = monitorPath(options, slug);
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_S * 1000;
  const attempt = async (): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${options.token}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs)
      });
    } catch (err) {
      if (isTimeoutAbort(err)) {
        throw new Error(
          `Sentry at ${base} did not answer DELETE ${path} within ${formatSeconds(timeoutMs)}`,
          { cause: err }
        );
      }
      // fetch reports `fetch failed`; the socket's own reason is in `cause`.
      const cause = messageOf((err as { cause?: unknown } | null)?.cause) ?? messageOf(err);
      const reason = cause ?? String(err);
      throw new Error(`Cannot reach Sentry at ${base}: ${reason}`, { cause: err });
    }
    if (RETRYABLE.has(response.status)) {
      throw new SentryAnswer(
        response.status,
        await detailOf(response),
        response.headers.get('retry-after')
      );
    }
    return response;
  };
  let response: Response;
  try {
    response = await retry(attempt, {
      delaysMs: RETRY_DELAYS_MS,
      retryable: err => err instanceof SentryAnswer,
      requestedDelayMs: err => (err instanceof SentryAnswer ? retryAfterMs(err.retryAfter) : null)
    });
  } catch (err) {
    if (!(err instanceof SentryAnswer)) throw err;
    throw new Error(
      `Sentry refused to delete cron monitor '${slug}' (DELETE ${path}): HTTP ${err.status} ${err.detail} (${RETRY_DELAYS_MS.length + 1} tries)`
    );
  }
  // Sentry answers 202: the monitor is gone from the API at once, its data is removed later.
  if (response.ok) {
    await response.body?.cancel();
    return 'deleted';
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return 'absent';
  }
  const detail = await detailOf(response);
  throw new Error(
    `Sentry refused to delete cron monitor '${slug}' (DELETE ${path}): HTTP ${response.status} ${detail}`
  );
}
