// Git.changedFilesBatch against real git: for every head it answers, the same paths as the
// three-dot `git diff` that conflict attribution asked for one PR at a time before.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Git } from '../../src/io/git.js';
import { GIT_ISOLATION, authorArgs } from '../helpers/git-env.js';

const execFileAsync = promisify(execFile);
const ISOLATION = { ...GIT_ISOLATION, LC_ALL: 'C' };
let dir = '';
const saved = { ...process.env };

async function git(args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(
    'git',
    [...authorArgs('Fixture', 'fixture@example.invalid'), ...args],
    { cwd: dir, env: { ...process.env, ...ISOLATION }, encoding: 'utf8' }
  );
  return stdout.trim();
}

async function commit(files: Record<string, string | null>, message: string): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    if (content === null) await git(['rm', '-q', '--', path]);
    else {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
      await git(['add', '--', path]);
    }
  }
  await git(['commit', '-q', '--allow-empty', '-m', message]);
  return git(['rev-parse', 'HEAD']);
}

const sha: Record<string, string> = {};
beforeAll(async () => {
  Object.assign(process.env, ISOLATION);
  dir = mkdtempSync(join(tmpdir(), 'git-batch-'));
  await git(['init', '-q', '-b', 'main']);
  const long = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n') + '\n';
  sha.m0 = await commit({ 'README.md': 'app\n', 'r.txt': long, 'x.txt': 'x\n' }, 'm0');
  sha.m1 = await commit({ 'x.txt': 'x1\n' }, 'm1');
  sha.m2 = await commit({ 'y.txt': 'y\n' }, 'm2');
  // Forked from an older base: only its own change, not the base's since.
  await git(['checkout', '-q', '-b', 'old', sha.m0]);
  sha.old = await commit({ 'a.txt': 'a\n', 'dir with space/é.txt': 'e\n' }, 'old');
  // A rename: `git diff` names the new path only.
  await git(['checkout', '-q', '-b', 'rename', sha.m1]);
  await git(['mv', 'r.txt', 's.txt']);
  sha.rename = await commit({ 'b.txt': 'b\n' }, 'rename');
  // Main merged into the PR: two boundary commits, left to the one-by-one diff.
  await git(['checkout', '-q', '-b', 'synced', sha.m0]);
  await commit({ 'c.txt': 'c\n' }, 'synced');
  await git(['merge', '-q', '--no-edit', sha.m1]);
  sha.synced = await git(['rev-parse', 'HEAD']);
  // Nothing changed, and a head already in the base.
  await git(['checkout', '-q', '-b', 'empty', sha.m2]);
  sha.empty = await commit({}, 'empty');
  sha.inBase = sha.m1;
});
afterAll(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

it('lists, in one batch, the paths `git diff base...head` lists for each head it answers', async () => {
  const g = new Git(dir);
  const heads = ['old', 'rename', 'synced', 'empty', 'inBase'].map(k => sha[k]);
  const batch = await g.changedFilesBatch(sha.m2, heads);

  expect([...batch.keys()].sort()).toEqual(
    [sha.old, sha.rename, sha.empty, sha.inBase].map(String).sort()
  );
  for (const [head, files] of batch) {
    expect(files).toEqual(await g.changedFiles(sha.m2, head));
  }
  expect(batch.get(sha.old)).toEqual(['a.txt', 'dir with space/é.txt']);
  expect(batch.get(sha.rename)).toEqual(['b.txt', 's.txt']);
  expect(batch.get(sha.empty)).toEqual([]);
  expect(batch.get(sha.inBase)).toEqual([]);
  expect(await g.changedFiles(sha.m2, sha.synced)).toEqual(['c.txt']);
});
