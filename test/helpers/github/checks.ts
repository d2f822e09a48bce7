// A commit's checks as GraphQL nodes: check runs (with their suite, app and workflow run) and
// status contexts, and the FORBIDDEN check runs a token without checks: read gets.
import path from 'node:path';
import type { Node } from './connection.ts';
import type { RequestContext } from './graphql.ts';
import { ForbiddenError } from './schema.ts';
import { b64url, tokenAllows, type FakeContext, type FakeRepo } from './state.ts';

/**
 * Without checks: read, each CheckRun of a rollup's contexts is FORBIDDEN (null in `nodes`, or
 * as an edge's `node`, with the error at that path); status contexts still show.
 */
export function withoutForbiddenCheckRuns(conn: Node, ctx: RequestContext): Node {
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

export function contextNode(
  url: string,
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
    url: `${url}/${repo.fullName}/runs/${c.databaseId ?? 0}`,
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
