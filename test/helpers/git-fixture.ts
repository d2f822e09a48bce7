// Real-git fixtures for tests and the benchmark: a bare "origin" repository shaped like a GitHub
// repository (branches, refs/pull/N/head) and checkouts made the way actions/checkout makes them.
//
// Loaded straight from scripts by Node's type stripping: relative imports name `.ts` files and no
// TypeScript-only runtime syntax is used.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { authorArgs, gitEnv } from './git-env.ts';

const NAME = 'Staging Fixture';
const EMAIL = 'fixture@example.invalid';

// Passed on every command so no user, system or CI configuration leaks into a fixture.
const CONFIG = [
  ...authorArgs(NAME, EMAIL),
  '-c',
  'init.defaultBranch=main',
  '-c',
  'commit.gpgsign=false',
  '-c',
  'tag.gpgsign=false'
];

export interface GitRunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface GitRunOptions {
  cwd: string;
  input?: string | Buffer;
  env?: Record<string, string>;
}

/** The environment fixtures run git with: no system/global config, no prompts, C locale. */
export const fixtureGitEnv = gitEnv;

/** Runs git with an argument array; resolves with the exit code instead of throwing. */
export function tryGit(args: string[], options: GitRunOptions): Promise<GitRunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...CONFIG, ...args], {
      cwd: options.cwd,
      env: fixtureGitEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe']
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    // git may exit before reading all of stdin (e.g. on a bad argument); that is reported by the
    // exit code, not as an unhandled EPIPE.
    child.stdin.on('error', () => undefined);
    child.on('close', code => {
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8')
      });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Runs git and returns stdout; throws with git's stderr when it fails. */
export async function git(args: string[], options: GitRunOptions): Promise<string> {
  const result = await tryGit(args, options);
  if (result.code !== 0) {
    throw new Error(
      `git ${args.join(' ')} (in ${options.cwd}) exited ${result.code}: ${result.stderr.trim()}`
    );
  }
  return result.stdout;
}

export interface Origin {
  /** Temp directory holding everything of this fixture; removed by cleanup(). */
  dir: string;
  /** The bare repository playing GitHub's copy (`<dir>/origin.git`). */
  bareDir: string;
  /** Default fetch URL: the bare repository's path. */
  url: string;
  /**
   * Commits `files` (null deletes) on `branch` and updates the branch in the bare repository.
   * A missing branch is created from `from` (a branch name or SHA; default `main`). Returns the
   * new commit's SHA.
   */
  commit(
    branch: string,
    files: Record<string, string | null>,
    message: string,
    options?: { from?: string }
  ): Promise<string>;
  /** Points `refs/pull/{number}/head` at `headSha`, as GitHub does for an open pull request. */
  openPr(number: number, headSha: string): Promise<void>;
  setRef(ref: string, sha: string): Promise<void>;
  deleteRef(ref: string): Promise<void>;
  /** The SHA `ref` resolves to in the bare repository, or null when it does not exist. */
  revParse(ref: string): Promise<string | null>;
  /** The content of `path` at `ref`, or null when the path (or ref) does not exist. */
  showFile(ref: string, path: string): Promise<string | null>;
  /** Commit subjects reachable from `ref`, newest first. */
  log(ref: string): Promise<string[]>;
  /** Raw git in the bare repository; returns stdout. */
  git(args: string[]): Promise<string>;
  cleanup(): Promise<void>;
}

interface FileChange {
  path: string;
  content: string | null;
}

// fast-import takes unquoted paths up to the end of the line unless they start with a quote or
// contain a newline; C-style quoting covers the rest.
function fastImportPath(p: string): string {
  if (!/^"|[\n\\"]/.test(p)) return p;
  return `"${p.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function dataBlock(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

/**
 * One fast-import stream creating a single commit on `ref`, printing its SHA (get-mark). One git
 * process per commit however many files, which is what keeps `populate` fast.
 */
function commitStream(
  ref: string,
  parent: string | null,
  message: string,
  changes: Iterable<FileChange>
): string {
  const when = `${Math.floor(Date.now() / 1000)} +0000`;
  const parts = [
    `commit ${ref}\n`,
    'mark :1\n',
    `author ${NAME} <${EMAIL}> ${when}\n`,
    `committer ${NAME} <${EMAIL}> ${when}\n`,
    dataBlock(message)
  ];
  if (parent) parts.push(`from ${parent}\n`);
  for (const change of changes) {
    if (change.content === null) parts.push(`D ${fastImportPath(change.path)}\n`);
    else parts.push(`M 100644 inline ${fastImportPath(change.path)}\n`, dataBlock(change.content));
  }
  parts.push('\nget-mark :1\n');
  return parts.join('');
}

async function fastImportCommit(
  bareDir: string,
  ref: string,
  parent: string | null,
  message: string,
  changes: Iterable<FileChange>
): Promise<string> {
  // --force: the parent is chosen explicitly, so a reset to an unrelated base is intended.
  const out = await git(['fast-import', '--quiet', '--force'], {
    cwd: bareDir,
    input: commitStream(ref, parent, message, changes)
  });
  return out.trim();
}

async function revParseIn(bareDir: string, ref: string): Promise<string | null> {
  const result = await tryGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
    cwd: bareDir
  });
  return result.code === 0 ? result.stdout.trim() : null;
}

/** A branch name resolves as a branch first (so `main` never means a tag or a SHA prefix). */
async function resolveBase(bareDir: string, from: string): Promise<string> {
  const sha =
    (await revParseIn(bareDir, `refs/heads/${from}`)) ?? (await revParseIn(bareDir, from));
  if (!sha) throw new Error(`git-fixture: cannot resolve '${from}' in ${bareDir}`);
  return sha;
}

function changesOf(files: Record<string, string | null>): FileChange[] {
  return Object.entries(files).map(([p, content]) => ({ path: p, content }));
}

/**
 * A bare repository (`origin.git`) with an initial commit on `main` holding `files` (default: a
 * README). Commits are written straight into the bare repository with fast-import, so the state
 * is exactly what a push of the same commits would leave there.
 */
export async function createOrigin(
  options: { files?: Record<string, string> } = {}
): Promise<Origin> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'staging-action-'));
  const bareDir = path.join(dir, 'origin.git');
  await git(['init', '--bare', '--quiet', bareDir], { cwd: dir });
  const run = (args: string[]): Promise<string> => git(args, { cwd: bareDir });
  await fastImportCommit(
    bareDir,
    'refs/heads/main',
    null,
    'Initial commit',
    changesOf(options.files ?? { 'README.md': '# fixture\n' })
  );

  return {
    dir,
    bareDir,
    url: bareDir,
    async commit(branch, files, message, commitOptions = {}) {
      const ref = `refs/heads/${branch}`;
      const parent =
        (await revParseIn(bareDir, ref)) ??
        (await resolveBase(bareDir, commitOptions.from ?? 'main'));
      return fastImportCommit(bareDir, ref, parent, message, changesOf(files));
    },
    async openPr(number, headSha) {
      await run(['update-ref', `refs/pull/${number}/head`, headSha]);
    },
    async setRef(ref, sha) {
      await run(['update-ref', ref, sha]);
    },
    async deleteRef(ref) {
      await run(['update-ref', '-d', ref]);
    },
    revParse: ref => revParseIn(bareDir, ref),
    async showFile(ref, filePath) {
      const result = await tryGit(['cat-file', 'blob', `${ref}:${filePath}`], { cwd: bareDir });
      return result.code === 0 ? result.stdout : null;
    },
    async log(ref) {
      const out = await run(['log', '--format=%s', ref, '--']);
      return out.split('\n').filter(line => line !== '');
    },
    git: run,
    cleanup: () => rm(dir, { recursive: true, force: true })
  };
}

export interface PopulateOptions {
  /** How many files to add. */
  files: number;
  /** Branch to commit on (default `main`); created from `main` when missing. */
  branch?: string;
  /** Top-level folder of the generated tree (default `gen`). */
  prefix?: string;
  message?: string;
  /** Content of file i (default a one-line text naming it). */
  content?: (index: number) => string;
}

/** Where generated file i lives: ~20 files per folder, two levels deep, stable across runs. */
export function populatedPath(prefix: string, index: number): string {
  const leaf = Math.floor(index / 20);
  return `${prefix}/d${Math.floor(leaf / 50)}/e${leaf % 50}/f${index}.txt`;
}

/**
 * Adds `files` small files in nested folders in one commit (one fast-import process: 20,000
 * files take well under seconds). Returns the commit SHA.
 */
export async function populate(origin: Origin, options: PopulateOptions): Promise<string> {
  const prefix = options.prefix ?? 'gen';
  const content = options.content ?? ((i: number): string => `generated file ${i}\n`);
  const branch = options.branch ?? 'main';
  const ref = `refs/heads/${branch}`;
  const parent = (await origin.revParse(ref)) ?? (await resolveBase(origin.bareDir, 'main'));
  function* changes(): Generator<FileChange> {
    for (let i = 0; i < options.files; i++) {
      yield { path: populatedPath(prefix, i), content: content(i) };
    }
  }
  return fastImportCommit(
    origin.bareDir,
    ref,
    parent,
    options.message ?? `Add ${options.files} generated files`,
    changes()
  );
}

export interface CheckoutOptions {
  /** Like actions/checkout `fetch-depth`: default 1; 0 fetches all history, branches and tags. */
  depth?: number;
  /** Branch to check out (default `main`). */
  ref?: string;
  /** Fetch URL (default the bare repository's path), e.g. the fake GitHub's `gitUrl()`. */
  url?: string;
  /** Token sent as actions/checkout does: an `http.<origin>/.extraheader` basic auth header. */
  token?: string;
}

let checkoutCounter = 0;

/**
 * A working copy made the way actions/checkout@v4 makes one for a push, workflow_dispatch or
 * schedule event (init, remote add, fetch with its refspecs and flags, checkout -B). Lives inside
 * the origin's temp dir, so `origin.cleanup()` removes it too. Returns its path.
 */
export async function cloneLikeCheckout(
  origin: Origin,
  options: CheckoutOptions = {}
): Promise<string> {
  const depth = options.depth ?? 1;
  const ref = options.ref ?? 'main';
  const url = options.url ?? origin.url;
  checkoutCounter += 1;
  const dir = path.join(origin.dir, `checkout-${process.pid}-${checkoutCounter}`);
  await git(['init', '--quiet', dir], { cwd: origin.dir });
  const run = (args: string[]): Promise<string> => git(args, { cwd: dir });
  await run(['remote', 'add', 'origin', url]);
  await run(['config', '--local', 'gc.auto', '0']);
  if (options.token !== undefined) {
    const basic = Buffer.from(`x-access-token:${options.token}`).toString('base64');
    await run([
      'config',
      '--local',
      `http.${new URL(url).origin}/.extraheader`,
      `AUTHORIZATION: basic ${basic}`
    ]);
  }
  const fetch = ['-c', 'protocol.version=2', 'fetch'];
  if (depth > 0) {
    await run([
      ...fetch,
      '--no-tags',
      '--prune',
      '--no-recurse-submodules',
      `--depth=${depth}`,
      'origin',
      `+refs/heads/${ref}:refs/remotes/origin/${ref}`
    ]);
  } else {
    await run([
      ...fetch,
      '--prune',
      '--no-recurse-submodules',
      'origin',
      '+refs/heads/*:refs/remotes/origin/*',
      '+refs/tags/*:refs/tags/*'
    ]);
  }
  await run(['checkout', '--quiet', '--force', '-B', ref, `refs/remotes/origin/${ref}`]);
  return dir;
}
