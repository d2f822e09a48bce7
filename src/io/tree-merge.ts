// The merges rebuild can do without git's merge machinery: those where no path changed on both
// sides, so every entry comes from the one side that changed it (or from the base). Pure over a
// small store of tree objects; anything less plain is left to `git merge-tree`, whose result
// this must equal byte for byte (test/int/tree-merge.int.test.ts checks that on random histories).

/** One entry of a tree object. `name` holds the raw bytes as latin1, so every name round-trips. */
export interface TreeEntry {
  mode: string;
  sha: string;
  name: string;
}

export interface TreeStore {
  read(sha: string): Promise<TreeEntry[]>;
  /** Writes a tree of these entries (in any order) and returns its SHA. */
  write(entries: TreeEntry[]): Promise<string>;
}

const TREE_MODE = '40000';
/** The modes git writes. merge-tree rewrites any other (100664 from old gits) in a tree it builds. */
const CANONICAL_MODES = new Set([TREE_MODE, '100644', '100755', '120000', '160000']);

/** A tree object's content (after cat-file's header) as entries, SHA length from the hash. */
export function parseTree(content: Buffer, hashBytes: number): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let at = 0;
  while (at < content.length) {
    const space = content.indexOf(0x20, at);
    const nul = content.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + hashBytes > content.length) {
      throw new Error(`not a tree object: entry ${entries.length + 1} is cut short`);
    }
    entries.push({
      mode: content.toString('latin1', at, space),
      name: content.toString('latin1', space + 1, nul),
      sha: content.toString('hex', nul + 1, nul + 1 + hashBytes)
    });
    at = nul + 1 + hashBytes;
  }
  return entries;
}

/** Entries as `git mktree -z --batch` reads one tree: ls-tree -z lines, then an empty one. */
export function mktreeInput(entries: TreeEntry[]): Buffer {
  const type = (mode: string): string =>
    mode === TREE_MODE ? 'tree' : mode === '160000' ? 'commit' : 'blob';
  const lines = entries.map(e => `${e.mode} ${type(e.mode)} ${e.sha}\t${e.name}\0`);
  return Buffer.from(`${lines.join('')}\0`, 'latin1');
}

const same = (a: TreeEntry | undefined, b: TreeEntry | undefined): boolean =>
  a?.mode === b?.mode && a?.sha === b?.sha;

const isTree = (e: TreeEntry | undefined): e is TreeEntry => e?.mode === TREE_MODE;

/**
 * The tree `git merge-tree` gives for trees `ours` and `theirs` with one merge base `base` (null:
 * empty), when that merge is plain: at every path, one side left the base's entry as it was, or
 * both changed a directory and the rule holds inside it. Null for anything else (a path both
 * sides changed, even alike; a file against a directory), which then goes to merge-tree. Plain
 * merges cannot meet rename detection: a rename matters only where the other side changed its
 * source, its target or the renamed directory, and each of those is a path both sides changed.
 */
export async function plainTreeMerge(
  store: TreeStore,
  base: string | null,
  ours: string,
  theirs: string
): Promise<string | null> {
  if (theirs === base) return ours;
  if (ours === base) return theirs;
  const byName = (entries: TreeEntry[]): Map<string, TreeEntry> =>
    new Map(entries.map(e => [e.name, e]));
  const b = byName(base === null ? [] : await store.read(base));
  const o = byName(await store.read(ours));
  const t = byName(await store.read(theirs));
  const merged: TreeEntry[] = [];
  for (const name of new Set([...b.keys(), ...o.keys(), ...t.keys()])) {
    const [x, y, z] = [b.get(name), o.get(name), t.get(name)];
    let entry: TreeEntry | undefined;
    if (same(y, x)) entry = z;
    else if (same(z, x)) entry = y;
    else if (isTree(y) && isTree(z) && (x === undefined || isTree(x))) {
      const sub = await plainTreeMerge(store, x?.sha ?? null, y.sha, z.sha);
      if (sub === null) return null;
      entry = { ...y, sha: sub };
    } else return null;
    if (entry === undefined) continue;
    if (!CANONICAL_MODES.has(entry.mode)) return null;
    merged.push(entry);
  }
  // An empty directory cannot be in a tree: what emptied one is not plain to decide here.
  if (merged.length === 0) return null;
  return store.write(merged);
}
