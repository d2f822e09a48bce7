// The git wrapper against real git: a bare "origin" shaped like a GitHub repository (branches and
// refs/pull/N/head) and clones of it, all in a temp dir. Fixtures are built with execFile argument
// arrays, never a shell.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Git, GitError } from '../../src/io/git.js';
import { GIT_ISOLATION, authorArgs } from '../helpers/git-env.js';

const execFileAsync = promisify(execFile);

const SPACED = 'dir with space/file name.txt';
const UNICODE = 'données/café ☕.txt';
const SHARED = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

// No user or system configuration (signing, hooks, default branch) may leak into the fixture, nor
// into the Git wrapper, which passes process.env through.
const ISOLATION = { ...GIT_ISOLATION, LC_ALL: 'C' };
const savedEnv: Record<string, string | undefined> = {};

let root = '';
let bare = '';
let seed = '';
let clone = '';
let shallow = '';
/** Commit SHAs of the fixture's branches, by name. */
const sha: Record<string, string> = {};

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(
    'git',
    [...authorArgs('Fixture', 'fixture@example.invalid'), ...args],
    { cwd, env: { ...process.env, ...ISOLATION }, encoding: 'utf8' }
  );
  return stdout;
}

/** Commits `files` (null deletes) on the seed's current branch; returns the commit SHA. */
async function commit(files: Record<string, string | null>, message: string): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    const file = join(seed, path);
    if (content === null) {
      rmSync(file);
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
  await git(seed, ['add', '--all']);
  await git(seed, ['commit', '--quiet', '--message', message]);
  return (await git(seed, ['rev-parse', 'HEAD'])).trim();
}

async function branch(name: string, from: string): Promise<void> {
  await git(seed, ['checkout', '--quiet', '-b', name, from]);
}

async function remoteRef(ref: string): Promise<string | null> {
  try {
    return (await git(bare, ['rev-parse', '--verify', '--quiet', ref])).trim();
  } catch {
    return null;
  }
}

beforeAll(async () => {
  // The wrapper logs every command with core.debug; keep the test output readable.
  const write = process.stdout.write.bind(process.stdout);
  jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) =>
      typeof chunk === 'string' && chunk.startsWith('::debug::') ? true : write(chunk)
    );
  for (const key of Object.keys(ISOLATION)) savedEnv[key] = process.env[key];
  Object.assign(process.env, ISOLATION);

  root = mkdtempSync(join(tmpdir(), 'staging-git-'));
  bare = join(root, 'origin.git');
  seed = join(root, 'seed');
  await git(root, ['init', '--quiet', '--bare', '--initial-branch=main', bare]);
  await git(root, ['init', '--quiet', '--initial-branch=main', seed]);
  await git(seed, ['remote', 'add', 'origin', bare]);

  sha.base = await commit(
    {
      'README.md': '# app\n',
      'shared.txt': SHARED,
      [SPACED]: 'spaced\n',
      [UNICODE]: 'unicode\n',
      'gone.txt': 'x\n'
    },
    'Initial commit'
  );
  // Two PRs that merge cleanly: different lines of the same file, plus files of their own.
  await branch('feature-a', 'main');
  sha['feature-a'] = await commit(
    { 'shared.txt': SHARED.replace('line 1\n', 'line 1 (a)\n'), 'new dir/naïve file.txt': 'a\n' },
    'Feature A'
  );
  await branch('feature-b', 'main');
  sha['feature-b'] = await commit(
    { 'shared.txt': SHARED.replace('line 10\n', 'line 10 (b)\n'), 'b.txt': 'b\n' },
    'Feature B'
  );
  // Two branches that conflict on a plain path, a spaced path, a unicode path and a delete.
  await branch('left', 'main');
  sha.left = await commit(
    {
      'shared.txt': SHARED.replace('line 1\n', 'line 1 (left)\n'),
      [SPACED]: 'left\n',
      [UNICODE]: 'left\n',
      'gone.txt': null,
      'left-only.txt': 'l\n'
    },
    'Left'
  );
  await branch('right', 'main');
  sha.right = await commit(
    {
      'shared.txt': SHARED.replace('line 1\n', 'line 1 (right)\n'),
      [SPACED]: 'right\n',
      [UNICODE]: 'right\n',
      'gone.txt': 'changed\n',
      'right-only.txt': 'r\n'
    },
    'Right'
  );
  // main moves on after the branches forked: a three-dot diff must not report this.
  await git(seed, ['checkout', '--quiet', 'main']);
  sha.main = await commit({ 'main-only.txt': 'later\n' }, 'Later on main');
  await git(seed, ['push', '--quiet', 'origin', 'main', 'feature-a', 'feature-b', 'left', 'right']);
  // GitHub's pull request heads.
  await git(bare, ['update-ref', 'refs/pull/1/head', sha['feature-a']]);
  await git(bare, ['update-ref', 'refs/pull/2/head', sha['feature-b']]);

  clone = join(root, 'clone');
  shallow = join(root, 'shallow');
  await git(root, ['clone', '--quiet', bare, clone]);
  // --depth is ignored for plain paths: file:// makes it a real shallow clone.
  await git(root, ['clone', '--quiet', '--depth=1', `file://${bare}`, shallow]);
});

afterAll(() => {
  jest.restoreAllMocks();
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('Git', () => {
  it('reports the git version', async () => {
    const v = await new Git(clone).version();
    expect(v.text).toBe((await git(root, ['version'])).trim());
    expect(v.major).toBe(2);
    expect(v.minor).toBeGreaterThanOrEqual(38);
  });

  it('knows a shallow checkout from a full one, and unshallows on fetch', async () => {
    const full = new Git(clone);
    const shallowGit = new Git(shallow);
    expect(await full.isShallow()).toBe(false);
    expect(await full.isRepository()).toBe(true);
    expect(await new Git(root).isRepository()).toBe(false);

    expect(await shallowGit.isShallow()).toBe(true);
    expect((await shallowGit.presentCommits([sha.base])).size).toBe(0);
    await shallowGit.fetch(['+refs/heads/main:refs/remotes/origin/main'], { unshallow: true });
    expect(await shallowGit.isShallow()).toBe(false);
    expect(await shallowGit.presentCommits([sha.base])).toEqual(new Set([sha.base]));
  });

  describe('mergeTree', () => {
    it('gives the tree `git merge` produces for a clean merge', async () => {
      const result = await new Git(clone).mergeTree(
        'refs/remotes/origin/feature-a',
        'refs/remotes/origin/feature-b'
      );
      const worktree = join(root, 'merge-worktree');
      await git(clone, ['worktree', 'add', '--quiet', '--detach', worktree, 'origin/feature-a']);
      await git(worktree, ['merge', '--quiet', '--no-edit', 'origin/feature-b']);
      const merged = (await git(worktree, ['rev-parse', 'HEAD^{tree}'])).trim();
      expect(result).toEqual({ clean: true, tree: merged });
      expect(await new Git(clone).tryShowFile(merged, 'shared.txt')).toBe(
        SHARED.replace('line 1\n', 'line 1 (a)\n').replace('line 10\n', 'line 10 (b)\n')
      );
    });

    it('lists every conflicting path, unquoted, once and sorted', async () => {
      const result = await new Git(clone).mergeTree(sha.left, sha.right);
      expect(result.clean).toBe(false);
      expect(result.tree).toMatch(/^[0-9a-f]{40}$/);
      expect(result).toMatchObject({ conflicts: [SPACED, UNICODE, 'gone.txt', 'shared.txt'] });
    });

    it('throws for a revision that does not exist', async () => {
      await expect(new Git(clone).mergeTree(sha.left, 'no-such-branch')).rejects.toThrow(GitError);
    });
  });

  it('commits a tree with two parents and stores the message verbatim, without a shell', async () => {
    const g = new Git(clone);
    const tree = await g.treeOf(sha['feature-a']);
    const message =
      'Staging: "quoted", \'single\', `uname -a` and $(touch pwned) > out; echo $HOME\n\n' +
      "- #1 it's `fine` && true | cat\n";
    const commitSha = await g.commitTree(tree, [sha.main, sha['feature-a']], message);

    const raw = await git(clone, ['cat-file', 'commit', commitSha]);
    expect(raw.slice(raw.indexOf('\n\n') + 2)).toBe(message);
    expect(raw).toContain(`tree ${tree}\nparent ${sha.main}\nparent ${sha['feature-a']}\n`);
    expect(raw).toMatch(/^author github-actions\[bot\] <41898282\+github-actions\[bot\]@users/m);
    expect(existsSync(join(clone, 'pwned'))).toBe(false);
    expect(existsSync(join(clone, 'out'))).toBe(false);
  });

  describe('withMerges', () => {
    const DATES = { GIT_AUTHOR_DATE: '@1764700000 +0100', GIT_COMMITTER_DATE: '@1764700001 +0000' };

    it('makes the very commits commit-tree makes (same SHAs), chained, in one process', async () => {
      Object.assign(process.env, DATES);
      try {
        const g = new Git(clone);
        const treeA = await g.treeOf(sha['feature-a']);
        const treeB = await g.treeOf(sha.left);
        const first = 'Merge #1: café ☕ "quoted" $(touch pwned)\n\nHead: x\n';
        const second = 'Merge #2: no trailing newline';
        const viaCommitTree = await g.commitTree(treeA, [sha.main, sha['feature-a']], first);
        const chainedViaCommitTree = await g.commitTree(treeB, [viaCommitTree, sha.left], second);

        const [one, two] = await g.withMerges(async ({ commit }) => {
          const a = await commit(treeA, [sha.main, sha['feature-a']], first);
          // The second commit's parent is the first: the writer's commits are readable at once.
          const b = await commit(treeB, [a, sha.left], second);
          return [a, b];
        });
        expect(one).toBe(viaCommitTree);
        expect(two).toBe(chainedViaCommitTree);
        const raw = await git(clone, ['cat-file', 'commit', two ?? '']);
        expect(raw).toContain('author github-actions[bot] <41898282+github-actions[bot]@users');
        expect(raw).toContain(' 1764700000 +0100\ncommitter github-actions[bot]');
        expect(existsSync(join(clone, 'pwned'))).toBe(false);
      } finally {
        for (const name of Object.keys(DATES)) delete process.env[name];
      }
    });

    it('hands back what its function returns, and fails the commit for a malformed object', async () => {
      const g = new Git(clone);
      expect(await g.withMerges(() => Promise.resolve('no commits, no process'))).toBe(
        'no commits, no process'
      );
      const tree = await g.treeOf(sha.main);
      await expect(
        g.withMerges(({ commit }) => commit(tree, ['not-a-sha'], 'x\n'))
      ).rejects.toThrow(GitError);
    });
  });

  it('says clearly when git cannot start: no git on PATH, or a missing working directory', async () => {
    const saved = process.env.PATH;
    process.env.PATH = join(root, 'no-bin');
    try {
      await expect(new Git(clone).version()).rejects.toThrow(/git was not found on PATH/);
    } finally {
      process.env.PATH = saved;
    }
    await expect(new Git(join(root, 'gone')).version()).rejects.toThrow(
      `The working directory ${join(root, 'gone')} does not exist.`
    );
  });

  it('ends a command when git exits, even if a process it started keeps the output open', async () => {
    // An alias's shell starts a background sleep that inherits stdout, as an ssh ControlPersist
    // master or a hook's background job can: the command still ends, with what git printed.
    const r = await new Git(clone).exec(['-c', 'alias.hold=!sleep 40 & echo started', 'hold']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('started\n');
  }, 25_000);

  it("lists the paths a branch changed since it forked, not the base's later changes", async () => {
    const changed = await new Git(clone).changedFiles('origin/main', 'origin/feature-a');
    expect(changed).toEqual(['new dir/naïve file.txt', 'shared.txt']);
    expect(await new Git(clone).changedFiles('origin/main', 'origin/left')).toEqual([
      SPACED,
      UNICODE,
      'gone.txt',
      'left-only.txt',
      'shared.txt'
    ]);
  });

  it('shows a file at a revision, or null for a missing path or revision', async () => {
    const g = new Git(clone);
    expect(await g.tryShowFile('origin/main', 'README.md')).toBe('# app\n');
    expect(await g.tryShowFile('origin/right', SPACED)).toBe('right\n');
    expect(await g.tryShowFile('origin/left', UNICODE)).toBe('left\n');
    expect(await g.tryShowFile('origin/left', 'gone.txt')).toBeNull();
    expect(await g.tryShowFile('origin/main', '.github/staging.yml')).toBeNull();
    // A directory is not a file, even though `git show` would print its listing.
    expect(await g.tryShowFile('origin/main', 'dir with space')).toBeNull();
    expect(await g.tryShowFile('origin/no-such-branch', 'README.md')).toBeNull();
    expect(await g.tryShowFile('0'.repeat(40), 'README.md')).toBeNull();
  });

  describe('tryPushWithLease', () => {
    /** A fresh commit on top of main, so every push has something new. */
    async function candidate(g: Git, title: string): Promise<string> {
      return g.commitTree(await g.treeOf(sha.main), [sha.main], `${title}\n`);
    }

    it('creates, updates with the right lease, and refuses a stale lease without touching the remote', async () => {
      const g = new Git(clone);
      const first = await candidate(g, 'first');
      expect(await g.tryPushWithLease(first, 'staging', null)).toEqual({ ok: true });
      expect(await remoteRef('refs/heads/staging')).toBe(first);

      const second = await candidate(g, 'second');
      expect(await g.tryPushWithLease(second, 'staging', first)).toEqual({ ok: true });
      expect(await remoteRef('refs/heads/staging')).toBe(second);

      // Someone else pushed `second` since we read `first`: our view is stale.
      const third = await candidate(g, 'third');
      const stale = await g.tryPushWithLease(third, 'staging', first);
      expect(stale).toMatchObject({ ok: false, leaseLost: true });
      expect(await remoteRef('refs/heads/staging')).toBe(second);

      // "Must not exist yet" is a lease too.
      const created = await g.tryPushWithLease(third, 'staging', null);
      expect(created).toMatchObject({ ok: false, leaseLost: true });
      expect(await remoteRef('refs/heads/staging')).toBe(second);
    });

    it('reports a refusal that is not about the lease as such', async () => {
      const g = new Git(clone);
      // The remote cannot create refs/heads/deploy while refs/heads/deploy/eu exists.
      await git(bare, ['update-ref', 'refs/heads/deploy/eu', sha.main]);
      const result = await g.tryPushWithLease(await candidate(g, 'blocked'), 'deploy', null);
      expect(result).toMatchObject({ ok: false, leaseLost: false });
      expect(result.ok ? '' : result.message).not.toBe('');
      expect(await remoteRef('refs/heads/deploy')).toBeNull();
    });
  });

  describe('fetch', () => {
    it('fetches refs/pull/N/head refspecs in one git process', async () => {
      const commands: string[][] = [];
      const g = new (class extends Git {
        override exec(args: string[], options?: Parameters<Git['exec']>[1]) {
          commands.push(args);
          return super.exec(args, options);
        }
      })(clone);
      expect(await g.tryRevParse('refs/remotes/pull/1/head')).toBeNull();
      commands.length = 0;
      await g.fetch([
        '+refs/heads/main:refs/remotes/origin/main',
        '+refs/pull/1/head:refs/remotes/pull/1/head',
        '+refs/pull/2/head:refs/remotes/pull/2/head'
      ]);
      expect(commands).toHaveLength(1);
      expect(commands[0]).toContain('fetch');
      expect(await g.tryRevParse('refs/remotes/pull/1/head')).toBe(sha['feature-a']);
      expect(await g.tryRevParse('refs/remotes/pull/2/head')).toBe(sha['feature-b']);
    });

    it('throws naming the refspec the remote does not have', async () => {
      await expect(
        new Git(clone).fetch(['+refs/pull/99/head:refs/remotes/pull/99/head'])
      ).rejects.toThrow(
        /^git fetch .* origin \+refs\/pull\/99\/head:\S+ failed .*refs\/pull\/99\/head/
      );
    });
  });

  it('knows which commits it has', async () => {
    const g = new Git(clone);
    const tree = await g.treeOf(sha.right);
    const missing = '1234567890abcdef1234567890abcdef12345678';
    // A tree is an object, but not a commit.
    expect(await g.presentCommits([sha.right, missing, tree, sha.left])).toEqual(
      new Set([sha.right, sha.left])
    );
    expect(await g.presentCommits([])).toEqual(new Set());
  });

  it('resolves revisions, and null for a missing one or an option-like name', async () => {
    const g = new Git(clone);
    expect(await g.tryRevParse('refs/remotes/origin/left')).toBe(sha.left);
    expect(await g.tryRevParse('refs/remotes/origin/no-such-branch')).toBeNull();
    expect(await g.tryRevParse('--all')).toBeNull();
  });
});
