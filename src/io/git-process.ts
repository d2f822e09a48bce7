// How git runs: one process per command (argument arrays, never a shell), or one long-lived
// process answering many requests on stdin. Spawned directly with node:child_process: a rebuild
// runs a hundred or more short git commands, and @actions/exec's ToolRunner added about 2.5 ms to
// each (a PATH lookup per call, listeners per line), a quarter of a merge.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface GitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export class GitError extends Error {
  override name = 'GitError';
  constructor(
    readonly args: string[],
    readonly result: GitResult
  ) {
    super(`git ${args.join(' ')} failed (exit ${result.exitCode}): ${result.stderr.trim()}`);
  }
}

/** Why git could not start at all: no git on PATH, or a working directory that is gone. */
function startError(error: NodeJS.ErrnoException, cwd: string): Error {
  if (error.code !== 'ENOENT') return new Error(`git could not start: ${error.message}`);
  if (!existsSync(cwd)) return new Error(`The working directory ${cwd} does not exist.`);
  return new Error(
    'git was not found on PATH. Install git 2.38 or newer (GitHub-hosted runners have it).'
  );
}

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  // A signal has no exit code: report it the way a shell does (128 + n).
  if (code !== null) return code;
  return signal === 'SIGKILL' ? 137 : signal === 'SIGTERM' ? 143 : 128;
}

/**
 * How long output may keep coming after git exits. A process git started can hold the pipes
 * open (ssh's ControlPersist master, a hook's background job): the command is done when git is,
 * with what it printed by then, as @actions/exec did (it waited 10 s too).
 */
const STREAMS_AFTER_EXIT_MS = 10_000;

/** One git command to completion. Stdin is `input`, or /dev/null. Never throws for an exit code. */
export function runGit(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  input?: string
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      env,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    let grace: NodeJS.Timeout | undefined;
    let done = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (done) return;
      done = true;
      clearTimeout(grace);
      child.stdout?.destroy();
      child.stderr?.destroy();
      resolve({
        exitCode: exitCodeOf(code, signal),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8')
      });
    };
    child.on('error', error => {
      done = true;
      reject(startError(error, cwd));
    });
    child.on('exit', (code, signal) => {
      grace = setTimeout(() => finish(code, signal), STREAMS_AFTER_EXIT_MS);
    });
    child.on('close', finish);
    if (input !== undefined && child.stdin) {
      // A git that exits before reading all of its input (an error) must not crash the run.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
  });
}

/**
 * One long-lived git process (`merge-tree --stdin`, `hash-object --stdin-paths`, `cat-file
 * --batch`) that answers one request at a time: bytes in, an answer out that `complete`
 * recognises (its length in bytes, or -1 while incomplete). Answers are bytes: `cat-file` prints
 * binary objects. A process that dies fails the request in flight and every later one.
 */
export class GitSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private output: Buffer = Buffer.alloc(0);
  private stderr = '';
  private failure: Error | null = null;
  private pending: {
    complete: (output: Buffer) => number;
    resolve: (answer: Buffer) => void;
    reject: (error: Error) => void;
  } | null = null;
  private readonly exited: Promise<void>;

  constructor(
    private readonly args: string[],
    cwd: string,
    env: NodeJS.ProcessEnv
  ) {
    this.child = spawn('git', args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.output = this.output.length === 0 ? chunk : Buffer.concat([this.output, chunk]);
      this.answer();
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.child.stdin.on('error', () => undefined);
    this.exited = new Promise(resolve => {
      this.child.on('error', error => {
        this.fail(startError(error, cwd));
        resolve();
      });
      this.child.on('close', (code, signal) => {
        const result = { exitCode: exitCodeOf(code, signal), stdout: '', stderr: this.stderr };
        this.fail(new GitError(this.args, result));
        resolve();
      });
    });
  }

  /** Writes `input` as it is (a line request ends with its own newline). */
  request(input: string | Buffer, complete: (output: Buffer) => number): Promise<Buffer> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending) throw new Error(`git ${this.args[0]}: one request at a time`);
    return new Promise((resolve, reject) => {
      this.pending = { complete, resolve, reject };
      this.child.stdin.write(input);
    });
  }

  /** Ends the input and waits for the process to exit. */
  async close(): Promise<void> {
    this.child.stdin.end();
    await this.exited;
  }

  private answer(): void {
    if (!this.pending) return;
    const end = this.pending.complete(this.output);
    if (end < 0) return;
    const answer = this.output.subarray(0, end);
    this.output = this.output.subarray(end);
    const { resolve } = this.pending;
    this.pending = null;
    resolve(answer);
  }

  private fail(error: Error): void {
    // A clean exit after close() fails nothing: only a request still waiting sees it.
    this.failure ??= error;
    const pending = this.pending;
    this.pending = null;
    pending?.reject(this.failure);
  }
}
