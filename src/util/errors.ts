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

/** The message and those of its causes ("fetch failed: connect ECONNREFUSED …"), repeats left out. */
export function causeChain(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 5; depth++) {
    const message = errorMessage(e);
    if (!parts.includes(message)) parts.push(message);
    e = typeof e === 'object' && e !== null ? (e as { cause?: unknown }).cause : undefined;
  }
  return parts.join(': ');
}

const LINE_MAX = 200;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  middot: '·'
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) {
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    }
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The line of an HTTP answer worth showing: a JSON body's `message`, an HTML page's <title>
 * (never the page itself), else the first non-empty line; cut to 200 characters.
 */
export function bodyFirstLine(body: unknown): string {
  if (body === undefined || body === null || body === '') return '';
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    return bodyFirstLine(new TextDecoder().decode(body as ArrayBuffer));
  }
  if (typeof body === 'object') {
    const message = (body as { message?: unknown }).message;
    return bodyFirstLine(typeof message === 'string' ? message : JSON.stringify(body));
  }
  // Objects are handled above: what is left is a string, number or boolean.
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
  const line =
    title !== undefined
      ? decodeEntities(title).replace(/\s+/g, ' ').trim()
      : /^\s*</.test(text)
        ? 'an HTML page'
        : (text.split(/\r?\n/).find(l => l.trim() !== '') ?? '').trim();
  return line.length > LINE_MAX ? `${line.slice(0, LINE_MAX - 1)}…` : line;
}

/** "after 4 tries" (nothing for a single try: there is nothing to add). */
export function triesText(tries: number): string {
  return tries > 1 ? ` after ${tries} tries` : '';
}
