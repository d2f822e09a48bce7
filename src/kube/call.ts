// How every Kubernetes call is made: each request has a deadline, transient answers are retried
// (waiting as long as a Retry-After asks), and failures become errors that carry the API server's
// message and name the server.
import {
  ApiException,
  Observable,
  type ConfigurationOptions,
  type ObservableMiddleware
} from '@kubernetes/client-node';
import { retry, retryAfterMs } from '../util/retry.js';
import { DEFAULT_REQUEST_TIMEOUT_S, formatSeconds, isTimeoutAbort } from '../util/timeout.js';
import { KubernetesError, toKubernetesError } from './errors.js';

const RETRYABLE: ReadonlySet<number> = new Set([409, 429, 500, 502, 503, 504]);
const THROTTLED: ReadonlySet<number> = new Set([429]);
const RETRY_DELAYS_MS = [250, 1000];

export interface KubeCalls {
  /** Throws the call's failure as a KubernetesError naming the server. */
  fail: (err: unknown) => never;
  /** Per-call options that give the request its deadline (on top of `base`, such as a header). */
  options: (base?: ConfigurationOptions) => ConfigurationOptions;
  /** `call()`, retried on conflicts, throttling and server errors (for idempotent calls). */
  retried: <T>(what: string, call: () => Promise<T>) => Promise<T>;
  /** `call()`, retried only when the server said it did nothing (429: too many requests). */
  throttled: <T>(what: string, call: () => Promise<T>) => Promise<T>;
}

function headerOf(err: ApiException<unknown>, name: string): string | null {
  const headers = (err.headers ?? {}) as Record<string, string | undefined>;
  const key = Object.keys(headers).find(k => k.toLowerCase() === name);
  return key === undefined ? null : (headers[key] ?? null);
}

/** Options that give the request a deadline (an AbortSignal set before it is sent). */
function withDeadline(ms: number, options: ConfigurationOptions = {}): ConfigurationOptions {
  const deadline: ObservableMiddleware = {
    pre: context => {
      context.setSignal(AbortSignal.timeout(ms));
      return new Observable(Promise.resolve(context));
    },
    post: response => new Observable(Promise.resolve(response))
  };
  return {
    ...options,
    middleware: [...(options.middleware ?? []), deadline],
    middlewareMergeStrategy: 'append'
  };
}

export function kubeCalls(server: string, timeoutMs = DEFAULT_REQUEST_TIMEOUT_S * 1000): KubeCalls {
  // A call that timed out is not retried (each try would wait as long again): it says which.
  const attempt = <T>(what: string, call: () => Promise<T>, codes: ReadonlySet<number>) =>
    retry(call, {
      delaysMs: RETRY_DELAYS_MS,
      retryable: err => err instanceof ApiException && codes.has(err.code),
      // A 429 (API priority and fairness) or 503 says how long to wait.
      requestedDelayMs: err =>
        err instanceof ApiException ? retryAfterMs(headerOf(err, 'retry-after')) : null
    }).catch((err: unknown) => {
      if (!isTimeoutAbort(err)) throw err;
      throw new KubernetesError(
        `The Kubernetes API server at ${server} did not answer ${what} within ${formatSeconds(timeoutMs)}`
      );
    });
  return {
    fail: err => {
      throw toKubernetesError(err, server);
    },
    options: base => withDeadline(timeoutMs, base),
    retried: (what, call) => attempt(what, call, RETRYABLE),
    throttled: (what, call) => attempt(what, call, THROTTLED)
  };
}

/** True when `err` is the API server's 404. */
export function isNotFound(err: unknown): boolean {
  return err instanceof ApiException && err.code === 404;
}
