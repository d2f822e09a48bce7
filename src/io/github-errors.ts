// What a failed GitHub call says: which call, what came back (status and its first line, never a
// whole HTML page), and how many tries were made. Octokit's own errors say "Server Error", paste
// GitHub's HTML error page, or (for a 200 with an HTML body) fail later on undefined data.
import { bodyFirstLine, causeChain, errorMessage, triesText } from '../util/errors.js';
import { isRequestTimeout } from '../util/timeout.js';

/** A GitHub call that failed; `status` and `errors` stay readable as on octokit's errors. */
export class GitHubCallError extends Error {
  override name = 'GitHubCallError';
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly errors: ReadonlyArray<{ message?: string; type?: string }> | undefined,
    cause: unknown
  ) {
    super(message, { cause });
  }
}

interface HookOptions {
  method?: string;
  url?: string;
  query?: unknown;
}

interface HookResponse {
  status: number;
  data: unknown;
}

/** `POST /graphql (stagingRebuild)` or `POST /repos/{owner}/{repo}/statuses/{sha}`. */
export function describeCall(options: HookOptions): string {
  const operation =
    typeof options.query === 'string'
      ? /^\s*(?:query|mutation)\s+(\w+)/.exec(options.query)?.[1]
      : undefined;
  return `${options.method ?? 'GET'} ${options.url ?? '?'}${operation ? ` (${operation})` : ''}`;
}

// Tries per call, keyed by the options object every hook of one call shares. (The plugins'
// own `retryCount` is reset by the throttling plugin, so it cannot be trusted.)
const TRIES = new WeakMap<object, number>();

function tries(options: HookOptions): number {
  return TRIES.get(options) ?? 1;
}

type RequestHook = <O extends object, R>(
  request: (options: O) => R | Promise<R>,
  options: O
) => Promise<R>;

/** An octokit plugin, listed first so its hook is the innermost: it runs once per try. */
export function countTries(octokit: {
  hook: { wrap: (name: 'request', hook: RequestHook) => void };
}): void {
  octokit.hook.wrap('request', async (request, options) => {
    TRIES.set(options, (TRIES.get(options) ?? 0) + 1);
    return request(options);
  });
}

function withContext(error: unknown, options: HookOptions): unknown {
  // A timeout already names the call and how long it waited; other code recognises it.
  if (isRequestTimeout(error) || error instanceof GitHubCallError) return error;
  const call = describeCall(options);
  const { status, response } = error as {
    status?: unknown;
    response?: { data?: unknown };
  };
  const n = tries(options);
  // Octokit reports a call that got no answer at all (refused, reset) as a 500 without a response.
  if (typeof status === 'number' && status > 0 && response) {
    const line = bodyFirstLine(response?.data) || errorMessage(error);
    return new GitHubCallError(
      `GitHub ${call} failed with HTTP ${status}: ${line}${triesText(n)}`,
      status,
      undefined,
      error
    );
  }
  const reason = causeChain(error);
  return new GitHubCallError(
    `GitHub ${call} failed: ${reason}${triesText(n)}`,
    undefined,
    undefined,
    error
  );
}

/**
 * The outermost `request` hook: it sees each call once, after the retry and throttling plugins
 * have given up, so the tries it reports are all of them.
 */
export async function requestWithContext<O extends object, R extends HookResponse>(
  request: (options: O) => R | Promise<R>,
  hookOptions: O
): Promise<R> {
  const options = hookOptions as HookOptions;
  let response: R;
  try {
    response = await request(hookOptions);
  } catch (error) {
    throw withContext(error, options);
  }
  // A proxy or a GitHub outage can answer 200 with an HTML page: GraphQL data must be JSON.
  if (options.url === '/graphql' && (typeof response.data !== 'object' || response.data === null)) {
    const line = bodyFirstLine(response.data) || 'an empty body';
    throw new GitHubCallError(
      `GitHub ${describeCall(options)} answered HTTP ${response.status} without GraphQL data: ${line}${triesText(tries(options))}`,
      response.status,
      undefined,
      undefined
    );
  }
  return response;
}

/**
 * GraphQL errors with the reason on the first line (octokit puts "Request failed due to
 * following response errors" there, and the reasons below it). `errors` is kept for callers
 * that explain particular reasons.
 */
export function graphqlWithContext(error: unknown, query: string): unknown {
  const errors = (error as { errors?: unknown }).errors;
  if (error instanceof GitHubCallError || !Array.isArray(errors) || errors.length === 0) {
    return error;
  }
  const list = errors as Array<{ message?: string; type?: string }>;
  const reasons = list.map(e => e.message ?? e.type ?? 'unknown error').join('; ');
  const call = describeCall({ method: 'POST', url: '/graphql', query });
  return new GitHubCallError(`GitHub ${call} failed: ${reasons}`, undefined, list, error);
}
