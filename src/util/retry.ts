// One retry helper for every call whose failure a second attempt can fix (git's network commands,
// Kubernetes and Sentry requests; octokit has its own). Callers say which failures are transient; everything else fails at once.

export interface RetryOptions {
  /** The wait before each further attempt, in milliseconds: its length is the number of retries. */
  delaysMs: readonly number[];
  /** True when `error` is worth another attempt. */
  retryable(error: unknown): boolean;
  /** Called before each wait, e.g. to log the failure. */
  onRetry?(error: unknown, attempt: number, delayMs: number): void;
  /** The wait the server asked for (its Retry-After), in milliseconds; replaces the planned one. */
  requestedDelayMs?(error: unknown): number | null;
}

/** The longest Retry-After honoured: a server asking for more is not waited for that long. */
const MAX_REQUESTED_DELAY_MS = 60_000;

/** A Retry-After header (seconds, or an HTTP date) in milliseconds; null when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : null;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

/** `call()`, retried after each delay while it throws a retryable error; the last error is thrown. */
export async function retry<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const planned = options.delaysMs[attempt - 1];
      if (planned === undefined || !options.retryable(error)) throw error;
      const requested = options.requestedDelayMs?.(error) ?? null;
      const delay = requested === null ? planned : Math.min(requested, MAX_REQUESTED_DELAY_MS);
      options.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}
