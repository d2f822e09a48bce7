// Relay connections as GitHub pages them: cursors that encode an item's sort key.
import { TypedError } from './schema.ts';

export type Key = Array<string | number>;

export function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function encodeCursor(key: Key): string {
  return Buffer.from(`cursor:v2:${JSON.stringify(key)}`).toString('base64');
}

function decodeCursor(cursor: string): Key {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  if (text.startsWith('cursor:v2:')) {
    try {
      const key: unknown = JSON.parse(text.slice('cursor:v2:'.length));
      if (Array.isArray(key) && key.every(k => typeof k === 'string' || typeof k === 'number')) {
        return key;
      }
    } catch {
      // fall through to GitHub's error
    }
  }
  throw new TypedError(
    'INVALID_CURSOR_ARGUMENTS',
    `\`${cursor}\` does not appear to be a valid cursor.`
  );
}

export type Args = Record<string, unknown>;
export type Node = Record<string, unknown>;

export function optInt(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

export function optString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * A Relay connection over `items`, already sorted by `keyOf` (times `direction`). Cursors encode
 * the item's sort key, not its index, so items added or removed between pages neither repeat nor
 * disappear — as with GitHub's cursors.
 */
export function connection<T>(
  items: readonly T[],
  args: Args,
  keyOf: (item: T) => Key,
  toNode: (item: T) => Node,
  direction: 1 | -1 = 1,
  extra: Node = {}
): Node {
  const after = optString(args.after);
  const before = optString(args.before);
  const first = optInt(args.first);
  const last = optInt(args.last);
  if ((first !== null && first < 0) || (last !== null && last < 0)) {
    throw new TypedError('INVALID_PAGINATION', '`first` and `last` must be non-negative.');
  }
  let window = [...items];
  if (after !== null) {
    const key = decodeCursor(after);
    window = window.filter(item => compareKeys(keyOf(item), key) * direction > 0);
  }
  if (before !== null) {
    const key = decodeCursor(before);
    window = window.filter(item => compareKeys(keyOf(item), key) * direction < 0);
  }
  let page = window;
  if (first !== null) page = page.slice(0, first);
  if (last !== null) page = page.slice(Math.max(0, page.length - last));
  const startIndex = window.indexOf(page[0]);
  const hasNextPage =
    first !== null
      ? window.length > page.length + Math.max(0, startIndex)
      : before !== null && items.length > window.length;
  const hasPreviousPage =
    last !== null ? startIndex > 0 : after !== null && items.length > window.length;
  const edges = page.map(item => ({ cursor: encodeCursor(keyOf(item)), node: toNode(item) }));
  return {
    totalCount: items.length,
    nodes: edges.map(e => e.node),
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null
    },
    ...extra
  };
}
