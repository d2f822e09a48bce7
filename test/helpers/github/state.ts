// The fake GitHub's state: plain data tests read and change (tokens, repositories, pull
// requests, checks), the constants GitHub answers with, and pure rules over that data.
export type Permission = 'ADMIN' | 'MAINTAIN' | 'WRITE' | 'TRIAGE' | 'READ';

/** The GITHUB_TOKEN scopes the fake enforces (a workflow's `permissions:` keys). */
export type TokenScope = 'contents' | 'pull-requests' | 'checks' | 'actions' | 'statuses';
export type ScopeAccess = 'read' | 'write' | 'none';
export const TOKEN_SCOPES: readonly TokenScope[] = [
  'contents',
  'pull-requests',
  'checks',
  'actions',
  'statuses'
];

export interface FakeToken {
  /** Repository permission the token's owner has (GraphQL viewerPermission, REST permissions). */
  permission: Permission;
  /** Whether the token may write: git push, DELETE git/refs, POST statuses. */
  push: boolean;
  /** Login reported as the viewer and as REMOTE_USER to git (default `github-actions[bot]`). */
  login?: string;
  /**
   * A workflow's `permissions:` block. Unset: every read is allowed and `push` decides writes.
   * Set: a scope not listed is `none` (GitHub's rule once any permission is named), and
   * - GraphQL: `pullRequests`/`pullRequest` need pull-requests: read, check runs in a rollup
   *   need checks: read, `checkSuite.workflowRun` needs actions: read, refs, objects and a
   *   rollup's commit need contents: read — else FORBIDDEN at that field, as GitHub answers;
   * - REST: POST statuses needs statuses: write, DELETE git/refs contents: write, GET git/ref
   *   contents: read (403 "Resource not accessible by integration");
   * - git: fetch needs contents: read, push contents: write (403).
   */
  permissions?: Partial<Record<TokenScope, ScopeAccess>>;
}

const ACCESS_RANK: Record<ScopeAccess, number> = { none: 0, read: 1, write: 2 };

/** Whether `token` may `need` the `scope`, by its `permissions` or, without them, by `push`. */
export function tokenAllows(token: FakeToken, scope: TokenScope, need: 'read' | 'write'): boolean {
  const granted = token.permissions;
  if (granted === undefined) return need === 'read' || token.push;
  return ACCESS_RANK[granted[scope] ?? 'none'] >= ACCESS_RANK[need];
}

/**
 * The GITHUB_TOKEN a job with this `permissions:` value (as parsed from the workflow's YAML) gets:
 * a map of scopes (ones the fake does not model, like `packages`, are ignored), `read-all` or
 * `write-all`. It may push, and reports WRITE, exactly when it has contents: write.
 */
export function workflowToken(permissions: unknown, login?: string): FakeToken {
  const granted: Partial<Record<TokenScope, ScopeAccess>> = {};
  if (permissions === 'read-all' || permissions === 'write-all') {
    for (const scope of TOKEN_SCOPES)
      granted[scope] = permissions === 'read-all' ? 'read' : 'write';
  } else if (permissions !== null && typeof permissions === 'object') {
    for (const [scope, access] of Object.entries(permissions as Record<string, unknown>)) {
      if (!(TOKEN_SCOPES as readonly string[]).includes(scope)) continue;
      if (access !== 'read' && access !== 'write' && access !== 'none') {
        throw new Error(`fake-github: bad permission ${scope}: ${String(access)}`);
      }
      granted[scope as TokenScope] = access;
    }
  } else {
    throw new Error(`fake-github: bad permissions ${JSON.stringify(permissions)}`);
  }
  const push = granted.contents === 'write';
  return {
    permission: push ? 'WRITE' : 'READ',
    push,
    permissions: granted,
    ...(login !== undefined ? { login } : {})
  };
}

export interface FakeCheckRun {
  kind: 'CheckRun';
  name: string;
  /** CheckStatusState: QUEUED, IN_PROGRESS, COMPLETED, WAITING, PENDING, REQUESTED. */
  status: string;
  /** CheckConclusionState, null until completed. */
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  databaseId: number | null;
  /** checkSuite.workflowRun.file.path; null models a non-Actions app (workflowRun is null). */
  workflowPath: string | null;
  workflowName: string | null;
  /** checkSuite.app.slug; null models a suite without an app. */
  appSlug: string | null;
}

export interface FakeStatusContext {
  kind: 'StatusContext';
  context: string;
  /** StatusState: SUCCESS, FAILURE, ERROR, PENDING, EXPECTED. */
  state: string;
  description: string | null;
  createdAt: string;
  targetUrl: string | null;
}

export type FakeContext = FakeCheckRun | FakeStatusContext;

export type PullRequestState = 'OPEN' | 'CLOSED' | 'MERGED';

export interface FakePullRequest {
  number: number;
  title: string;
  /** Author login; null models a deleted account (GitHub's `author: null`). */
  author: string | null;
  isDraft: boolean;
  isCrossRepository: boolean;
  baseRefName: string;
  headRefName: string;
  labels: string[];
  createdAt: string;
  updatedAt: string;
  state: PullRequestState;
  /** Overrides the head SHA; otherwise it is read live from `refs/pull/{number}/head`. */
  headRefOid?: string;
}

export interface FakeRepo {
  owner: string;
  name: string;
  /** `owner/name`. */
  fullName: string;
  bareDir: string;
  defaultBranch: string;
  databaseId: number;
  pullRequests: Map<number, FakePullRequest>;
  /** Commit SHA → its check runs and status contexts, in the order GitHub would list them. */
  checks: Map<string, FakeContext[]>;
  /**
   * Branch protection rule patterns (`*` within a path segment, `**` across them, as GitHub's
   * fnmatch): a ref they match has a `refUpdateRule`. The fake does not enforce them on push.
   */
  protectedBranches: string[];
}

export type RequestKind = 'graphql' | 'rest' | 'git-upload-pack' | 'git-receive-pack' | 'git-other';

export interface RequestLogEntry {
  method: string;
  /** Path and query string. */
  path: string;
  kind: RequestKind;
  status: number;
  /** Response body bytes. */
  bytes: number;
  /** GraphQL operation name, when the request named one. */
  operation?: string;
  ms: number;
}

export interface FaultSpec {
  /** Which requests it applies to (`git` covers every git kind); default any. */
  kind?: 'graphql' | 'rest' | 'git';
  /** Tested against the path and query string. */
  path?: RegExp;
  status: number;
  /** How many matching requests get the fault (default 1). */
  times?: number;
  /** Seconds, sent as the `retry-after` header. */
  retryAfter?: number;
  /** Extra delay before the fault is answered. */
  delayMs?: number;
  /** JSON body; default `{ message: <reason phrase> }`. */
  body?: object;
}

/** A REST request under /repos/{owner}/{repo} no built-in route took (see fake-github-actions.ts). */
export interface FakeRestRequest {
  method: string;
  /** The path after /repos/{owner}/{repo}, e.g. `/actions/workflows`. */
  rest: string;
  query: URLSearchParams;
  body: Buffer;
  repo: FakeRepo;
  /** Whether the request's token may `need` the `scope` (tokenAllows). */
  allows(scope: TokenScope, need: 'read' | 'write'): boolean;
  /** The fake's base URL. */
  apiUrl: string;
}

export interface FakeRestReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type FakeRestRoute = (req: FakeRestRequest) => Promise<FakeRestReply | null>;

export interface FakeGitHubOptions {
  /** Known tokens; default DEFAULT_TOKENS. */
  tokens?: Record<string, FakeToken>;
  /** Primary rate limit per token and resource (default 5000). */
  rateLimit?: number;
}

/** The tokens a fake starts with unless told otherwise. */
export const DEFAULT_TOKENS: Readonly<Record<string, FakeToken>> = {
  'ghs_fake-write': { permission: 'WRITE', push: true },
  'ghs_fake-admin': { permission: 'ADMIN', push: true },
  'ghs_fake-read': { permission: 'READ', push: false }
};

export const SECONDARY_RATE_LIMIT_BODY = {
  message:
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  documentation_url:
    'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
};

/**
 * What GitHub answers when a GraphQL query times out or breaks server-side (usually with a 502);
 * @octokit/plugin-retry retries on this message.
 */
export const GRAPHQL_SERVER_ERROR_BODY = {
  data: null,
  errors: [
    {
      message:
        'Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include `FAKE:0000:0000` when reporting this issue.'
    }
  ]
};

/** GitHub serialises DateTime without milliseconds. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

export function unb64url(text: string): string {
  return Buffer.from(text, 'base64url').toString('utf8');
}

const RANK: Record<Permission, number> = { READ: 1, TRIAGE: 2, WRITE: 3, MAINTAIN: 4, ADMIN: 5 };

/** The REST `permissions` object implied by a repository permission. */
export function restPermissions(permission: Permission): Record<string, boolean> {
  const rank = RANK[permission];
  return {
    admin: rank >= RANK.ADMIN,
    maintain: rank >= RANK.MAINTAIN,
    push: rank >= RANK.WRITE,
    triage: rank >= RANK.TRIAGE,
    pull: true
  };
}

/**
 * StatusCheckRollup.state for a commit's contexts: any failure wins, then error, then anything
 * still running or expected; NEUTRAL and SKIPPED check runs count as passing, as on GitHub.
 */
export function rollupState(contexts: readonly FakeContext[]): string {
  let failure = false;
  let error = false;
  let pending = false;
  for (const c of contexts) {
    if (c.kind === 'CheckRun') {
      if (c.status !== 'COMPLETED' || c.conclusion === null) pending = true;
      else if (!['SUCCESS', 'NEUTRAL', 'SKIPPED'].includes(c.conclusion)) failure = true;
    } else if (c.state === 'FAILURE') failure = true;
    else if (c.state === 'ERROR') error = true;
    else if (c.state === 'PENDING' || c.state === 'EXPECTED') pending = true;
  }
  if (failure) return 'FAILURE';
  if (error) return 'ERROR';
  return pending ? 'PENDING' : 'SUCCESS';
}

/** GitHub's branch-protection fnmatch: `*` stays within a path segment, `**` crosses them. */
export function globMatch(pattern: string, name: string): boolean {
  const source = pattern
    .split('**')
    .map(part =>
      part
        .split('*')
        .map(text => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*')
    )
    .join('.*');
  return new RegExp(`^${source}$`).test(name);
}

/** The login a token acts as (the viewer, REMOTE_USER, a status's creator). */
export function loginOf(token: FakeToken): string {
  return token.login ?? 'github-actions[bot]';
}
