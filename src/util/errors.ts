// One way to turn anything thrown into the text a user reads.

/** The message of an Error (or anything with a string `message`), else the value as text. */
export function errorMessage(error: unknown): string {
  // Duck-typed: errors from Node's own realm (sockets, fetch) can fail `instanceof Error`.
  if (typeof error === 'object' && error !== null) {
    const { message, code } = error as { message?: unknown; code?: unknown };
    // An AggregateError from a dual-stack connect has an empty message but a code.
    if (typeof message === 'string' && message !== '') return message;
    if (typeof code === 'string') return code;
    if (typeof message === 'string') return 'unknown error';
  }
  return String(error);
}

/** The first line a user can read of a response body: an HTML page's <title>, else its first text. */
export function firstLineOfBody(body: unknown): string {
  const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
  if (/<html|<!doctype/i.test(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    if (title) return title;
    const stripped = text
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
      .replace(/<[^>]*>/g, '\n');
    return (
      stripped
        .split('\n')
        .map(l => l.trim())
        .find(l => l !== '') ?? ''
    );
  }
  return (
    text
      .split('\n')
      .map(l => l.trim())
      .find(l => l !== '') ?? ''
  );
}

/**
 * A failed GitHub call as one line: what was asked, what came back (status and the body's first
 * line, or GraphQL's error messages), and how many tries were made.
 */
export function githubErrorMessage(error: unknown, asked: string, tries: number): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    status?: unknown;
    errors?: Array<{ message?: string }>;
    response?: { data?: unknown };
  };
  const graphql = (e.errors ?? []).map(x => x.message ?? '').filter(m => m !== '');
  const got =
    graphql.length > 0
      ? `GraphQL errors: ${graphql.join('; ')}`
      : typeof e.status === 'number'
        ? `HTTP ${e.status}: ${firstLineOfBody(e.response?.data) || errorMessage(error).split('\n')[0]}`
        : errorMessage(error).split('\n')[0];
  return `GitHub: ${asked} failed after ${tries} ${tries === 1 ? 'try' : 'tries'}: ${got}`;
}
