// Rebuild's merges that need no git process of their own (see tree-merge.ts): most PRs change
// paths no earlier PR changed. Before git 2.49 every merge-tree is a process (about 10 ms in a
// large repository, most of it starting git); here a merge is a few tree reads through one
// `cat-file --batch` and a tree write per changed directory through one `mktree --batch`.
import type { ForkPoint } from './git-parse.js';
import { GitSession } from './git-process.js';
import type { MergeResult } from './git-merges.js';
import { mktreeInput, parseTree, plainTreeMerge, type TreeEntry } from './tree-merge.js';

interface ObjectStore {
  read(sha: string): Promise<TreeEntry[]>;
  write(entries: TreeEntry[]): Promise<string>;
  treeOfCommit(sha: string): Promise<string>;
  close(): Promise<void>;
}

/** `cat-file --batch` answers `<sha> <type> <size>` LF, the object, LF (or `<name> missing` LF). */
const objectAnswer = (output: Buffer): number => {
  const eol = output.indexOf(0x0a);
  if (eol < 0) return -1;
  const size = Number(output.toString('latin1', 0, eol).split(' ')[2]);
  if (!Number.isInteger(size)) return eol + 1;
  const end = eol + 1 + size + 1;
  return output.length >= end ? end : -1;
};

const lineAnswer = (output: Buffer): number => {
  const eol = output.indexOf(0x0a);
  return eol < 0 ? -1 : eol + 1;
};

/** The two sessions, each started at first use; requests to one session wait their turn. */
function openObjectStore(cwd: string, env: NodeJS.ProcessEnv): ObjectStore {
  const sessions = new Map<string, { session: GitSession; tail: Promise<unknown> }>();
  const ask = (args: string[], input: string | Buffer, complete: (out: Buffer) => number) => {
    const key = args.join(' ');
    let s = sessions.get(key);
    if (!s)
      sessions.set(key, (s = { session: new GitSession(args, cwd, env), tail: Promise.resolve() }));
    const { session } = s;
    const next = s.tail.then(() => session.request(input, complete));
    s.tail = next.catch(() => undefined);
    return next;
  };
  const object = async (sha: string, type: 'tree' | 'commit'): Promise<Buffer> => {
    const answer = await ask(['cat-file', '--batch'], `${sha}\n`, objectAnswer);
    const eol = answer.indexOf(0x0a);
    const header = answer.toString('latin1', 0, eol).split(' ');
    if (header[1] !== type) {
      throw new Error(
        `git cat-file --batch: ${sha} is not a ${type} (${header.slice(1).join(' ')})`
      );
    }
    return answer.subarray(eol + 1, answer.length - 1);
  };
  const trees = new Map<string, TreeEntry[]>();
  return {
    async read(sha) {
      let entries = trees.get(sha);
      if (!entries)
        trees.set(sha, (entries = parseTree(await object(sha, 'tree'), sha.length / 2)));
      return entries;
    },
    async write(entries) {
      const answer = await ask(['mktree', '-z', '--batch'], mktreeInput(entries), lineAnswer);
      return answer.toString('latin1').trim();
    },
    async treeOfCommit(sha) {
      const tree = /^tree ([0-9a-f]+)\n/.exec((await object(sha, 'commit')).toString('latin1'));
      if (!tree?.[1]) throw new Error(`git cat-file --batch: commit ${sha} names no tree`);
      return tree[1];
    },
    async close() {
      for (const { session } of sessions.values()) await session.close();
    }
  };
}

/** What a chain of merges onto `base` holds: its tree, and the heads merged into it. */
interface Chain {
  tree: string;
  heads: Set<string>;
}

/**
 * Merges of PR heads onto `base` and onto the merge commits made from them, done in-process when
 * they are plain; `merge` answers null for every other one (merge-tree does those). Plain needs
 * one merge base, which is known without asking git when the head shares no commit outside
 * `base` with the heads already merged: then it is the head's own fork point from `base`.
 */
export function openPlainMerges(
  cwd: string,
  env: NodeJS.ProcessEnv,
  base: string,
  heads: string[],
  forkPoints: (base: string, heads: string[]) => Promise<Map<string, ForkPoint | null>>
): {
  merge(ours: string, theirs: string): Promise<MergeResult | null>;
  committed(sha: string, tree: string, parents: string[]): void;
  close(): Promise<void>;
} {
  const store = openObjectStore(cwd, env);
  const chains = new Map<string, Chain>();
  let forks: Promise<{ of: Map<string, ForkPoint | null>; owners: Map<string, string[]> }> | null =
    null;
  const forksOf = () =>
    (forks ??= forkPoints(base, heads).then(of => {
      // Which heads hold each commit outside base: a commit two PRs share makes their bases others.
      const owners = new Map<string, string[]>();
      for (const [head, fork] of of) {
        for (const sha of fork?.exclusive ?? [])
          owners.set(sha, [...(owners.get(sha) ?? []), head]);
      }
      return { of, owners };
    }));
  const chainOf = async (sha: string): Promise<Chain | undefined> =>
    sha === base ? { tree: await store.treeOfCommit(base), heads: new Set() } : chains.get(sha);
  return {
    async merge(ours, theirs) {
      const chain = await chainOf(ours);
      const { of, owners } = await forksOf();
      const fork = of.get(theirs);
      if (!chain || !fork) return null;
      // A head merged earlier whose commits outside base are unknown may share some with this one.
      for (const head of chain.heads) if (of.get(head) === undefined) return null;
      for (const sha of fork.exclusive) {
        if (owners.get(sha)?.some(head => chain.heads.has(head))) return null;
      }
      const [mergeBase, theirsTree] = [
        await store.treeOfCommit(fork.base),
        await store.treeOfCommit(theirs)
      ];
      const tree = await plainTreeMerge(store, mergeBase, chain.tree, theirsTree);
      return tree === null ? null : { clean: true, tree };
    },
    committed(sha, tree, parents) {
      const [previous, head, ...more] = parents;
      if (previous === undefined || head === undefined || more.length > 0) return;
      const chain = previous === base ? { heads: new Set<string>() } : chains.get(previous);
      if (chain && heads.includes(head))
        chains.set(sha, { tree, heads: new Set([...chain.heads, head]) });
    },
    close: () => store.close()
  };
}
