// The fake GitHub server: its state API for tests (repositories, tokens, pull requests, checks,
// faults) and the request plumbing that hands each request to GraphQL, REST or git over HTTP.
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { answerFault, type StoredFault } from './faults.ts';
import { gitOk } from './git.ts';
import { handleGit } from './git-http.ts';
import { handleGraphql } from './graphql.ts';
import { classify, restError, tokenFromAuthorization, type Exchange } from './http.ts';
import { handleRest } from './rest.ts';
import {
  DEFAULT_TOKENS,
  SECONDARY_RATE_LIMIT_BODY,
  isoSeconds,
  workflowToken,
  type FakeCheckRun,
  type FakeContext,
  type FakeGitHubOptions,
  type FakePullRequest,
  type FakeRepo,
  type FakeRestRoute,
  type FakeStatusContext,
  type FakeToken,
  type FaultSpec,
  type RequestLogEntry
} from './state.ts';

type AddPullRequest = Partial<Omit<FakePullRequest, 'number'>> & {
  repo?: string;
  number?: number;
  /** Points refs/pull/{number}/head at this SHA in the bare repository. */
  head?: string;
};

type AddCheckRun = Partial<Omit<FakeCheckRun, 'kind'>> & { repo?: string };
type AddStatus = Partial<Omit<FakeStatusContext, 'kind'>> & { repo?: string };

const EPOCH = Date.parse('2024-01-01T00:00:00Z');

export class FakeGitHub {
  /** Base URL, usable as GITHUB_API_URL and GITHUB_SERVER_URL. */
  url = '';
  readonly repos = new Map<string, FakeRepo>();
  readonly tokens = new Map<string, FakeToken>();
  readonly requests: RequestLogEntry[] = [];
  /** Added to every request before it is handled. */
  latencyMs = 0;
  /** More REST routes, tried in order after the built-in ones. */
  readonly restRoutes: FakeRestRoute[] = [];
  readonly rateLimit: number;
  // The rest is shared with the github/ modules, not meant for tests.
  readonly faults: StoredFault[] = [];
  private readonly rateUsed = new Map<string, number>();
  readonly rateReset = Math.floor(Date.now() / 1000) + 3600;
  readonly backends = new Set<ChildProcess>();
  private readonly server: http.Server;
  /** Numbers pull requests, checks and statuses in creation order. */
  counter = 0;

  constructor(options: FakeGitHubOptions = {}) {
    for (const [token, info] of Object.entries(options.tokens ?? DEFAULT_TOKENS)) {
      this.tokens.set(token, { ...info });
    }
    this.rateLimit = options.rateLimit ?? 5000;
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          res.statusCode = 500;
          res.setHeader('content-type', 'application/json; charset=utf-8');
        }
        res.end(JSON.stringify({ message: `fake-github: ${String(error)}` }));
      });
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Ends the server, its open connections and any running `git http-backend`. */
  async close(): Promise<void> {
    for (const child of this.backends) child.kill('SIGKILL');
    const closed = new Promise<void>(resolve => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  /** Smart-HTTP clone URL of a repository, like `https://github.com/{owner}/{repo}.git`. */
  gitUrl(owner: string, repo: string): string {
    return `${this.url}/${owner}/${repo}.git`;
  }

  /** Environment an action run against this fake would see. */
  env(): Record<string, string> {
    return {
      GITHUB_API_URL: this.url,
      GITHUB_SERVER_URL: this.url,
      GITHUB_GRAPHQL_URL: `${this.url}/graphql`
    };
  }

  /** Clears the request log. */
  reset(): void {
    this.requests.length = 0;
  }

  addToken(token: string, info: FakeToken): void {
    this.tokens.set(token, info);
  }

  /**
   * Registers the GITHUB_TOKEN of a job whose workflow says `permissions: <permissions>` (the
   * parsed YAML value; see `workflowToken`), and returns it.
   */
  addWorkflowToken(token: string, permissions: unknown, login?: string): FakeToken {
    const info = workflowToken(permissions, login);
    this.tokens.set(token, info);
    return info;
  }

  addRepo(options: { repo: string; bareDir: string; defaultBranch?: string }): FakeRepo {
    const [owner, name, ...rest] = options.repo.split('/');
    if (!owner || !name || rest.length > 0)
      throw new Error(`fake-github: bad repo '${options.repo}'`);
    const repo: FakeRepo = {
      owner,
      name,
      fullName: `${owner}/${name}`,
      bareDir: options.bareDir,
      defaultBranch: options.defaultBranch ?? 'main',
      databaseId: 1000 + this.repos.size,
      pullRequests: new Map(),
      checks: new Map(),
      protectedBranches: []
    };
    this.repos.set(repo.fullName.toLowerCase(), repo);
    return repo;
  }

  /** The named repository, or the only one when `name` is omitted. */
  repo(name?: string): FakeRepo {
    if (name !== undefined) {
      const repo = this.repos.get(name.toLowerCase());
      if (!repo) throw new Error(`fake-github: unknown repo '${name}'`);
      return repo;
    }
    if (this.repos.size !== 1) throw new Error('fake-github: several repos; pass `repo`');
    return [...this.repos.values()][0];
  }

  /**
   * Adds (or replaces) a pull request. Defaults: next number, open, not a draft, same repository,
   * base `main`, author `octocat`, created one minute after the previous one.
   */
  async addPullRequest(options: AddPullRequest = {}): Promise<FakePullRequest> {
    const repo = this.repo(options.repo);
    const number = options.number ?? Math.max(0, ...repo.pullRequests.keys()) + 1;
    this.counter += 1;
    const createdAt = options.createdAt ?? isoSeconds(new Date(EPOCH + this.counter * 60_000));
    const pr: FakePullRequest = {
      number,
      title: options.title ?? `PR #${number}`,
      author: options.author === undefined ? 'octocat' : options.author,
      isDraft: options.isDraft ?? false,
      isCrossRepository: options.isCrossRepository ?? false,
      baseRefName: options.baseRefName ?? 'main',
      headRefName: options.headRefName ?? `pr-${number}`,
      labels: options.labels ?? [],
      createdAt,
      updatedAt: options.updatedAt ?? createdAt,
      state: options.state ?? 'OPEN',
      ...(options.headRefOid !== undefined ? { headRefOid: options.headRefOid } : {})
    };
    if (options.head !== undefined) {
      await gitOk(repo.bareDir, ['update-ref', `refs/pull/${number}/head`, options.head]);
    }
    repo.pullRequests.set(number, pr);
    return pr;
  }

  /** Adds a check run to a commit. Defaults: `ci`, completed, successful, from GitHub Actions. */
  addCheckRun(sha: string, options: AddCheckRun = {}): FakeCheckRun {
    this.counter += 1;
    const at = isoSeconds(new Date(EPOCH + this.counter * 1000));
    const status = options.status ?? 'COMPLETED';
    const run: FakeCheckRun = {
      kind: 'CheckRun',
      name: options.name ?? 'ci',
      status,
      conclusion:
        options.conclusion !== undefined
          ? options.conclusion
          : status === 'COMPLETED'
            ? 'SUCCESS'
            : null,
      startedAt: options.startedAt !== undefined ? options.startedAt : at,
      completedAt:
        options.completedAt !== undefined
          ? options.completedAt
          : status === 'COMPLETED'
            ? at
            : null,
      databaseId: options.databaseId !== undefined ? options.databaseId : 90_000 + this.counter,
      workflowPath:
        options.workflowPath !== undefined ? options.workflowPath : '.github/workflows/ci.yml',
      workflowName: options.workflowName !== undefined ? options.workflowName : 'CI',
      appSlug: options.appSlug !== undefined ? options.appSlug : 'github-actions'
    };
    this.contextsOf(this.repo(options.repo), sha).push(run);
    return run;
  }

  /**
   * Adds a commit status. Like GitHub, a later status with the same context replaces the earlier
   * one in the rollup. Defaults: `ci/status`, SUCCESS.
   */
  addStatus(sha: string, options: AddStatus = {}): FakeStatusContext {
    this.counter += 1;
    const status: FakeStatusContext = {
      kind: 'StatusContext',
      context: options.context ?? 'ci/status',
      state: options.state ?? 'SUCCESS',
      description: options.description ?? null,
      createdAt: options.createdAt ?? isoSeconds(new Date(EPOCH + this.counter * 1000)),
      targetUrl: options.targetUrl ?? null
    };
    const contexts = this.contextsOf(this.repo(options.repo), sha);
    const existing = contexts.findIndex(
      c => c.kind === 'StatusContext' && c.context === status.context
    );
    if (existing >= 0) contexts.splice(existing, 1);
    contexts.push(status);
    return status;
  }

  /** Makes the next `times` matching requests fail with `status`. */
  injectFault(fault: FaultSpec): void {
    this.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  /** A secondary rate limit: 403 with `retry-after` and GitHub's message. */
  injectSecondaryRateLimit(options: Omit<FaultSpec, 'status' | 'body'> = {}): void {
    this.injectFault({ retryAfter: 1, ...options, status: 403, body: SECONDARY_RATE_LIMIT_BODY });
  }

  /** Faults not yet consumed. */
  pendingFaults(): number {
    return this.faults.reduce((n, f) => n + f.remaining, 0);
  }

  private contextsOf(repo: FakeRepo, sha: string): FakeContext[] {
    let contexts = repo.checks.get(sha);
    if (!contexts) {
      contexts = [];
      repo.checks.set(sha, contexts);
    }
    return contexts;
  }

  findRepo(owner: string, name: string): FakeRepo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  // --- request plumbing ------------------------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const ex: Exchange = { req, res, url, kind: classify(url), bytes: 0, log: this.requests };
    // 'finish' fires before the client can have read the response, so a test that awaited it
    // sees the entry; 'close' catches responses that were aborted instead.
    let logged = false;
    const log = (): void => {
      if (logged) return;
      logged = true;
      this.requests.push({
        method: req.method ?? 'GET',
        path: url.pathname + url.search,
        kind: ex.kind,
        status: res.statusCode,
        bytes: ex.bytes,
        ...(ex.operation !== undefined ? { operation: ex.operation } : {}),
        ms: Date.now() - started
      });
    };
    res.once('finish', log);
    res.once('close', log);
    if (this.latencyMs > 0) await sleep(this.latencyMs);
    if (await answerFault(this, ex)) return;
    if (ex.kind === 'graphql') return handleGraphql(this, ex);
    if (ex.kind === 'rest') return handleRest(this, ex);
    return handleGit(this, ex);
  }

  /** Counts the request against the token's limit; false (and answered) when exhausted. */
  rateHeaders(ex: Exchange, token: string, count: boolean): boolean {
    const resource = ex.kind === 'graphql' ? 'graphql' : 'core';
    const key = `${resource}:${token}`;
    const used = (this.rateUsed.get(key) ?? 0) + (count ? 1 : 0);
    this.rateUsed.set(key, used);
    ex.res.setHeader('x-ratelimit-limit', String(this.rateLimit));
    ex.res.setHeader('x-ratelimit-remaining', String(Math.max(0, this.rateLimit - used)));
    ex.res.setHeader('x-ratelimit-reset', String(this.rateReset));
    ex.res.setHeader('x-ratelimit-used', String(Math.min(used, this.rateLimit)));
    ex.res.setHeader('x-ratelimit-resource', resource);
    return used <= this.rateLimit;
  }

  /** The token of an API request, or null after answering 401 like GitHub. */
  apiAuth(ex: Exchange): { token: string; info: FakeToken } | null {
    const header = ex.req.headers.authorization;
    const token = tokenFromAuthorization(header);
    const info = token === null ? undefined : this.tokens.get(token);
    if (token !== null && info) return { token, info };
    if (!header && ex.kind === 'graphql') {
      restError(
        ex,
        401,
        'This endpoint requires you to be authenticated.',
        'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql'
      );
    } else if (!header) {
      restError(ex, 401, 'Requires authentication');
    } else {
      restError(ex, 401, 'Bad credentials');
    }
    return null;
  }
}

/** Starts a fake GitHub on 127.0.0.1 with a random port. Call `close()` when done. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const fake = new FakeGitHub(options);
  await fake.listen();
  return fake;
}
