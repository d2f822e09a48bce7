// One retry helper for every call whose failure a second attempt can fix (git's network commands,
// Kubernetes requests). Callers say which failures are transient; everything else fails at once.

export interface RetryOptions {
  /** The wait before each further attempt, in milliseconds: its length is the number of retries. */
  delaysMs: readonly number[];
  /** True when `error` is worth another attempt. */
  retryable(error: unknown): boolean;
  /** Called before each wait, e.g. to log the failure. */
  onRetry?(error: unknown, attempt: number, delayMs: number): void;
}

export const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

/** `call()`, retried after each delay while it throws a retryable error; the last error is thrown. */
export async function retry<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = options.delaysMs[attempt - 1];
      if (delay === undefined || !options.retryable(error)) throw error;
      options.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}
