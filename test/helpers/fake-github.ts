// An in-process stand-in for api.github.com and github.com's git smart HTTP, for integration
// tests and the benchmark. It executes GraphQL against GitHub's published schema (so a query GitHub
// would reject fails here too), serves the few REST routes the action uses, and fronts real bare
// repositories with `git http-backend`, reading refs and commits live from them.
//
// The entry point tests and scripts import; the modules live in github/ (state, schema and its
// rules, connections, resolvers, checks, graphql, rest, git-http, faults, server). Relative imports name
// `.ts` files and no TypeScript-only runtime syntax is used, so `node` with type stripping can
// load it straight from a script.
export {
  DEFAULT_TOKENS,
  GRAPHQL_SERVER_ERROR_BODY,
  SECONDARY_RATE_LIMIT_BODY,
  TOKEN_SCOPES,
  restPermissions,
  rollupState,
  tokenAllows,
  workflowToken
} from './github/state.ts';
export type {
  FakeCheckRun,
  FakeContext,
  FakeGitHubOptions,
  FakePullRequest,
  FakeRepo,
  FakeRestReply,
  FakeRestRequest,
  FakeRestRoute,
  FakeStatusContext,
  FakeToken,
  FaultSpec,
  Permission,
  PullRequestState,
  RequestKind,
  RequestLogEntry,
  ScopeAccess,
  TokenScope
} from './github/state.ts';
export { githubSchema, paginationErrors } from './github/schema.ts';
export { FakeGitHub, startFakeGitHub } from './github/server.ts';
