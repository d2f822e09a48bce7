// The GraphQL endpoint: parse, validate against GitHub's schema, check its pagination limits, then
// execute with strict resolvers over the fake's state.
import { execute, parse, validate } from 'graphql';
import type { DocumentNode, GraphQLError, GraphQLFieldResolver } from 'graphql';
import { optString, type Args, type Node } from './connection.ts';
import { commitOf, objectReader, readRefs, type CommitDetails, type GitObject } from './git.ts';
import { json, readBody, restError, type Exchange } from './http.ts';
import { Resolvers } from './resolvers.ts';
import {
  ForbiddenError,
  formatExecutionError,
  formatValidationError,
  githubSchema,
  paginationErrors,
  selectOperation
} from './schema.ts';
import type { FakeGitHub } from './server.ts';
import { tokenAllows, type FakeRepo, type FakeToken, type TokenScope } from './state.ts';

export interface RequestContext {
  token: FakeToken;
  /** Throws GitHub's FORBIDDEN unless the token has `need` on `scope`. */
  require: (scope: TokenScope, need: 'read' | 'write') => void;
  login: string;
  /** Ref name to object id, one snapshot per request. */
  refs: (repo: FakeRepo) => Promise<ReadonlyMap<string, string>>;
  object: (repo: FakeRepo, oid: string) => Promise<GitObject>;
  commit: (repo: FakeRepo, oid: string) => Promise<CommitDetails>;
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

/**
 * Parsing and validation depend on the document's text alone (the schema is fixed), so a query
 * asked again, such as the next page, is not parsed and validated again.
 */
const checkedDocuments = new Map<
  string,
  { document: DocumentNode; invalid: readonly GraphQLError[] }
>();

export async function handleGraphql(hub: FakeGitHub, ex: Exchange): Promise<void> {
  const raw = await readBody(ex.req);
  if (ex.req.method !== 'POST') return restError(ex, 404, 'Not Found');
  const auth = hub.apiAuth(ex);
  if (!auth) return;
  if (!hub.rateHeaders(ex, auth.token, true)) {
    return json(ex, 200, {
      errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }]
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return restError(ex, 400, 'Problems parsing JSON');
  }
  const request = (body ?? {}) as {
    query?: unknown;
    variables?: unknown;
    operationName?: unknown;
  };
  const operationName = optString(request.operationName) ?? undefined;
  if (typeof request.query !== 'string') {
    return json(ex, 200, {
      errors: [{ message: 'A query attribute must be specified and must be a string.' }]
    });
  }
  const variables =
    request.variables && typeof request.variables === 'object'
      ? (request.variables as Record<string, unknown>)
      : {};
  const schema = githubSchema();
  let checked = checkedDocuments.get(request.query);
  if (!checked) {
    let document: DocumentNode;
    try {
      document = parse(request.query);
    } catch (error) {
      const e = error as GraphQLError;
      return json(ex, 200, { errors: [{ message: e.message, locations: e.locations ?? [] }] });
    }
    checked = { document, invalid: validate(schema, document) };
    checkedDocuments.set(request.query, checked);
  }
  const { document, invalid } = checked;
  ex.operation = operationName ?? selectOperation(document, undefined)?.name?.value;
  if (invalid.length > 0) {
    return json(ex, 200, { errors: invalid.map(formatValidationError) });
  }
  const limits = paginationErrors(schema, document, operationName, variables);
  if (limits.length > 0) return json(ex, 200, { data: null, errors: limits });
  const context = requestContext(auth.info);
  const result = await execute({
    schema,
    document,
    rootValue: new Resolvers(hub, context).queryRoot(),
    contextValue: context,
    variableValues: variables,
    operationName,
    fieldResolver: strictFieldResolver
  });
  const out: Node = {};
  if ('data' in result) out.data = result.data;
  if (result.errors?.length) out.errors = result.errors.map(formatExecutionError);
  json(ex, 200, out);
}

function requestContext(token: FakeToken): RequestContext {
  // One ref snapshot and one read per object per request, however many PRs point at them.
  const refs = new Map<FakeRepo, Promise<ReadonlyMap<string, string>>>();
  const objects = new Map<string, Promise<GitObject>>();
  const readers = new Map<string, (oid: string) => Promise<GitObject>>();
  const object = (repo: FakeRepo, oid: string): Promise<GitObject> => {
    const key = `${repo.bareDir}\0${oid}`;
    let read = objects.get(key);
    if (!read) {
      let reader = readers.get(repo.bareDir);
      if (!reader) {
        reader = objectReader(repo.bareDir);
        readers.set(repo.bareDir, reader);
      }
      read = reader(oid);
      objects.set(key, read);
    }
    return read;
  };
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
    object,
    commit: async (repo, oid) => commitOf(await object(repo, oid), oid)
  };
}
