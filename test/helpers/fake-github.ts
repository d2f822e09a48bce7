// An in-process stand-in for api.github.com and github.com's git smart HTTP, for integration
// tests and the benchmark. It executes GraphQL against GitHub's published schema (so a query GitHub
// would reject fails here too), serves the few REST routes the action uses, and fronts real bare
// repositories with `git http-backend`, reading refs and commits live from them.
//
// Deliberately self-contained (no relative imports, no TypeScript-only runtime syntax) so
// `node --experimental-strip-types` can load it straight from a script.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import {
  GraphQLError,
  Kind,
  buildClientSchema,
  execute,
  getNamedType,
  isInterfaceType,
  isObjectType,
  parse,
  validate
} from 'graphql';
import type {
  DocumentNode,
  FieldNode,
  GraphQLFieldResolver,
  GraphQLNamedType,
  GraphQLSchema,
  IntrospectionQuery,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode
} from 'graphql';

// ---------------------------------------------------------------------------------------------
// State types (plain data, mutable by tests)

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

// ---------------------------------------------------------------------------------------------
// Schema: built once per process from the introspection JSON (the SDL in the same package has
// duplicate fields and does not build).

let schemaCache: GraphQLSchema | undefined;

function findSchemaJson(): string {
  const relative = path.join('node_modules', '@octokit', 'graphql-schema', 'schema.json');
  const starts = [path.dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, relative);
      if (existsSync(candidate)) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`fake-github: cannot find ${relative}`);
}

/** GitHub's public GraphQL schema (from @octokit/graphql-schema), built once per process. */
export function githubSchema(): GraphQLSchema {
  if (!schemaCache) {
    const json = JSON.parse(readFileSync(findSchemaJson(), 'utf8')) as IntrospectionQuery;
    schemaCache = buildClientSchema(json);
  }
  return schemaCache;
}

// ---------------------------------------------------------------------------------------------
// Small pure helpers

/** GitHub serialises DateTime without milliseconds. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

function unb64url(text: string): string {
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

function tokenFromAuthorization(header: string | undefined): string | null {
  if (!header) return null;
  const bearer = /^(?:bearer|token)\s+(\S+)\s*$/i.exec(header);
  if (bearer) return bearer[1] ?? null;
  const basic = /^basic\s+(\S+)\s*$/i.exec(header);
  if (!basic?.[1]) return null;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  // actions/checkout sends `x-access-token:<token>`; a bare token as the username also works.
  const user = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  return password || user || null;
}

/** GitHub's branch-protection fnmatch: `*` stays within a path segment, `**` crosses them. */
function globMatch(pattern: string, name: string): boolean {
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

// ---------------------------------------------------------------------------------------------
// git (a local runner: this file must not import the fixture module)

interface GitOut {
  code: number;
  stdout: string;
  stderr: string;
}

function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_')) env[key] = value;
  }
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    ...extra
  };
}

function runGit(cwd: string, args: string[]): Promise<GitOut> {
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

async function gitOk(cwd: string, args: string[]): Promise<string> {
  const result = await runGit(cwd, args);
  if (result.code !== 0) {
    throw new Error(`git ${args.join(' ')} exited ${result.code}: ${result.stderr.trim()}`);
  }
  return result.stdout;
}

interface RefEntry {
  oid: string;
  type: string;
}

async function readRefs(bareDir: string): Promise<Map<string, RefEntry>> {
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

interface CommitDetails {
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

async function readCommit(bareDir: string, oid: string): Promise<CommitDetails> {
  const raw = await gitOk(bareDir, ['cat-file', 'commit', oid]);
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

// ---------------------------------------------------------------------------------------------
// GraphQL: errors, limits, connections

/** An execution error carrying GitHub's top-level `type` (NOT_FOUND, ...). */
class TypedError extends Error {
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.type = type;
  }
}

interface GitHubErrorJson {
  type?: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: Record<string, unknown>;
  message: string;
}

/**
 * GitHub's answer for a field the token's permissions do not cover: the field resolves to null
 * and the response carries `{ type: 'FORBIDDEN', path, extensions: { saml_failure: false }, ... }`.
 */
class ForbiddenError extends GraphQLError {
  readonly type = 'FORBIDDEN';
  constructor() {
    super('Resource not accessible by integration', { extensions: { saml_failure: false } });
  }
}

function formatExecutionError(error: GraphQLError): GitHubErrorJson {
  const original = error.originalError;
  const extensions = error.extensions;
  return {
    ...(original instanceof TypedError || original instanceof ForbiddenError
      ? { type: original.type }
      : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(Object.keys(extensions).length > 0 ? { extensions: { ...extensions } } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    message: error.message
  };
}

/** graphql-js validation messages rewritten to the wording GitHub (graphql-ruby) uses. */
function formatValidationError(error: GraphQLError): GitHubErrorJson {
  const base = { locations: error.locations ?? [] };
  const field = /^Cannot query field "([^"]+)" on type "([^"]+)"\./.exec(error.message);
  if (field) {
    return {
      ...base,
      extensions: { code: 'undefinedField', typeName: field[2], fieldName: field[1] },
      message: `Field '${field[1]}' doesn't exist on type '${field[2]}'`
    };
  }
  const arg = /^Unknown argument "([^"]+)" on field "[^".]+\.([^"]+)"\./.exec(error.message);
  if (arg) {
    return {
      ...base,
      extensions: { code: 'argumentNotAccepted', name: arg[2], argumentName: arg[1] },
      message: `Field '${arg[2]}' doesn't accept argument '${arg[1]}'`
    };
  }
  const required = /^Field "([^"]+)" argument "([^"]+)" of type "[^"]+" is required/.exec(
    error.message
  );
  if (required) {
    return {
      ...base,
      extensions: { code: 'missingRequiredArguments', arguments: required[2] },
      message: `Field '${required[1]}' is missing required arguments: ${required[2]}`
    };
  }
  return { ...base, message: error.message };
}

const MAX_PAGE = 100;
const MAX_NODES = 500_000;

function selectOperation(
  document: DocumentNode,
  operationName: string | undefined
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION
  );
  if (operationName) return operations.find(op => op.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/**
 * GitHub's static pagination rules, checked before execution like GitHub does: every connection
 * needs `first` or `last`, at most 100, and the product of page sizes down the tree must stay
 * under 500,000 nodes. Returns GitHub-shaped errors (empty when the query is acceptable).
 */
export function paginationErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>
): GitHubErrorJson[] {
  const operation = selectOperation(document, operationName);
  if (!operation) return [];
  const defaults = new Map<string, ValueNode>();
  for (const def of operation.variableDefinitions ?? []) {
    if (def.defaultValue) defaults.set(def.variable.name.value, def.defaultValue);
  }
  const fragments = new Map(
    document.definitions.flatMap(d =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : []
    )
  );
  const errors: GitHubErrorJson[] = [];
  let total = 0;
  let overflowAt: { field: string; node: FieldNode } | null = null;

  const intValue = (node: ValueNode | undefined): number | null => {
    if (!node) return null;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      const value = variables[node.name.value];
      if (typeof value === 'number') return value;
      if (value === undefined) return intValue(defaults.get(node.name.value));
    }
    return null;
  };

  const walk = (
    selectionSet: SelectionSetNode,
    type: GraphQLNamedType | undefined,
    multiplier: number,
    seen: Set<string>
  ): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : type;
        walk(selection.selectionSet, inner ?? undefined, multiplier, seen);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const inner = schema.getType(fragment.typeCondition.name.value);
        walk(
          fragment.selectionSet,
          inner ?? undefined,
          multiplier,
          new Set([...seen, fragment.name.value])
        );
        continue;
      }
      if (!type || !(isObjectType(type) || isInterfaceType(type))) continue;
      const def = type.getFields()[selection.name.value];
      if (!def) continue;
      const fieldType = getNamedType(def.type);
      let childMultiplier = multiplier;
      const name = selection.name.value;
      const isConnection =
        fieldType.name.endsWith('Connection') && def.args.some(a => a.name === 'first');
      if (isConnection) {
        const args = new Map(selection.arguments?.map(a => [a.name.value, a.value]) ?? []);
        const first = intValue(args.get('first'));
        const last = intValue(args.get('last'));
        if (first === null && last === null) {
          errors.push({
            type: 'MISSING_PAGINATION_BOUNDARIES',
            locations: [locationOf(selection)],
            message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`
          });
          continue;
        }
        for (const [argName, value] of [
          ['first', first],
          ['last', last]
        ] as const) {
          if (value !== null && value > MAX_PAGE) {
            errors.push({
              type: 'EXCESSIVE_PAGINATION',
              locations: [locationOf(selection)],
              message: `Requesting ${value} records on the \`${name}\` connection exceeds the \`${argName}\` limit of ${MAX_PAGE} records.`
            });
          }
        }
        childMultiplier = multiplier * Math.max(first ?? 0, last ?? 0);
        total += childMultiplier;
        if (total > MAX_NODES && !overflowAt) overflowAt = { field: name, node: selection };
      }
      if (selection.selectionSet) walk(selection.selectionSet, fieldType, childMultiplier, seen);
    }
  };

  const root = schema.getRootType(operation.operation);
  walk(operation.selectionSet, root ?? undefined, 1, new Set());
  const overflow = overflowAt as { field: string; node: FieldNode } | null;
  if (errors.length === 0 && overflow) {
    errors.push({
      type: 'MAX_NODE_LIMIT_EXCEEDED',
      locations: [locationOf(overflow.node)],
      message: `By the time this query traverses to the ${overflow.field} connection, it is requesting up to ${total.toLocaleString('en-US')} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString('en-US')}.`
    });
  }
  return errors;
}

function locationOf(node: FieldNode): { line: number; column: number } {
  const loc = node.loc;
  if (!loc) return { line: 0, column: 0 };
  // loc.startToken carries 1-based line and column.
  return { line: loc.startToken.line, column: loc.startToken.column };
}

type Key = Array<string | number>;

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function encodeCursor(key: Key): string {
  return Buffer.from(`cursor:v2:${JSON.stringify(key)}`).toString('base64');
}

function decodeCursor(cursor: string): Key {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  if (text.startsWith('cursor:v2:')) {
    try {
      const key: unknown = JSON.parse(text.slice('cursor:v2:'.length));
      if (Array.isArray(key) && key.every(k => typeof k === 'string' || typeof k === 'number')) {
        return key;
      }
    } catch {
      // fall through to GitHub's error
    }
  }
  throw new TypedError(
    'INVALID_CURSOR_ARGUMENTS',
    `\`${cursor}\` does not appear to be a valid cursor.`
  );
}

type Args = Record<string, unknown>;
type Node = Record<string, unknown>;

function optInt(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

function optString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * A Relay connection over `items`, already sorted by `keyOf` (times `direction`). Cursors encode
 * the item's sort key, not its index, so items added or removed between pages neither repeat nor
 * disappear — as with GitHub's cursors.
 */
function connection<T>(
  items: readonly T[],
  args: Args,
  keyOf: (item: T) => Key,
  toNode: (item: T) => Node,
  direction: 1 | -1 = 1,
  extra: Node = {}
): Node {
  const after = optString(args.after);
  const before = optString(args.before);
  const first = optInt(args.first);
  const last = optInt(args.last);
  if ((first !== null && first < 0) || (last !== null && last < 0)) {
    throw new TypedError('INVALID_PAGINATION', '`first` and `last` must be non-negative.');
  }
  let window = [...items];
  if (after !== null) {
    const key = decodeCursor(after);
    window = window.filter(item => compareKeys(keyOf(item), key) * direction > 0);
  }
  if (before !== null) {
    const key = decodeCursor(before);
    window = window.filter(item => compareKeys(keyOf(item), key) * direction < 0);
  }
  let page = window;
  if (first !== null) page = page.slice(0, first);
  if (last !== null) page = page.slice(Math.max(0, page.length - last));
  const startIndex = window.indexOf(page[0]);
  const hasNextPage =
    first !== null
      ? window.length > page.length + Math.max(0, startIndex)
      : before !== null && items.length > window.length;
  const hasPreviousPage =
    last !== null ? startIndex > 0 : after !== null && items.length > window.length;
  const edges = page.map(item => ({ cursor: encodeCursor(keyOf(item)), node: toNode(item) }));
  return {
    totalCount: items.length,
    nodes: edges.map(e => e.node),
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null
    },
    ...extra
  };
}

/**
 * Field resolution: a property of the source object, called when it is a function. A field the
 * fake does not model fails loudly instead of quietly answering null.
 */
const strictFieldResolver: GraphQLFieldResolver<unknown, RequestContext> = (
  source,
  args,
  context,
  info
) => {
  if (source === null || typeof source !== 'object' || !(info.fieldName in source)) {
    throw new Error(`The fake GitHub does not model ${info.parentType.name}.${info.fieldName}`);
  }
  const value = (source as Node)[info.fieldName];
  if (typeof value === 'function') {
    return (value as (a: Args, c: RequestContext) => unknown).call(source, args as Args, context);
  }
  return value;
};

// ---------------------------------------------------------------------------------------------
// The server

interface RequestContext {
  token: FakeToken;
  /** Throws GitHub's FORBIDDEN unless the token has `need` on `scope`. */
  require: (scope: TokenScope, need: 'read' | 'write') => void;
  login: string;
  refs: (repo: FakeRepo) => Promise<Map<string, RefEntry>>;
  commit: (repo: FakeRepo, oid: string) => Promise<CommitDetails>;
}

interface StoredFault extends FaultSpec {
  remaining: number;
}

interface Exchange {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  url: URL;
  kind: RequestKind;
  bytes: number;
  operation?: string;
}

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
  private readonly faults: StoredFault[] = [];
  private readonly rateUsed = new Map<string, number>();
  private readonly rateReset = Math.floor(Date.now() / 1000) + 3600;
  private readonly backends = new Set<ChildProcess>();
  private readonly server: http.Server;
  private counter = 0;

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

  private findRepo(owner: string, name: string): FakeRepo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  // --- request plumbing ------------------------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const ex: Exchange = { req, res, url, kind: classify(url), bytes: 0 };
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
    if (await this.answerFault(ex)) return;
    if (ex.kind === 'graphql') return this.handleGraphql(ex);
    if (ex.kind === 'rest') return this.handleRest(ex);
    return this.handleGit(ex);
  }

  private async answerFault(ex: Exchange): Promise<boolean> {
    const target = ex.url.pathname + ex.url.search;
    const fault = this.faults.find(
      f =>
        f.remaining > 0 &&
        (f.kind === undefined ||
          f.kind === ex.kind ||
          (f.kind === 'git' && ex.kind.startsWith('git-'))) &&
        (f.path === undefined || f.path.test(target))
    );
    if (!fault) return false;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults.splice(this.faults.indexOf(fault), 1);
    // Drain the request body so the client is not left writing into a closed socket.
    await readBody(ex.req);
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.retryAfter !== undefined) ex.res.setHeader('retry-after', String(fault.retryAfter));
    if (!ex.kind.startsWith('git-')) {
      const token = tokenFromAuthorization(ex.req.headers.authorization);
      if (token && this.tokens.has(token)) this.rateHeaders(ex, token, false);
    }
    this.json(
      ex,
      fault.status,
      fault.body ?? { message: http.STATUS_CODES[fault.status] ?? 'Error' }
    );
    return true;
  }

  private write(ex: Exchange, chunk: Buffer | string): boolean {
    ex.bytes += Buffer.byteLength(chunk);
    return ex.res.write(chunk);
  }

  private json(ex: Exchange, status: number, body: unknown): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    ex.res.statusCode = status;
    if (text) ex.res.setHeader('content-type', 'application/json; charset=utf-8');
    ex.res.setHeader('x-github-request-id', `FAKE:${this.requests.length}:${Date.now()}`);
    if (text) this.write(ex, text);
    ex.res.end();
  }

  private restError(
    ex: Exchange,
    status: number,
    message: string,
    docs = 'https://docs.github.com/rest',
    extra: Node = {}
  ): void {
    this.json(ex, status, { message, ...extra, documentation_url: docs, status: String(status) });
  }

  /** Counts the request against the token's limit; false (and answered) when exhausted. */
  private rateHeaders(ex: Exchange, token: string, count: boolean): boolean {
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
  private apiAuth(ex: Exchange): { token: string; info: FakeToken } | null {
    const header = ex.req.headers.authorization;
    const token = tokenFromAuthorization(header);
    const info = token === null ? undefined : this.tokens.get(token);
    if (token !== null && info) return { token, info };
    if (!header && ex.kind === 'graphql') {
      this.restError(
        ex,
        401,
        'This endpoint requires you to be authenticated.',
        'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql'
      );
    } else if (!header) {
      this.restError(ex, 401, 'Requires authentication');
    } else {
      this.restError(ex, 401, 'Bad credentials');
    }
    return null;
  }

  // --- GraphQL ----------------------------------------------------------------------------------

  private async handleGraphql(ex: Exchange): Promise<void> {
    const raw = await readBody(ex.req);
    if (ex.req.method !== 'POST') return this.restError(ex, 404, 'Not Found');
    const auth = this.apiAuth(ex);
    if (!auth) return;
    if (!this.rateHeaders(ex, auth.token, true)) {
      return this.json(ex, 200, {
        errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }]
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return this.restError(ex, 400, 'Problems parsing JSON');
    }
    const request = (body ?? {}) as {
      query?: unknown;
      variables?: unknown;
      operationName?: unknown;
    };
    const operationName = optString(request.operationName) ?? undefined;
    if (typeof request.query !== 'string') {
      return this.json(ex, 200, {
        errors: [{ message: 'A query attribute must be specified and must be a string.' }]
      });
    }
    const variables =
      request.variables && typeof request.variables === 'object'
        ? (request.variables as Record<string, unknown>)
        : {};
    let document: DocumentNode;
    try {
      document = parse(request.query);
    } catch (error) {
      const e = error as GraphQLError;
      return this.json(ex, 200, { errors: [{ message: e.message, locations: e.locations ?? [] }] });
    }
    ex.operation = operationName ?? selectOperation(document, undefined)?.name?.value;
    const schema = githubSchema();
    const invalid = validate(schema, document);
    if (invalid.length > 0) {
      return this.json(ex, 200, { errors: invalid.map(formatValidationError) });
    }
    const limits = paginationErrors(schema, document, operationName, variables);
    if (limits.length > 0) return this.json(ex, 200, { data: null, errors: limits });
    const context = this.requestContext(auth.info);
    const result = await execute({
      schema,
      document,
      rootValue: this.queryRoot(context),
      contextValue: context,
      variableValues: variables,
      operationName,
      fieldResolver: strictFieldResolver
    });
    const out: Node = {};
    if ('data' in result) out.data = result.data;
    if (result.errors?.length) out.errors = result.errors.map(formatExecutionError);
    this.json(ex, 200, out);
  }

  private requestContext(token: FakeToken): RequestContext {
    // One ref snapshot and one read per commit per request, however many PRs point at them.
    const refs = new Map<FakeRepo, Promise<Map<string, RefEntry>>>();
    const commits = new Map<string, Promise<CommitDetails>>();
    return {
      token,
      require: (scope, need) => {
        if (!tokenAllows(token, scope, need)) throw new ForbiddenError();
      },
      login: token.login ?? 'github-actions[bot]',
      refs: repo => {
        let snapshot = refs.get(repo);
        if (!snapshot) {
          snapshot = readRefs(repo.bareDir);
          refs.set(repo, snapshot);
        }
        return snapshot;
      },
      commit: (repo, oid) => {
        const key = `${repo.bareDir}\0${oid}`;
        let details = commits.get(key);
        if (!details) {
          details = readCommit(repo.bareDir, oid);
          commits.set(key, details);
        }
        return details;
      }
    };
  }

  private queryRoot(ctx: RequestContext): Node {
    return {
      repository: (args: Args) => {
        const owner = String(args.owner);
        const name = String(args.name);
        const repo = this.findRepo(owner, name);
        if (!repo) {
          throw new TypedError(
            'NOT_FOUND',
            `Could not resolve to a Repository with the name '${owner}/${name}'.`
          );
        }
        return this.repositoryNode(repo, ctx);
      },
      node: (args: Args) => this.nodeById(String(args.id), ctx),
      nodes: (args: Args) =>
        (Array.isArray(args.ids) ? args.ids : []).map(id => this.nodeById(String(id), ctx)),
      viewer: { __typename: 'User', login: ctx.login, id: `U_${b64url(ctx.login)}` },
      rateLimit: {
        limit: this.rateLimit,
        cost: 1,
        remaining: this.rateLimit,
        used: 0,
        nodeCount: 0,
        resetAt: isoSeconds(new Date(this.rateReset * 1000))
      }
    };
  }

  private nodeById(id: string, ctx: RequestContext): Node {
    const notFound = new TypedError(
      'NOT_FOUND',
      `Could not resolve to a node with the global id of '${id}'`
    );
    const match = /^(PR|R)_(.+)$/.exec(id);
    if (!match?.[2]) throw notFound;
    const decoded = unb64url(match[2]);
    if (match[1] === 'R') {
      const repo = this.repos.get(decoded.toLowerCase());
      if (!repo) throw notFound;
      return this.repositoryNode(repo, ctx);
    }
    ctx.require('pull-requests', 'read');
    const hash = decoded.lastIndexOf('#');
    const repo = this.repos.get(decoded.slice(0, hash).toLowerCase());
    const pr = repo?.pullRequests.get(Number(decoded.slice(hash + 1)));
    if (!repo || !pr) throw notFound;
    return this.pullRequestNode(repo, pr, ctx);
  }

  private repositoryNode(repo: FakeRepo, ctx: RequestContext): Node {
    const web = `${this.url}/${repo.fullName}`;
    return {
      __typename: 'Repository',
      id: `R_${b64url(repo.fullName)}`,
      databaseId: repo.databaseId,
      name: repo.name,
      nameWithOwner: repo.fullName,
      owner: { __typename: 'User', login: repo.owner, id: `U_${b64url(repo.owner)}` },
      isPrivate: false,
      isFork: false,
      isArchived: false,
      url: web,
      viewerPermission: ctx.token.permission,
      defaultBranchRef: () => {
        ctx.require('contents', 'read');
        return this.refNode(repo, `refs/heads/${repo.defaultBranch}`, ctx);
      },
      ref: async (args: Args) => {
        ctx.require('contents', 'read');
        const name = String(args.qualifiedName);
        const candidates = name.startsWith('refs/')
          ? [name]
          : [`refs/heads/${name}`, `refs/tags/${name}`];
        const refs = await ctx.refs(repo);
        const found = candidates.find(c => refs.has(c));
        return found ? this.refNode(repo, found, ctx) : null;
      },
      object: async (args: Args) => {
        ctx.require('contents', 'read');
        const spec = optString(args.oid) ?? optString(args.expression);
        if (spec === null) return null;
        const resolved = await runGit(repo.bareDir, ['rev-parse', '--verify', '--quiet', spec]);
        if (resolved.code !== 0) return null;
        const oid = resolved.stdout.trim();
        const type = (await gitOk(repo.bareDir, ['cat-file', '-t', oid])).trim();
        return this.objectNode(repo, oid, type, ctx);
      },
      // Like GitHub: the refs under `refPrefix`, in ref-name order; each Ref's `prefix` is the
      // given refPrefix and its `name` the rest (refPrefix "refs/heads/stage/" gives prefix
      // "refs/heads/stage/", name "noaa/v0.3.0").
      refs: async (args: Args) => {
        ctx.require('contents', 'read');
        const refPrefix = String(args.refPrefix);
        if (!refPrefix.endsWith('/')) {
          throw new TypedError('UNPROCESSABLE', 'refPrefix must end with a slash');
        }
        const query = optString(args.query);
        const all = await ctx.refs(repo);
        const names = [...all.keys()]
          .filter(name => name.startsWith(refPrefix) && name.length > refPrefix.length)
          .filter(name => query === null || name.slice(refPrefix.length).includes(query))
          .sort();
        const direction = args.direction === 'DESC' ? -1 : 1;
        if (direction === -1) names.reverse();
        return connection(
          names,
          args,
          name => [name],
          name => ({
            __typename: 'Ref',
            id: `REF_${b64url(`${repo.fullName}:${name}`)}`,
            name: name.slice(refPrefix.length),
            prefix: refPrefix,
            target: () => {
              const entry = all.get(name);
              return entry ? this.objectNode(repo, entry.oid, entry.type, ctx) : null;
            },
            repository: () => this.repositoryNode(repo, ctx)
          }),
          direction
        );
      },
      pullRequest: (args: Args) => {
        ctx.require('pull-requests', 'read');
        const pr = repo.pullRequests.get(Number(args.number));
        return pr ? this.pullRequestNode(repo, pr, ctx) : null;
      },
      pullRequests: (args: Args) => {
        ctx.require('pull-requests', 'read');
        return this.pullRequestConnection(repo, args, ctx);
      }
    };
  }

  private pullRequestConnection(repo: FakeRepo, args: Args, ctx: RequestContext): Node {
    const states = Array.isArray(args.states) ? (args.states as string[]) : null;
    const labels = Array.isArray(args.labels) ? (args.labels as string[]) : null;
    const base = optString(args.baseRefName);
    const head = optString(args.headRefName);
    const order = (args.orderBy ?? {}) as { field?: string; direction?: string };
    const field = order.field ?? 'CREATED_AT';
    const direction = order.direction === 'DESC' ? -1 : 1;
    const sortValue = (pr: FakePullRequest): string | number =>
      field === 'UPDATED_AT' ? pr.updatedAt : field === 'COMMENTS' ? 0 : pr.createdAt;
    const keyOf = (pr: FakePullRequest): Key => [sortValue(pr), pr.number];
    const selected = [...repo.pullRequests.values()]
      .filter(pr => !states || states.includes(pr.state))
      .filter(pr => !labels || pr.labels.some(l => labels.includes(l)))
      .filter(pr => base === null || pr.baseRefName === base)
      .filter(pr => head === null || pr.headRefName === head)
      .sort((a, b) => compareKeys(keyOf(a), keyOf(b)) * direction);
    return connection(selected, args, keyOf, pr => this.pullRequestNode(repo, pr, ctx), direction);
  }

  private pullRequestNode(repo: FakeRepo, pr: FakePullRequest, ctx: RequestContext): Node {
    const headOid = async (): Promise<string | null> =>
      pr.headRefOid ?? (await ctx.refs(repo)).get(`refs/pull/${pr.number}/head`)?.oid ?? null;
    return {
      __typename: 'PullRequest',
      id: `PR_${b64url(`${repo.fullName}#${pr.number}`)}`,
      number: pr.number,
      title: pr.title,
      url: `${this.url}/${repo.fullName}/pull/${pr.number}`,
      isDraft: pr.isDraft,
      isCrossRepository: pr.isCrossRepository,
      state: pr.state,
      closed: pr.state !== 'OPEN',
      merged: pr.state === 'MERGED',
      createdAt: pr.createdAt,
      updatedAt: pr.updatedAt,
      baseRefName: pr.baseRefName,
      headRefName: pr.headRefName,
      headRefOid: headOid,
      baseRef: () => {
        ctx.require('contents', 'read');
        return this.refNode(repo, `refs/heads/${pr.baseRefName}`, ctx);
      },
      author: pr.author === null ? null : actorNode(pr.author),
      labels: (args: Args) =>
        connection(
          pr.labels,
          args,
          label => [label],
          label => ({
            __typename: 'Label',
            name: label,
            id: `LA_${b64url(label)}`,
            color: 'ededed'
          })
        ),
      repository: () => this.repositoryNode(repo, ctx),
      statusCheckRollup: async () => {
        const oid = await headOid();
        return oid === null ? null : this.rollupNode(repo, oid, ctx);
      }
    };
  }

  private async refNode(
    repo: FakeRepo,
    refname: string,
    ctx: RequestContext
  ): Promise<Node | null> {
    const entry = (await ctx.refs(repo)).get(refname);
    if (!entry) return null;
    const slash = refname.lastIndexOf('/');
    return {
      __typename: 'Ref',
      id: `REF_${b64url(`${repo.fullName}:${refname}`)}`,
      name: refname.replace(/^refs\/(heads|tags)\//, ''),
      prefix: /^refs\/(heads|tags)\//.exec(refname)?.[0] ?? refname.slice(0, slash + 1),
      target: () => this.objectNode(repo, entry.oid, entry.type, ctx),
      repository: () => this.repositoryNode(repo, ctx),
      // What non-admins can see of a branch protection rule (branchProtectionRule needs admin).
      refUpdateRule: () => {
        const branch = refname.startsWith('refs/heads/') ? refname.slice(11) : null;
        const pattern =
          branch === null ? undefined : repo.protectedBranches.find(p => globMatch(p, branch));
        if (pattern === undefined) return null;
        return {
          __typename: 'RefUpdateRule',
          pattern,
          allowsForcePushes: false,
          allowsDeletions: false,
          viewerCanPush: ctx.token.push
        };
      }
    };
  }

  private objectNode(repo: FakeRepo, oid: string, type: string, ctx: RequestContext): Node {
    if (type === 'commit') return this.commitNode(repo, oid, ctx);
    const typename = type === 'tag' ? 'Tag' : type === 'tree' ? 'Tree' : 'Blob';
    return { __typename: typename, id: `O_${oid}`, oid, abbreviatedOid: oid.slice(0, 7) };
  }

  private commitNode(repo: FakeRepo, oid: string, ctx: RequestContext): Node {
    const details = (): Promise<CommitDetails> => ctx.commit(repo, oid);
    return {
      __typename: 'Commit',
      id: `C_${oid}`,
      oid,
      abbreviatedOid: oid.slice(0, 7),
      url: `${this.url}/${repo.fullName}/commit/${oid}`,
      message: async () => (await details()).message,
      messageHeadline: async () => (await details()).message.split('\n')[0] ?? '',
      messageBody: async () => (await details()).message.split('\n').slice(1).join('\n').trim(),
      committedDate: async () => (await details()).committedDate,
      authoredDate: async () => (await details()).authoredDate,
      tree: async () => {
        const tree = (await details()).tree;
        return { __typename: 'Tree', id: `T_${tree}`, oid: tree, abbreviatedOid: tree.slice(0, 7) };
      },
      statusCheckRollup: () => this.rollupNode(repo, oid, ctx)
    };
  }

  private rollupNode(repo: FakeRepo, oid: string, ctx: RequestContext): Node | null {
    const contexts = repo.checks.get(oid) ?? [];
    if (contexts.length === 0) return null;
    const indexed = contexts.map((context, index) => ({ context, index }));
    return {
      __typename: 'StatusCheckRollup',
      id: `SCR_${oid}`,
      state: rollupState(contexts),
      commit: () => {
        ctx.require('contents', 'read');
        return this.commitNode(repo, oid, ctx);
      },
      contexts: (args: Args) =>
        this.withoutForbiddenCheckRuns(
          connection(
            indexed,
            args,
            item => [item.index],
            item => this.contextNode(repo, oid, item.context, item.index, ctx),
            1,
            {
              checkRunCount: contexts.filter(c => c.kind === 'CheckRun').length,
              statusContextCount: contexts.filter(c => c.kind === 'StatusContext').length
            }
          ),
          ctx
        )
    };
  }

  /**
   * Without checks: read, each CheckRun of a rollup's contexts is FORBIDDEN (null in `nodes`, or
   * as an edge's `node`, with the error at that path); status contexts still show.
   */
  private withoutForbiddenCheckRuns(conn: Node, ctx: RequestContext): Node {
    if (tokenAllows(ctx.token, 'checks', 'read')) return conn;
    const isCheckRun = (node: Node): boolean => node.__typename === 'CheckRun';
    const nodes = conn.nodes as Node[];
    const edges = conn.edges as Array<{ cursor: string; node: Node }>;
    return {
      ...conn,
      // Rejected lazily, so graphql-js (which completes list items that are promises at the
      // item's own path) consumes each rejection.
      nodes: () =>
        nodes.map(node => (isCheckRun(node) ? Promise.reject(new ForbiddenError()) : node)),
      edges: () =>
        edges.map(edge =>
          isCheckRun(edge.node)
            ? {
                cursor: edge.cursor,
                node: () => {
                  throw new ForbiddenError();
                }
              }
            : edge
        )
    };
  }

  private contextNode(
    repo: FakeRepo,
    oid: string,
    c: FakeContext,
    index: number,
    ctx: RequestContext
  ): Node {
    const id = b64url(`${repo.fullName}:${oid}:${index}`);
    if (c.kind === 'StatusContext') {
      return {
        __typename: 'StatusContext',
        id: `SC_${id}`,
        context: c.context,
        state: c.state,
        description: c.description,
        createdAt: c.createdAt,
        targetUrl: c.targetUrl,
        isRequired: () => false
      };
    }
    return {
      __typename: 'CheckRun',
      id: `CR_${id}`,
      name: c.name,
      status: c.status,
      conclusion: c.conclusion,
      startedAt: c.startedAt,
      completedAt: c.completedAt,
      databaseId: c.databaseId,
      detailsUrl: null,
      title: null,
      summary: null,
      url: `${this.url}/${repo.fullName}/runs/${c.databaseId ?? 0}`,
      isRequired: () => false,
      checkSuite: {
        __typename: 'CheckSuite',
        id: `CS_${id}`,
        app:
          c.appSlug === null
            ? null
            : { __typename: 'App', id: `A_${b64url(c.appSlug)}`, slug: c.appSlug, name: c.appSlug },
        workflowRun: () => {
          if (c.workflowPath === null) return null;
          ctx.require('actions', 'read');
          return {
            __typename: 'WorkflowRun',
            id: `WFR_${id}`,
            databaseId: c.databaseId,
            file: { __typename: 'WorkflowRunFile', id: `WRF_${id}`, path: c.workflowPath },
            workflow: {
              __typename: 'Workflow',
              id: `W_${b64url(c.workflowPath)}`,
              name: c.workflowName ?? path.basename(c.workflowPath)
            }
          };
        }
      }
    };
  }

  // --- REST -------------------------------------------------------------------------------------

  private async handleRest(ex: Exchange): Promise<void> {
    const raw = await readBody(ex.req);
    const auth = this.apiAuth(ex);
    if (!auth) return;
    if (!this.rateHeaders(ex, auth.token, true)) {
      return this.restError(
        ex,
        403,
        'API rate limit exceeded for user ID 1.',
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
      );
    }
    const method = ex.req.method ?? 'GET';
    const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(ex.url.pathname);
    const repo = match
      ? this.findRepo(decodeURIComponent(match[1] ?? ''), decodeURIComponent(match[2] ?? ''))
      : undefined;
    if (!match || !repo) return this.restError(ex, 404, 'Not Found');
    const rest = match[3] ?? '';
    if (rest === '' && method === 'GET') return this.json(ex, 200, this.repoJson(repo, auth.info));
    const status = /^\/statuses\/([^/]+)$/.exec(rest);
    if (status && method === 'POST') {
      return this.createStatus(ex, repo, auth.info, decodeURIComponent(status[1] ?? ''), raw);
    }
    // Octokit sends `{ref}` URL-encoded (heads%2Fstaging); GitHub accepts both spellings.
    const deleteRef = /^\/git\/refs\/(.+)$/.exec(rest);
    if (deleteRef && method === 'DELETE') {
      return this.deleteRef(ex, repo, auth.info, decodeURIComponent(deleteRef[1] ?? ''));
    }
    const getRef = /^\/git\/ref\/(.+)$/.exec(rest);
    if (getRef && method === 'GET')
      return this.getRef(ex, repo, auth.info, decodeURIComponent(getRef[1] ?? ''));
    const token = auth.info;
    for (const route of this.restRoutes) {
      const reply = await route({
        method,
        rest,
        query: ex.url.searchParams,
        body: raw,
        repo,
        allows: (scope, need) => tokenAllows(token, scope, need),
        apiUrl: this.url
      });
      if (!reply) continue;
      for (const [k, v] of Object.entries(reply.headers ?? {})) ex.res.setHeader(k, v);
      return this.json(ex, reply.status, reply.body);
    }
    return this.restError(ex, 404, 'Not Found');
  }

  private repoJson(repo: FakeRepo, token: FakeToken): Node {
    const api = `${this.url}/repos/${repo.fullName}`;
    return {
      id: repo.databaseId,
      node_id: `R_${b64url(repo.fullName)}`,
      name: repo.name,
      full_name: repo.fullName,
      private: false,
      owner: { login: repo.owner, type: 'User' },
      html_url: `${this.url}/${repo.fullName}`,
      url: api,
      clone_url: this.gitUrl(repo.owner, repo.name),
      default_branch: repo.defaultBranch,
      permissions: restPermissions(token.permission)
    };
  }

  private async createStatus(
    ex: Exchange,
    repo: FakeRepo,
    token: FakeToken,
    sha: string,
    raw: Buffer
  ): Promise<void> {
    const docs = 'https://docs.github.com/rest/commits/statuses#create-a-commit-status';
    if (!tokenAllows(token, 'statuses', 'write'))
      return this.restError(ex, 403, 'Resource not accessible by integration', docs);
    let body: Record<string, unknown>;
    try {
      body = (JSON.parse(raw.toString('utf8')) ?? {}) as Record<string, unknown>;
    } catch {
      return this.restError(ex, 400, 'Problems parsing JSON', docs);
    }
    const invalid = (field: string, message: string): void =>
      this.restError(ex, 422, 'Validation Failed', docs, {
        errors: [{ resource: 'Status', code: 'custom', field, message }]
      });
    const state = optString(body.state);
    if (state === null || !['error', 'failure', 'pending', 'success'].includes(state)) {
      return invalid('state', 'state is not included in the list');
    }
    const description = optString(body.description);
    if (description !== null && description.length > 140) {
      return invalid('description', 'description is too long (maximum is 140 characters)');
    }
    const resolved = await runGit(repo.bareDir, [
      'rev-parse',
      '--verify',
      '--quiet',
      `${sha}^{commit}`
    ]);
    if (resolved.code !== 0)
      return this.restError(ex, 422, `No commit found for SHA: ${sha}`, docs);
    const oid = resolved.stdout.trim();
    const added = this.addStatus(oid, {
      repo: repo.fullName,
      context: optString(body.context) ?? 'default',
      state: state.toUpperCase(),
      description,
      targetUrl: optString(body.target_url),
      createdAt: isoSeconds(new Date())
    });
    this.json(ex, 201, {
      url: `${this.url}/repos/${repo.fullName}/statuses/${oid}`,
      id: this.counter,
      node_id: `SC_${b64url(`${repo.fullName}:${oid}:${this.counter}`)}`,
      state,
      description: added.description,
      target_url: added.targetUrl,
      context: added.context,
      created_at: added.createdAt,
      updated_at: added.createdAt,
      creator: { login: this.loginOf(token), type: 'Bot' }
    });
  }

  private loginOf(token: FakeToken): string {
    return token.login ?? 'github-actions[bot]';
  }

  private async deleteRef(
    ex: Exchange,
    repo: FakeRepo,
    token: FakeToken,
    ref: string
  ): Promise<void> {
    const docs = 'https://docs.github.com/rest/git/refs#delete-a-reference';
    if (!tokenAllows(token, 'contents', 'write'))
      return this.restError(ex, 403, 'Resource not accessible by integration', docs);
    const refname = `refs/${ref.replace(/^refs\//, '')}`;
    const exists = await runGit(repo.bareDir, ['show-ref', '--verify', '--quiet', refname]);
    if (exists.code !== 0) return this.restError(ex, 422, 'Reference does not exist', docs);
    await gitOk(repo.bareDir, ['update-ref', '-d', refname]);
    this.json(ex, 204, undefined);
  }

  private async getRef(ex: Exchange, repo: FakeRepo, token: FakeToken, ref: string): Promise<void> {
    const docs = 'https://docs.github.com/rest/git/refs#get-a-reference';
    if (!tokenAllows(token, 'contents', 'read')) {
      return this.restError(ex, 403, 'Resource not accessible by integration', docs);
    }
    const refname = `refs/${ref.replace(/^refs\//, '')}`;
    const entry = (await readRefs(repo.bareDir)).get(refname);
    if (!entry) return this.restError(ex, 404, 'Not Found', docs);
    const api = `${this.url}/repos/${repo.fullName}`;
    this.json(ex, 200, {
      ref: refname,
      node_id: `REF_${b64url(`${repo.fullName}:${refname}`)}`,
      url: `${api}/git/${refname}`,
      object: { sha: entry.oid, type: entry.type, url: `${api}/git/${entry.type}s/${entry.oid}` }
    });
  }

  // --- git smart HTTP ---------------------------------------------------------------------------

  private async handleGit(ex: Exchange): Promise<void> {
    const match = GIT_PATH.exec(ex.url.pathname);
    const repo = match ? this.findRepo(match[1] ?? '', match[2] ?? '') : undefined;
    const text = (status: number, message: string, headers: Record<string, string> = {}): void => {
      ex.res.statusCode = status;
      ex.res.setHeader('content-type', 'text/plain; charset=utf-8');
      for (const [k, v] of Object.entries(headers)) ex.res.setHeader(k, v);
      this.write(ex, message);
      ex.res.end();
    };
    if (!match || !repo) {
      await readBody(ex.req);
      return text(404, 'Repository not found.\n');
    }
    const token = tokenFromAuthorization(ex.req.headers.authorization);
    const info = token === null ? undefined : this.tokens.get(token);
    if (!info) {
      await readBody(ex.req);
      return text(401, 'Invalid username or token.\n', {
        'www-authenticate': 'Basic realm="GitHub"'
      });
    }
    const need = ex.kind === 'git-receive-pack' ? 'write' : 'read';
    if (!tokenAllows(info, 'contents', need)) {
      await readBody(ex.req);
      return text(403, `Permission to ${repo.fullName}.git denied to ${this.loginOf(info)}.\n`);
    }
    await this.runBackend(ex, repo, this.loginOf(info), match[3] ?? '');
  }

  /** Runs `git http-backend` as a CGI, streaming the request in and the response out. */
  private runBackend(ex: Exchange, repo: FakeRepo, user: string, suffix: string): Promise<void> {
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
    this.backends.add(child);
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
          if (!this.write(ex, chunk)) {
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
        if (rest.length > 0) this.write(ex, rest);
      });
      child.on('close', code => {
        this.backends.delete(child);
        if (!headersDone && !res.headersSent) {
          res.statusCode = 500;
          this.write(ex, `git http-backend exited ${code}: ${Buffer.concat(stderr).toString()}`);
        }
        res.end();
        resolve();
      });
    });
  }
}

function actorNode(login: string): Node {
  return {
    __typename: login.endsWith('[bot]') ? 'Bot' : 'User',
    id: `U_${b64url(login)}`,
    login
  };
}

const GIT_PATH =
  /^\/([^/]+)\/([^/]+?)(?:\.git)?(\/(?:info\/refs|git-upload-pack|git-receive-pack|HEAD|objects\/.+))$/;

function classify(url: URL): RequestKind {
  if (url.pathname === '/graphql' || url.pathname === '/api/graphql') return 'graphql';
  const git = GIT_PATH.exec(url.pathname);
  if (!git) return 'rest';
  const suffix = git[3] ?? '';
  const service = url.searchParams.get('service');
  if (suffix === '/git-upload-pack' || service === 'git-upload-pack') return 'git-upload-pack';
  if (suffix === '/git-receive-pack' || service === 'git-receive-pack') return 'git-receive-pack';
  return 'git-other';
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Starts a fake GitHub on 127.0.0.1 with a random port. Call `close()` when done. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const fake = new FakeGitHub(options);
  await fake.listen();
  return fake;
}
