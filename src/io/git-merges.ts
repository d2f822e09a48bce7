// A merge loop without a process per merge. Staging gets one merge commit per PR, and each merge
// starts from the previous commit, so the loop cannot be one batched command; instead long-lived
// git processes answer one request at a time. Commits: `git hash-object -w -t commit
// --stdin-paths` writes each commit object (checked by git like any other). Merges: `git
// merge-tree --stdin`, from git 2.49 on only: older versions do not flush their output between
// merges (they answer only when their input ends), so there each merge is its own process.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { log } from '../log.js';
import { conflictPaths, type ForkPoint } from './git-parse.js';
import { openPlainMerges } from './git-plain-merges.js';
import { GitError, GitSession } from './git-process.js';

export type MergeResult =
  { clean: true; tree: string } | { clean: false; tree: string; conflicts: string[] };

/** The first git whose `merge-tree --stdin` flushes after each merge (pw/merge-tree-stdin-deadlock-fix). */
export const STDIN_MERGE_GIT = { major: 2, minor: 49 };

/** `merge-tree --write-tree --name-only --no-messages -z` as one command, or as one --stdin line. */
export const MERGE_TREE_ARGS = ['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z'];

/** A merge loop's git: what Git.mergeTree and Git.commitTree give, without a process per call. */
export interface Merges {
  merge: (ours: string, theirs: string) => Promise<MergeResult>;
  /** The commit `git commit-tree <tree> -p … -F -` makes, as its SHA. */
  commit: (tree: string, parents: string[], message: string) => Promise<string>;
}

interface Closable {
  close(): Promise<void>;
}

type CommitWriter = Pick<Merges, 'commit'> & Closable;
type MergeSession = Pick<Merges, 'merge'> & Closable;

/** What a merge loop will merge: PR heads onto base, then onto the merge commits it makes. */
export interface MergePlan {
  base: string;
  heads: string[];
}

/**
 * `fn` with Merges whose processes start at first use and end with `fn`. What the Git wrapper
 * hands in: its version, `git var` under the action's identity, and its one-process merge. With
 * a plan, plain merges of its heads are done in-process (git-plain-merges.ts).
 */
export async function withMergeProcesses<T>(
  git: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    version(): Promise<{ major: number; minor: number }>;
    ident(name: 'GIT_AUTHOR_IDENT' | 'GIT_COMMITTER_IDENT'): Promise<string>;
    /** `git config --get <name>`, null when unset. */
    config(name: string): Promise<string | null>;
    mergeOne: Merges['merge'];
    commitOne: Merges['commit'];
    forkPoints: (base: string, heads: string[]) => Promise<Map<string, ForkPoint | null>>;
  },
  fn: (merges: Merges) => Promise<T>,
  plan?: MergePlan
): Promise<T> {
  let writer: Promise<CommitWriter | null> | null = null;
  let merger: Promise<MergeSession | null> | null = null;
  // A long-lived git answers only if it flushes after each answer: GIT_FLUSH=0 would stop it.
  const env = { ...git.env, GIT_FLUSH: '1' };
  const plain = plan && openPlainMerges(git.cwd, env, plan.base, plan.heads, git.forkPoints);
  const openWriter = async (): Promise<CommitWriter | null> => {
    // The identities commit-tree would use (GIT_AUTHOR_* and GIT_COMMITTER_* honoured).
    const [author, committer, encoding] = await Promise.all([
      git.ident('GIT_AUTHOR_IDENT'),
      git.ident('GIT_COMMITTER_IDENT'),
      git.config('i18n.commitEncoding')
    ]);
    // commit-tree records another encoding in a header: leave such repositories to it.
    if (encoding !== null && !/^utf-?8$/i.test(encoding.trim())) return null;
    const tempRoot = process.env.RUNNER_TEMP || tmpdir();
    return openCommitWriter({ cwd: git.cwd, env, author, committer, tempRoot });
  };
  const openMerger = async (): Promise<MergeSession | null> => {
    const v = await git.version();
    const { major, minor } = STDIN_MERGE_GIT;
    const flushes = v.major > major || (v.major === major && v.minor >= minor);
    return flushes ? openMergeSession(git.cwd, env) : null;
  };
  try {
    return await fn({
      merge: async (ours, theirs) => {
        const result = await plain?.merge(ours, theirs);
        if (result) {
          log.debug(`merged ${theirs} into ${ours} in-process: no path changed on both sides`);
          return result;
        }
        merger ??= openMerger();
        const session = await merger;
        if (!session) return git.mergeOne(ours, theirs);
        log.debug(`git merge-tree (--stdin) ${ours} ${theirs}`);
        return session.merge(ours, theirs);
      },
      commit: async (tree, parents, message) => {
        writer ??= openWriter();
        const session = await writer;
        let sha: string;
        if (session) {
          log.debug(`git hash-object (--stdin-paths) commit of ${tree}`);
          sha = await session.commit(tree, parents, message);
        } else sha = await git.commitOne(tree, parents, message);
        plain?.committed(sha, tree, parents);
        return sha;
      }
    });
  } finally {
    // What failed to open has nothing to close.
    const opened: Array<Promise<Closable | null> | null> = [
      writer,
      merger,
      Promise.resolve(plain ?? null)
    ];
    for (const p of opened) if (p) await (await p.catch(() => null))?.close();
  }
}

/**
 * A commit object's text, byte for byte as `git commit-tree` writes it (UTF-8, git's default: no
 * encoding header), so the SHAs are the same. Like commit-tree, a repeated parent is dropped.
 */
export function commitObject(
  tree: string,
  parents: string[],
  idents: { author: string; committer: string },
  message: string
): string {
  return [
    `tree ${tree}`,
    ...[...new Set(parents)].map(p => `parent ${p}`),
    `author ${idents.author}`,
    `committer ${idents.committer}`,
    '',
    message
  ].join('\n');
}

const oneLine = (output: Buffer): number => {
  const end = output.indexOf('\n');
  return end < 0 ? -1 : end + 1;
};

/**
 * An identity as commit-tree would write it now: `git var`'s, with the current time unless the
 * date is pinned (GIT_AUTHOR_DATE, GIT_COMMITTER_DATE), as each commit-tree took the time anew.
 */
export function identNow(ident: string, pinned: boolean, nowMs: number): string {
  const match = /^(.* )\d+ ([+-]\d{4})$/.exec(ident);
  if (pinned || !match) return ident;
  return `${match[1]}${Math.floor(nowMs / 1000)} ${match[2]}`;
}

async function openCommitWriter(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** `git var GIT_AUTHOR_IDENT`, `git var GIT_COMMITTER_IDENT`: name, email, date. */
  author: string;
  committer: string;
  tempRoot: string;
}): Promise<CommitWriter> {
  // hash-object reads objects from files: one file, rewritten for each commit.
  const dir = await mkdtemp(join(options.tempRoot, 'staging-action-commits-'));
  const file = join(dir, 'commit');
  const session = new GitSession(
    ['hash-object', '-w', '-t', 'commit', '--no-filters', '--stdin-paths'],
    options.cwd,
    options.env
  );
  const write = async (tree: string, parents: string[], message: string): Promise<string> => {
    const now = Date.now();
    const idents = {
      author: identNow(options.author, !!options.env.GIT_AUTHOR_DATE, now),
      committer: identNow(options.committer, !!options.env.GIT_COMMITTER_DATE, now)
    };
    await writeFile(file, commitObject(tree, parents, idents, message));
    return (await session.request(`${file}\n`, oneLine)).toString('utf8').trim();
  };
  // One file and one process: commits asked for at once are written one after the other.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    commit(tree, parents, message) {
      const next = queue.then(() => write(tree, parents, message));
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      try {
        await session.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  };
}

/**
 * `merge-tree --stdin` answers each line with `<1 clean | 0 conflicts>NUL<tree>NUL`, the
 * conflicted paths (NUL after each), then a NUL: no field is empty, so the first NUL NUL ends it.
 */
const mergeAnswer = (output: Buffer): number => {
  const end = output.indexOf('\0\0');
  return end < 0 ? -1 : end + 2;
};

/** One long-lived `merge-tree --stdin`: the same results as one `merge-tree` per merge. */
function openMergeSession(cwd: string, env: NodeJS.ProcessEnv): MergeSession {
  const args = [...MERGE_TREE_ARGS, '--stdin'];
  const session = new GitSession(args, cwd, env);
  return {
    async merge(ours, theirs) {
      const bytes = await session.request(`${ours} ${theirs}\n`, mergeAnswer).catch(error => {
        // Named like the one-process merge: which two revisions failed, and git's stderr.
        if (!(error instanceof GitError)) throw error;
        throw new GitError([...MERGE_TREE_ARGS, ours, theirs], error.result);
      });
      const answer = bytes.toString('utf8');
      const [status, tree, ...paths] = answer.split('\0').filter(s => s !== '');
      if (!tree || (status !== '0' && status !== '1')) {
        throw new Error(
          `git merge-tree --stdin gave an answer it does not document for ${ours} ${theirs}: ${JSON.stringify(answer.slice(0, 200))}`
        );
      }
      if (status === '1') return { clean: true, tree };
      return { clean: false, tree, conflicts: conflictPaths(paths, [ours, theirs]) };
    },
    close: () => session.close()
  };
}
