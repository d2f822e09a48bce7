// Reading the bare repositories the fake fronts: refs and commits, live, with this machine's git
// configuration kept out.
import { spawn } from 'node:child_process';
import { gitEnv } from '../git-env.ts';
import { isoSeconds } from './state.ts';

interface GitOut {
  code: number;
  stdout: string;
  stderr: string;
}

export function runGit(cwd: string, args: string[]): Promise<GitOut> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', code =>
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8')
      })
    );
  });
}

export async function gitOk(cwd: string, args: string[]): Promise<string> {
  const result = await runGit(cwd, args);
  if (result.code !== 0) {
    throw new Error(`git ${args.join(' ')} exited ${result.code}: ${result.stderr.trim()}`);
  }
  return result.stdout;
}

export interface RefEntry {
  oid: string;
  type: string;
}

export async function readRefs(bareDir: string): Promise<Map<string, RefEntry>> {
  const out = await gitOk(bareDir, [
    'for-each-ref',
    '--format=%(objectname) %(objecttype) %(refname)'
  ]);
  const refs = new Map<string, RefEntry>();
  for (const line of out.split('\n')) {
    const [oid, type, name] = line.split(' ');
    if (oid && type && name) refs.set(name, { oid, type });
  }
  return refs;
}

export interface CommitDetails {
  tree: string;
  parents: string[];
  message: string;
  authoredDate: string;
  committedDate: string;
}

function signatureDate(line: string): string {
  const match = / (\d+) [+-]\d{4}$/.exec(line);
  return isoSeconds(new Date(Number(match?.[1] ?? 0) * 1000));
}

/** A commit object's text as GitHub reports it. */
function parseCommit(raw: string): CommitDetails {
  const split = raw.indexOf('\n\n');
  const headers = (split < 0 ? raw : raw.slice(0, split)).split('\n');
  const details: CommitDetails = {
    tree: '',
    parents: [],
    // GitHub reports the message without git's trailing newline.
    message: split < 0 ? '' : raw.slice(split + 2).replace(/\n$/, ''),
    authoredDate: '',
    committedDate: ''
  };
  for (const header of headers) {
    if (header.startsWith('tree ')) details.tree = header.slice(5);
    else if (header.startsWith('parent ')) details.parents.push(header.slice(7));
    else if (header.startsWith('author ')) details.authoredDate = signatureDate(header);
    else if (header.startsWith('committer ')) details.committedDate = signatureDate(header);
  }
  return details;
}

/**
 * Reads commits: the reads asked in one turn of the event loop (a
 * GraphQL page resolving its PRs' heads) share one `git cat-file --batch`, instead of a process
 * each, so the fake's own time per page stays small next to the latency it is given.
 */
export function commitReader(bareDir: string): (oid: string) => Promise<CommitDetails> {
  let queue: Array<{
    oid: string;
    resolve: (d: CommitDetails) => void;
    reject: (e: Error) => void;
  }> = [];
  const flush = (): void => {
    const batch = queue;
    queue = [];
    const child = spawn('git', ['cat-file', '--batch'], { cwd: bareDir, env: gitEnv() });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.on('error', error => batch.forEach(b => b.reject(error)));
    child.on('close', () => {
      const stdout = Buffer.concat(out);
      let at = 0;
      for (const b of batch) {
        const eol = stdout.indexOf(10, at);
        const [, type, size] = stdout
          .subarray(at, eol < 0 ? at : eol)
          .toString('utf8')
          .split(' ');
        if (eol < 0 || type !== 'commit') {
          b.reject(new Error(`git cat-file commit ${b.oid}: not a commit in ${bareDir}`));
          // `<oid> missing` has no body; another object's body (and its newline) is skipped.
          at = eol < 0 ? stdout.length : type === 'missing' ? eol + 1 : eol + 1 + Number(size) + 1;
          continue;
        }
        const end = eol + 1 + Number(size);
        b.resolve(parseCommit(stdout.subarray(eol + 1, end).toString('utf8')));
        at = end + 1;
      }
    });
    child.stdin.end(batch.map(b => b.oid).join('\n') + '\n');
  };
  return oid =>
    new Promise((resolve, reject) => {
      // cat-file --batch would take a revision expression; the fake is asked for object ids only.
      if (!/^[0-9a-f]{40}$/.test(oid)) {
        reject(new Error(`git cat-file commit ${oid}: not an object id`));
        return;
      }
      queue.push({ oid, resolve, reject });
      if (queue.length === 1) setImmediate(flush);
    });
}
