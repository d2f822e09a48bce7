// One request timeout for every HTTP call (GitHub, Kubernetes, Sentry): an endpoint that accepts
// the connection and never answers must fail the call, not keep the job alive until its own
// timeout. The whole exchange counts, headers and body.

/** The default of the `request-timeout` input, in seconds. */
export const DEFAULT_REQUEST_TIMEOUT_S = 30;

/** A call that got no (complete) answer in time. Not retried: a server that hung once tends to. */
export class RequestTimeoutError extends Error {
  // octokit passes an error named AbortError through unchanged, and its retry plugin does not
  // retry it: each retry would wait the whole timeout again.
  override name = 'AbortError';
  readonly timeout = true;

  constructor(
    /** What was asked, e.g. `POST /graphql (stagingRebuild)`. */
    readonly call: string,
    readonly ms: number
  ) {
    super(`${call} got no answer within ${formatSeconds(ms)}`);
  }
}

export function isRequestTimeout(error: unknown): error is RequestTimeoutError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { timeout?: unknown }).timeout === true &&
    typeof (error as { call?: unknown }).call === 'string'
  );
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** True when `error` is the abort of a signal made by AbortSignal.timeout (its reason). */
export function isTimeoutAbort(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'TimeoutError'
  );
}

const NO_BODY = new Set([101, 204, 205, 304]);

function graphqlOperation(body: unknown): string | undefined {
  if (typeof body !== 'string' || !body.startsWith('{')) return undefined;
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    if (typeof query !== 'string') return undefined;
    return /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
  } catch {
    return undefined;
  }
}

function describeRequest(input: string | URL | Request, init: RequestInit | undefined): string {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  // A GraphQL call is named by its operation, so the message says which query hung.
  const operation = graphqlOperation(init?.body);
  return `${method} ${url.pathname}${operation ? ` (${operation})` : ''}`;
}

/**
 * `fetch` with a deadline on the whole exchange: the response body is read before it is handed
 * on, so a server that sends headers and then stalls times out too.
 */
export function fetchWithTimeout(ms: number, base: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const signal = AbortSignal.timeout(ms);
    const combined = init?.signal ? AbortSignal.any([init.signal, signal]) : signal;
    try {
      const response = await base(input, { ...init, signal: combined });
      const body = NO_BODY.has(response.status) ? null : await response.arrayBuffer();
      const copy = new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers
      });
      Object.defineProperty(copy, 'url', { value: response.url });
      return copy;
    } catch (error) {
      if (signal.aborted) throw new RequestTimeoutError(describeRequest(input, init), ms);
      throw error;
    }
  };
}
