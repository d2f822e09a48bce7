import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { log } from '../log.js';
import {
  MERGE_TREE_ARGS,
  withMergeProcesses,
  type MergePlan,
  type MergeResult,
  type Merges
} from './git-merges.js';
import {
  conflictPaths,
  forkPoints,
  isLeaseLost,
  isTransient,
  parseVersion,
  type ForkPoint
} from './git-parse.js';
import { runNetworkCommand } from './git-network.js';
import { GitError, runGit, type GitResult } from './git-process.js';
import { DEFAULT_REQUEST_TIMEOUT_S } from '../util/timeout.js';

export { GitError, type GitResult } from './git-process.js';
export { GitTimeoutError } from './git-network.js';

/** Commits made by the action are attributed to the Actions bot, passed per command. */
const IDENTITY = [
  '-c',
  'user.name=github-actions[bot]',
  '-c',
  'user.email=41898282+github-actions[bot]@users.noreply.github.com'
];

export type { MergePlan, MergeResult, Merges } from './git-merges.js';

export type PushResult = { ok: true } | { ok: false; leaseLost: boolean; message: string };

/**
 * Every git command goes through `exec` (argument arrays, never a shell; prompts disabled).
 * Methods that may fail on purpose are `try*` and return a value instead of throwing.
 */
export class Git {
  private readonly remote: string;
  /** curl's low-speed limit over this many seconds bounds every network command. */
  private readonly lowSpeedTimeS: number;
  private versionAsked: Promise<{ major: number; minor: number; text: string }> | null = null;

  constructor(
    readonly cwd: string,
    options: { remote?: string; requestTimeoutMs?: number } = {}
  ) {
    this.remote = options.remote ?? 'origin';
    const ms = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_S * 1000;
    this.lowSpeedTimeS = Math.max(1, Math.ceil(ms / 1000));
  }

  async exec(
    args: string[],
    options: { allowFailure?: boolean; input?: string } = {}
  ): Promise<GitResult> {
    log.debug(`git ${args.join(' ')}`);
    const result = await runGit(args, this.cwd, this.env(), options.input);
    if (result.exitCode !== 0 && !options.allowFailure) throw new GitError(args, result);
    return result;
  }

  /** process.env as it is now (tests and the CLI change it), with prompts off and C messages. */
  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      GIT_TERMINAL_PROMPT: '0',
      GCM_INTERACTIVE: 'Never',
      GIT_ASKPASS: '',
      SSH_ASKPASS: '',
      LC_ALL: 'C'
    };
  }

  /** A network command: retried, and bounded by request-timeout (see git-network.ts). */
  private network(args: string[]): Promise<GitResult> {
    return runNetworkCommand(a => this.exec(a, { allowFailure: true }), args, this.lowSpeedTimeS);
  }

  /** The installed git's version, asked once. */
  version(): Promise<{ major: number; minor: number; text: string }> {
    this.versionAsked ??= this.exec(['version']).then(r => parseVersion(r.stdout));
    return this.versionAsked;
  }

  async isRepository(): Promise<boolean> {
    const r = await this.exec(['rev-parse', '--git-dir'], { allowFailure: true });
    return r.exitCode === 0;
  }

  async isShallow(): Promise<boolean> {
    const { stdout } = await this.exec(['rev-parse', '--is-shallow-repository']);
    return stdout.trim() === 'true';
  }

  async tryRevParse(rev: string): Promise<string | null> {
    const r = await this.exec(['rev-parse', '--verify', '--quiet', '--end-of-options', rev], {
      allowFailure: true
    });
    return r.exitCode === 0 ? r.stdout.trim() : null;
  }

  /** The subset of `shas` that are commits in this repository, in one process. */
  async presentCommits(shas: string[]): Promise<Set<string>> {
    if (shas.length === 0) return new Set();
    const { stdout } = await this.exec(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
      input: shas.map(sha => `${sha}^{commit}`).join('\n') + '\n'
    });
    const present = new Set<string>();
    for (const line of stdout.split('\n')) {
      const [name, type] = line.split(' ');
      if (type === 'commit' && name) present.add(name);
    }
    return present;
  }

  /** One fetch for all refspecs. `unshallow` turns a shallow checkout into a full one. */
  async fetch(refspecs: string[], options: { unshallow?: boolean } = {}): Promise<void> {
    const args = this.fetchArgs(refspecs, options);
    const r = await this.network(args);
    if (r.exitCode !== 0) throw new GitError(args, r);
  }

  /**
   * Fetches commits by SHA, writing no refs; false when the remote does not serve one of them (the
   * whole fetch fails then). A fetch of SHAs alone skips the ref advertisement: one round trip less.
   * An outage that outlasted the retries throws: it is not a refusal, and another way in would
   * only meet it again (or report a head as missing that the server has).
   */
  async tryFetchCommits(shas: string[], options: { unshallow?: boolean } = {}): Promise<boolean> {
    const args = this.fetchArgs(shas, options);
    const r = await this.network(args);
    if (r.exitCode !== 0 && isTransient(r.stderr)) throw new GitError(args, r);
    return r.exitCode === 0;
  }

  private fetchArgs(targets: string[], options: { unshallow?: boolean }): string[] {
    const args = ['fetch', '--no-tags', '--no-write-fetch-head', '--quiet'];
    if (options.unshallow) args.push('--unshallow');
    return [...args, this.remote, ...targets];
  }

  /** A merge without a worktree (git ≥ 2.38). Conflicted paths come back, the merge is not fatal. */
  async mergeTree(ours: string, theirs: string): Promise<MergeResult> {
    const args = [...MERGE_TREE_ARGS, ours, theirs];
    const r = await this.exec(args, { allowFailure: true });
    if (r.exitCode !== 0 && r.exitCode !== 1) throw new GitError(args, r);
    const [tree, ...rest] = r.stdout.split('\0').filter(s => s !== '');
    if (!tree) throw new GitError(args, r);
    if (r.exitCode === 0) return { clean: true, tree };
    return { clean: false, tree, conflicts: conflictPaths(rest, [ours, theirs]) };
  }

  async commitTree(tree: string, parents: string[], message: string): Promise<string> {
    const args = [...IDENTITY, 'commit-tree', tree, ...parents.flatMap(p => ['-p', p]), '-F', '-'];
    const { stdout } = await this.exec(args, { input: message });
    return stdout.trim();
  }

  /**
   * `fn` with `merge` and `commit` that give what mergeTree and commitTree give, through long-lived
   * git processes (started at first use) instead of a process per call: for merge loops, whose
   * calls come one at a time. Merges are one process each before git 2.49 (see git-merges.ts).
   */
  withMerges<T>(fn: (merges: Merges) => Promise<T>, plan?: MergePlan): Promise<T> {
    return withMergeProcesses(
      {
        cwd: this.cwd,
        env: this.env(),
        version: () => this.version(),
        ident: async name => (await this.exec([...IDENTITY, 'var', name])).stdout.trim(),
        config: async name => {
          const r = await this.exec(['config', '--get', name], { allowFailure: true });
          return r.exitCode === 0 ? r.stdout.trim() : null;
        },
        mergeOne: (ours, theirs) => this.mergeTree(ours, theirs),
        commitOne: (tree, parents, message) => this.commitTree(tree, parents, message),
        forkPoints: (base, heads) => this.forkPoints(base, heads)
      },
      fn,
      plan
    );
  }

  /** Where each head left `base` (see forkPoints in git-parse.ts), from one rev-list. */
  async forkPoints(base: string, heads: string[]): Promise<Map<string, ForkPoint | null>> {
    if (heads.length === 0) return new Map();
    const { stdout } = await this.exec(['rev-list', '--parents', '--boundary', '--stdin'], {
      input: [...heads, `^${base}`].join('\n') + '\n'
    });
    return forkPoints(stdout, heads);
  }

  async treeOf(rev: string): Promise<string> {
    const { stdout } = await this.exec([
      'rev-parse',
      '--verify',
      '--end-of-options',
      `${rev}^{tree}`
    ]);
    return stdout.trim();
  }

  /** Paths changed on `head` since it forked from `base` (three-dot diff). */
  async changedFiles(base: string, head: string): Promise<string[]> {
    const { stdout } = await this.exec(['diff', '--name-only', '-z', `${base}...${head}`, '--']);
    return stdout.split('\0').filter(s => s !== '');
  }

  /**
   * `changedFiles(base, head)` for many heads in two processes: one `rev-list` finds each head's
   * merge base with `base`, one `diff-tree --stdin` lists the paths. A head with more than one
   * candidate merge base (criss-cross history) is left out: the caller asks for it on its own.
   */
  async changedFilesBatch(base: string, heads: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (heads.length === 0) return result;
    const forks = await this.forkPoints(base, heads);
    const pairs: Array<[string, string]> = [];
    for (const head of heads) {
      const found = forks.get(head);
      if (found === null)
        result.set(head, []); // already in base: nothing changed since it
      else if (found !== undefined) pairs.push([head, found.base]);
    }
    if (pairs.length === 0) return result;
    // `-M`: `git diff` detects renames by default and names only the new path; so does this.
    const diff = await this.exec(
      ['diff-tree', '--stdin', '--always', '-r', '-M', '--name-only', '-z'],
      {
        input: pairs.map(([head, mb]) => `${head} ${mb}`).join('\n') + '\n'
      }
    );
    const tokens = diff.stdout.split('\0').filter(s => s !== '');
    let i = 0;
    for (const [k, [head]] of pairs.entries()) {
      if (tokens[i] !== head) throw new GitError(['diff-tree', '--stdin'], diff);
      const next = pairs[k + 1]?.[0];
      const files: string[] = [];
      for (i++; i < tokens.length && tokens[i] !== next; i++) files.push(tokens[i]);
      result.set(head, files);
    }
    return result;
  }

  /**
   * `fn` in a temporary detached worktree of `rev` (under RUNNER_TEMP), removed afterwards
   * whatever happens: for commands that must see another commit's files (a catalog command on
   * the base branch, verify-command on a candidate).
   */
  async withWorktree<T>(rev: string, prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), prefix));
    try {
      await this.exec(['worktree', 'add', '--detach', '--quiet', dir, rev]);
      return await fn(dir);
    } finally {
      await this.exec(['worktree', 'remove', '--force', dir], { allowFailure: true });
      await rm(dir, { recursive: true, force: true });
      await this.exec(['worktree', 'prune'], { allowFailure: true });
    }
  }

  /** The file at `rev:path`, or null when the revision or the path does not exist. */
  async tryShowFile(rev: string, path: string): Promise<string | null> {
    // Not `git show`: for a directory it prints a tree listing and succeeds.
    const r = await this.exec(['cat-file', 'blob', `${rev}:${path}`], { allowFailure: true });
    return r.exitCode === 0 ? r.stdout : null;
  }

  /**
   * Force-pushes `sha` to `refs/heads/<branch>` only if the remote branch is still `expected`
   * (null: must not exist yet). A lost lease overwrites nothing.
   */
  async tryPushWithLease(
    sha: string,
    branch: string,
    expected: string | null
  ): Promise<PushResult> {
    const ref = `refs/heads/${branch}`;
    const args = [
      'push',
      '--porcelain',
      `--force-with-lease=${ref}:${expected ?? ''}`,
      this.remote,
      `${sha}:${ref}`
    ];
    const r = await this.network(args);
    if (r.exitCode === 0) return { ok: true };
    const leaseLost = isLeaseLost(`${r.stdout}\n${r.stderr}`);
    return { ok: false, leaseLost, message: r.stderr.trim() || r.stdout.trim() };
  }
}
