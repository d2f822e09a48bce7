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
