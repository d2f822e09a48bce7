// Git.withMerges against real git: its merges and commits (long-lived processes) must give exactly
// what one merge-tree and one commit-tree per call give, chained as rebuild chains them. The git
// on PATH decides the merge path (a `merge-tree --stdin` session from git 2.49, one process per
// merge before); STAGING_TEST_GIT_DIRS (bin directories, ':'-separated) adds other gits to run
// the same checks with, so both paths are covered on a machine that has both.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Git, GitError, type MergePlan, type MergeResult } from '../../src/io/git.js';
import { authorArgs, gitEnv, isolateProcessGit } from '../helpers/git-env.js';

const execFileAsync = promisify(execFile);
const ORIGINAL_PATH = process.env.PATH ?? '';
const GITS = [
  { label: 'the git on PATH', path: ORIGINAL_PATH },
  ...(process.env.STAGING_TEST_GIT_DIRS ?? '')
    .split(':')
    .filter(dir => dir !== '')
    .map(dir => ({ label: `the git in ${dir}`, path: `${dir}:${ORIGINAL_PATH}` }))
];

let root = '';
let repo = '';
const sha: Record<string, string> = {};

async function git(args: string[]): Promise<string> {
  const env = gitEnv({ PATH: process.env.PATH ?? '' });
  const { stdout } = await execFileAsync(
    'git',
    [...authorArgs('F', 'f@example.invalid'), ...args],
    {
      cwd: repo,
      env,
      encoding: 'utf8'
    }
  );
  return stdout;
}

async function commitOn(
  branch: string,
  from: string,
  files: Record<string, string | null>
): Promise<string> {
  // The first commit starts the repository's own branch.
  if (from !== '') await git(['checkout', '--quiet', '-B', branch, from]);
  for (const [path, content] of Object.entries(files)) {
    const file = join(repo, path);
    if (content === null) rmSync(file, { recursive: true });
    else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
  await git(['add', '--all']);
  await git(['commit', '--quiet', '--message', branch]);
  return (await git(['rev-parse', 'HEAD'])).trim();
}

beforeAll(async () => {
  isolateProcessGit();
  root = mkdtempSync(join(tmpdir(), 'staging-git-merges-'));
  repo = join(root, 'repo');
  await execFileAsync('git', ['init', '--quiet', '--initial-branch=main', repo], { env: gitEnv() });
  sha.base = await commitOn('main', '', {
    'shared.txt': 'a\nb\nc\n',
    'données/café ☕.txt': 'base\n',
    'dir with space/file.txt': 'base\n',
    'node.txt': 'a file\n'
  });
  sha.one = await commitOn('one', sha.base, { 'one.txt': 'one\n' });
  sha.two = await commitOn('two', sha.base, { 'shared.txt': 'a\nTWO\nc\n' });
  sha.clash = await commitOn('clash', sha.base, { 'shared.txt': 'a\nCLASH\nc\n' });
  sha.unicode = await commitOn('unicode', sha.base, {
    'données/café ☕.txt': 'changed\n',
    'dir with space/file.txt': 'changed\n'
  });
  sha.unicode2 = await commitOn('unicode2', sha.base, {
    'données/café ☕.txt': 'other\n',
    'dir with space/file.txt': 'other\n'
  });
  // A file on one side, a directory of the same name on the other: git names `node.txt~<side>`.
  sha.fileSide = await commitOn('file-side', sha.base, { 'node.txt': 'changed file\n' });
  sha.dirSide = await commitOn('dir-side', sha.base, {
    'node.txt': null,
    'node.txt/inner.txt': 'now a directory\n'
  });
});

afterAll(() => {
  process.env.PATH = ORIGINAL_PATH;
  rmSync(root, { recursive: true, force: true });
});

describe.each(GITS)('withMerges with $label', ({ path }) => {
  beforeAll(() => {
    process.env.PATH = path;
  });
  afterAll(() => {
    process.env.PATH = ORIGINAL_PATH;
  });

  it('merges and commits a chain exactly as one merge-tree and one commit-tree per step do', async () => {
    const g = new Git(repo);
    const heads = [
      sha.one,
      sha.two,
      sha.clash,
      sha.unicode,
      sha.unicode2,
      sha.dirSide,
      sha.fileSide
    ];
    // Rebuild's loop, once with a process per call, once through withMerges.
    const oneByOne = async (): Promise<Array<MergeResult | string>> => {
      const trace: Array<MergeResult | string> = [];
      let head = sha.base;
      for (const theirs of heads) {
        const r = await g.mergeTree(head, theirs);
        trace.push(r);
        if (r.clean) head = await g.commitTree(r.tree, [head, theirs], `Merge ${theirs}\n`);
        trace.push(head);
      }
      return trace;
    };
    // With a plan, the plain merges among them are done in-process: same results.
    const session = (plan?: MergePlan): Promise<Array<MergeResult | string>> =>
      g.withMerges(async ({ merge, commit }) => {
        const trace: Array<MergeResult | string> = [];
        let head = sha.base;
        for (const theirs of heads) {
          const r = await merge(head, theirs);
          trace.push(r);
          if (r.clean) head = await commit(r.tree, [head, theirs], `Merge ${theirs}\n`);
          trace.push(head);
        }
        return trace;
      }, plan);
    process.env.GIT_AUTHOR_DATE = process.env.GIT_COMMITTER_DATE = '@1764700000 +0000';
    try {
      const expected = await oneByOne();
      expect(await session()).toEqual(expected);
      expect(await session({ base: sha.base, heads })).toEqual(expected);
      // The chain holds what a user would check: clean merges, then the conflicts git reports.
      const merges = expected.filter((x): x is MergeResult => typeof x !== 'string');
      expect(merges.map(m => m.clean)).toEqual([true, true, false, true, false, true, false]);
      expect(merges[2]).toMatchObject({ conflicts: ['shared.txt'] });
      expect(merges[4]).toMatchObject({
        conflicts: ['dir with space/file.txt', 'données/café ☕.txt']
      });
      expect(merges[6]).toMatchObject({ conflicts: ['node.txt'] });
    } finally {
      delete process.env.GIT_AUTHOR_DATE;
      delete process.env.GIT_COMMITTER_DATE;
    }
  });

  it('answers with GIT_FLUSH=0 set, and leaves no temporary files when its function throws', async () => {
    const g = new Git(repo);
    const temp = mkdtempSync(join(root, 'runner-temp-'));
    Object.assign(process.env, { GIT_FLUSH: '0', RUNNER_TEMP: temp });
    try {
      const tree = await g.treeOf(sha.one);
      const failed = g.withMerges(async ({ merge, commit }) => {
        const merged = await merge(sha.base, sha.one);
        await commit(merged.tree, [sha.base, sha.one], 'x\n');
        throw new Error('the loop failed');
      });
      await expect(failed).rejects.toThrow('the loop failed');
      expect(readdirSync(temp)).toEqual([]);
      expect(await g.withMerges(({ commit }) => commit(tree, [sha.one], 'y\n'))).toBe(
        await g.commitTree(tree, [sha.one], 'y\n')
      );
    } finally {
      delete process.env.GIT_FLUSH;
      delete process.env.RUNNER_TEMP;
    }
  });

  it('takes the time at each commit, drops a repeated parent, and keeps a non-UTF-8 commit encoding', async () => {
    const g = new Git(repo);
    const tree = await g.treeOf(sha.two);
    const before = Math.floor(Date.now() / 1000);
    const [first, repeated] = await g.withMerges(async ({ commit }) => [
      await commit(tree, [sha.base], 'first\n'),
      await commit(tree, [sha.two, sha.two], 'repeated\n')
    ]);
    const after = Math.ceil(Date.now() / 1000);
    const stamp = Number(
      /^committer .* (\d+) [+-]\d{4}$/m.exec(await git(['cat-file', 'commit', first ?? '']))?.[1]
    );
    expect(stamp).toBeGreaterThanOrEqual(before);
    expect(stamp).toBeLessThanOrEqual(after);
    const raw = await git(['cat-file', 'commit', repeated ?? '']);
    expect(raw.match(/^parent /gm)).toHaveLength(1);

    await git(['config', 'i18n.commitEncoding', 'ISO-8859-1']);
    process.env.GIT_AUTHOR_DATE = process.env.GIT_COMMITTER_DATE = '@1764700000 +0000';
    try {
      const viaCommitTree = await g.commitTree(tree, [sha.base], 'latin\n');
      const viaSession = await g.withMerges(({ commit }) => commit(tree, [sha.base], 'latin\n'));
      expect(viaSession).toBe(viaCommitTree);
      expect(await git(['cat-file', 'commit', viaSession])).toContain('\nencoding ISO-8859-1\n');
    } finally {
      await git(['config', '--unset', 'i18n.commitEncoding']);
      delete process.env.GIT_AUTHOR_DATE;
      delete process.env.GIT_COMMITTER_DATE;
    }
  });

  it('fails a merge of a revision that does not exist, as mergeTree does', async () => {
    const g = new Git(repo);
    await expect(g.mergeTree(sha.base, 'f'.repeat(40))).rejects.toThrow(GitError);
    await expect(g.withMerges(({ merge }) => merge(sha.base, 'f'.repeat(40)))).rejects.toThrow(
      GitError
    );
  });
});
