// What git prints, read as plain data: pure functions with no process behind them, unit-tested on
// git's own output. The wrapper in git.ts runs git and hands its output here.

/** `git version 2.43.0` → 2, 43 (0, 0 when unreadable) and the text. */
export function parseVersion(stdout: string): { major: number; minor: number; text: string } {
  const match = /(\d+)\.(\d+)/.exec(stdout);
  return { major: Number(match?.[1] ?? 0), minor: Number(match?.[2] ?? 0), text: stdout.trim() };
}

/**
 * The conflicting paths of `merge-tree --name-only`, sorted and unique. A file/directory clash
 * leaves the file at `path~<side>`, the side named as given to merge-tree: report the path the
 * PRs touched, not one that exists in neither of them.
 */
export function conflictPaths(paths: string[], sides: string[]): string[] {
  const unlabel = (path: string): string => {
    const side = sides.find(s => path.endsWith(`~${s}`));
    return side === undefined ? path : path.slice(0, -side.length - 1);
  };
  return [...new Set(paths.map(unlabel))].sort();
}

/**
 * Whether a failed `push --force-with-lease` lost a race. Caught by git itself (the ref it was
 * advertised is not the lease), or by the server when another push moved the ref between the
 * advertisement and receive-pack: `cannot lock ref` with "is at X but expected Y", or "reference
 * already exists" for a branch being created. Other remote rejections (hooks, protection rules,
 * a name too long) are not races.
 */
export function isLeaseLost(output: string): boolean {
  return (
    /stale info|\[rejected\]|fetch first|non-fast-forward/.test(output) ||
    /cannot lock ref '[^']*': (is at [0-9a-f]+ but expected [0-9a-f]+|reference already exists)/.test(
      output
    )
  );
}

// curl's CURLE_OPERATION_TIMEDOUT (28) for the low-speed limit, as git prints it.
export function isStalled(stderr: string): boolean {
  return /Operation too slow|curl 28 /.test(stderr);
}

/** Where a head left base: its merge base with it, and the commits only it has (not in base). */
export interface ForkPoint {
  base: string;
  exclusive: Set<string>;
}

/**
 * From `rev-list --parents --boundary heads ^base`: each head's fork point, null when the head is
 * already reachable from base, absent when there are several candidates for its merge base. The
 * boundary commits a head reaches are the common ancestors nearest to it: when it reaches one,
 * that one is the merge base.
 */
export function forkPoints(revList: string, heads: string[]): Map<string, ForkPoint | null> {
  const parents = new Map<string, string[]>();
  for (const line of revList.split('\n')) {
    if (line === '' || line.startsWith('-')) continue;
    const [sha, ...rest] = line.split(' ');
    if (sha) parents.set(sha, rest);
  }
  const result = new Map<string, ForkPoint | null>();
  for (const head of heads) {
    if (!parents.has(head)) {
      result.set(head, null);
      continue;
    }
    const exclusive = new Set<string>([head]);
    const boundary = new Set<string>();
    const stack = [head];
    for (let sha = stack.pop(); sha !== undefined; sha = stack.pop()) {
      for (const p of parents.get(sha) ?? []) {
        if (!parents.has(p)) boundary.add(p);
        else if (!exclusive.has(p)) {
          exclusive.add(p);
          stack.push(p);
        }
      }
    }
    const [base, ...more] = boundary;
    if (base !== undefined && more.length === 0) result.set(head, { base, exclusive });
  }
  return result;
}

/** A network failure a second attempt can fix (5xx, reset, DNS, timeouts). */
export function isTransient(stderr: string): boolean {
  return /(HTTP 5\d\d|returned error: 5\d\d|RPC failed|early EOF|Connection reset|timed out|Could not resolve host|unexpected disconnect)/i.test(
    stderr
  );
}
