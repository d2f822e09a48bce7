// Commits for a merge loop without a process per commit. Staging gets one merge commit per PR, and
// each merge needs the previous commit, so they cannot be batched into one command; instead one
// `git hash-object -w -t commit --stdin-paths` stays up and writes each commit object, which git
// checks like any other (fsck of the header). `merge-tree --stdin` cannot play that part for the
// merges: it does not flush its output between merges, so it answers only once its input ends.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitSession } from './git-process.js';

export interface CommitWriter {
  /** The commit `git commit-tree <tree> -p … -F -` makes, as its SHA. */
  commit(tree: string, parents: string[], message: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A commit object's text, byte for byte as `git commit-tree` writes it (no encoding header: git's
 * default UTF-8), so the SHAs are the same.
 */
export function commitObject(
  tree: string,
  parents: string[],
  idents: { author: string; committer: string },
  message: string
): string {
  return [
    `tree ${tree}`,
    ...parents.map(p => `parent ${p}`),
    `author ${idents.author}`,
    `committer ${idents.committer}`,
    '',
    message
  ].join('\n');
}

const oneLine = (output: string): number => {
  const end = output.indexOf('\n');
  return end < 0 ? -1 : end + 1;
};

export async function openCommitWriter(options: {
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
  return {
    async commit(tree, parents, message) {
      await writeFile(file, commitObject(tree, parents, options, message));
      return (await session.request(file, oneLine)).trim();
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
