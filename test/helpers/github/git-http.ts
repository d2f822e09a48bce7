// git's smart HTTP protocol, served by a real `git http-backend` over the bare repositories, with
// GitHub's authentication and permission answers in front of it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { gitEnv } from '../git-env.ts';
import { GIT_PATH, readBody, tokenFromAuthorization, write, type Exchange } from './http.ts';
import type { FakeGitHub } from './server.ts';
import { loginOf, tokenAllows, type FakeRepo } from './state.ts';

export async function handleGit(hub: FakeGitHub, ex: Exchange): Promise<void> {
  const match = GIT_PATH.exec(ex.url.pathname);
  const repo = match ? hub.findRepo(match[1] ?? '', match[2] ?? '') : undefined;
  const text = (status: number, message: string, headers: Record<string, string> = {}): void => {
    ex.res.statusCode = status;
    ex.res.setHeader('content-type', 'text/plain; charset=utf-8');
    for (const [k, v] of Object.entries(headers)) ex.res.setHeader(k, v);
    write(ex, message);
    ex.res.end();
  };
  if (!match || !repo) {
    await readBody(ex.req);
    return text(404, 'Repository not found.\n');
  }
  const token = tokenFromAuthorization(ex.req.headers.authorization);
  const info = token === null ? undefined : hub.tokens.get(token);
  if (!info) {
    await readBody(ex.req);
    return text(401, 'Invalid username or token.\n', {
      'www-authenticate': 'Basic realm="GitHub"'
    });
  }
  const need = ex.kind === 'git-receive-pack' ? 'write' : 'read';
  if (!tokenAllows(info, 'contents', need)) {
    await readBody(ex.req);
    return text(403, `Permission to ${repo.fullName}.git denied to ${loginOf(info)}.\n`);
  }
  await runBackend(hub, ex, repo, loginOf(info), match[3] ?? '');
}

/** Runs `git http-backend` as a CGI, streaming the request in and the response out. */
function runBackend(
  hub: FakeGitHub,
  ex: Exchange,
  repo: FakeRepo,
  user: string,
  suffix: string
): Promise<void> {
  const { req, res } = ex;
  const env: Record<string, string> = {
    GIT_PROJECT_ROOT: path.dirname(repo.bareDir),
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: `/${path.basename(repo.bareDir)}${suffix}`,
    QUERY_STRING: ex.url.search.replace(/^\?/, ''),
    REQUEST_METHOD: req.method ?? 'GET',
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    REMOTE_USER: user,
    REMOTE_ADDR: '127.0.0.1'
  };
  const length = req.headers['content-length'];
  if (length !== undefined) env.CONTENT_LENGTH = length;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined) env.HTTP_CONTENT_ENCODING = encoding;
  const protocol = req.headers['git-protocol'];
  if (typeof protocol === 'string') env.GIT_PROTOCOL = protocol;
  // Like GitHub: any object may be fetched by SHA, partial clone filters work, and refs/pull/*
  // cannot be pushed to ("deny updating a hidden ref").
  const child = spawn(
    'git',
    [
      '-c',
      'uploadpack.allowAnySHA1InWant=true',
      '-c',
      'uploadpack.allowFilter=true',
      '-c',
      'receive.hideRefs=refs/pull',
      'http-backend'
    ],
    { env: gitEnv(env), stdio: ['pipe', 'pipe', 'pipe'] }
  );
  hub.backends.add(child);
  return new Promise(resolve => {
    let head: Buffer = Buffer.alloc(0);
    let headersDone = false;
    const stderr: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on('error', () => undefined);
    req.pipe(child.stdin);
    res.once('close', () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) {
        if (!write(ex, chunk)) {
          child.stdout.pause();
          res.once('drain', () => child.stdout.resume());
        }
        return;
      }
      head = Buffer.concat([head, chunk]);
      const crlf = head.indexOf('\r\n\r\n');
      const lf = head.indexOf('\n\n');
      const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + 4 : lf >= 0 ? lf + 2 : -1;
      if (end < 0) return;
      headersDone = true;
      res.statusCode = 200;
      for (const line of head.subarray(0, end).toString('latin1').split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') res.statusCode = Number.parseInt(value, 10);
        else res.setHeader(name, value);
      }
      const rest = head.subarray(end);
      if (rest.length > 0) write(ex, rest);
    });
    child.on('close', code => {
      hub.backends.delete(child);
      if (!headersDone && !res.headersSent) {
        res.statusCode = 500;
        write(ex, `git http-backend exited ${code}: ${Buffer.concat(stderr).toString()}`);
      }
      res.end();
      resolve();
    });
  });
}
