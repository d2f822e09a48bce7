// Reading the bare repositories the fake fronts: refs and commits, live, with this machine's git
// configuration kept out.
import { spawn } from 'node:child_process';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
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

/** Per bare repository: the last listing, and the ref files' contents it was read from. */
const refListings = new Map<string, { fingerprint: string; refs: ReadonlyMap<string, string> }>();

/**
 * Every ref and the object it points at, as `git for-each-ref` lists them. Only names and ids:
 * `%(objecttype)` would make git read each ref's object (hundreds of PR heads), so a ref's type
 * is read when a query asks for it. The listing is reused while git's ref files hold what they
 * held, which spares most requests a git process. Tests and the bench change refs with git
 * directly, behind the fake's back, so only the files can tell; their contents, not their
 * stat: a ref rewritten within one clock tick can keep its size, mtime and even its inode.
 */
export async function readRefs(bareDir: string): Promise<ReadonlyMap<string, string>> {
  // Read before the listing: a write that lands during it changes the next fingerprint.
  const fingerprint = await refFiles(bareDir);
  const cached = refListings.get(bareDir);
  if (fingerprint !== null && cached?.fingerprint === fingerprint) return cached.refs;
  const out = await gitOk(bareDir, ['for-each-ref', '--format=%(objectname) %(refname)']);
  const refs = new Map<string, string>();
  for (const line of out.split('\n')) {
    const [oid, name] = line.split(' ');
    if (oid && name) refs.set(name, oid);
  }
  if (fingerprint !== null) refListings.set(bareDir, { fingerprint, refs });
  return refs;
}

/**
 * The names and contents of `packed-refs` and of every file under `refs/` (loose refs are a
 * line each); null for a repository whose refs are not files (reftable), or that changed
 * during the walk: its listing is not reused.
 */
async function refFiles(bareDir: string): Promise<string | null> {
  if (await exists(path.join(bareDir, 'reftable'))) return null;
  const refsDir = path.join(bareDir, 'refs');
  const entries = await readdir(refsDir, { recursive: true, withFileTypes: true }).catch(
    () => null
  );
  if (entries === null) return null;
  const files = [
    path.join(bareDir, 'packed-refs'),
    ...entries.filter(e => e.isFile()).map(e => path.join(e.parentPath, e.name))
  ];
  const contents = await Promise.all(
    files.map(f =>
      readFile(f, 'utf8').catch((error: NodeJS.ErrnoException) => {
        // No packed-refs is a state like any other; a loose ref gone meanwhile is a change.
        if (error.code === 'ENOENT' && f === files[0]) return '';
        throw error;
      })
    )
  ).catch(() => null);
  if (contents === null) return null;
  return files.map((f, i) => `${f}\0${contents[i]}`).join('\0');
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false
  );
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

export interface GitObject {
  type: string;
  body: Buffer;
}

/** A commit's details, or the error GitHub's fake gives for an object that is not a commit. */
export function commitOf(object: GitObject, oid: string): CommitDetails {
  if (object.type !== 'commit') throw new Error(`git cat-file commit ${oid}: a ${object.type}`);
  return parseCommit(object.body.toString('utf8'));
}

/**
 * Reads objects: the reads asked in one turn of the event loop (a GraphQL page resolving its refs'
 * targets) share one `git cat-file --batch`, instead of a process each, so the fake's own time
 * per page stays small next to the latency it is given.
 */
export function objectReader(bareDir: string): (oid: string) => Promise<GitObject> {
  let queue: Array<{
    oid: string;
    resolve: (o: GitObject) => void;
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
        if (eol < 0 || type === 'missing' || !type) {
          b.reject(new Error(`git cat-file ${b.oid}: no such object in ${bareDir}`));
          at = eol < 0 ? stdout.length : eol + 1;
          continue;
        }
        const end = eol + 1 + Number(size);
        b.resolve({ type, body: stdout.subarray(eol + 1, end) });
        at = end + 1;
      }
    });
    child.stdin.end(batch.map(b => b.oid).join('\n') + '\n');
  };
  return oid =>
    new Promise((resolve, reject) => {
      // cat-file --batch would take a revision expression; the fake is asked for object ids only.
      if (!/^[0-9a-f]{40}$/.test(oid)) {
        reject(new Error(`git cat-file ${oid}: not an object id`));
        return;
      }
      queue.push({ oid, resolve, reject });
      if (queue.length === 1) setImmediate(flush);
    });
}
