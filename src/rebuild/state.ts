// rebuild's one GraphQL round trip: the query's raw answer normalised into the plain data the
// gate and the merge phase decide on.
import type { GitHub } from '../io/github.js';
import { errorMessage } from '../util/errors.js';
import { CONTEXTS_QUERY, REBUILD_QUERY } from './query.js';
import type { CheckContext, PullRequestInfo } from './types.js';

export interface RebuildState {
  viewerPermission: string | null;
  /** The repository's default branch; null when the token cannot see it. */
  defaultBranch: string | null;
  /** Pattern of the branch protection rule covering the existing staging branch, if any. */
  stagingProtection: string | null;
  baseSha: string | null;
  staging: { sha: string; tree: string; message: string } | null;
  pullRequests: PullRequestInfo[];
}

interface RawContext {
  __typename: string;
  name?: string;
  status?: string;
  conclusion?: string | null;
  startedAt?: string | null;
  completedAt?: string | null;
  databaseId?: number | null;
  checkSuite?: {
    app: { slug: string } | null;
    workflowRun: { file: { path: string } | null; workflow: { name: string } } | null;
  } | null;
  context?: string;
  state?: string;
  description?: string | null;
  createdAt?: string | null;
}

interface RawContexts {
  nodes: Array<RawContext | null> | null;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface RawPullRequest {
  id: string;
  number: number;
  title: string;
  isDraft: boolean;
  isCrossRepository: boolean;
  headRefOid: string;
  author: { login: string } | null;
  labels: { nodes: Array<{ name: string } | null> | null } | null;
  statusCheckRollup: { commit: { oid: string } | null; contexts: RawContexts } | null;
}

interface RawRebuild {
  repository: {
    viewerPermission: string | null;
    defaultBranchRef: { name: string } | null;
    baseRef: { target: { oid: string } } | null;
    stagingRef: {
      refUpdateRule: { pattern: string } | null;
      target: { oid: string; message?: string; tree?: { oid: string } };
    } | null;
    pullRequests: { nodes: Array<RawPullRequest | null> };
  };
}

function toContext(raw: RawContext): CheckContext | null {
  if (raw.__typename === 'CheckRun') {
    return {
      kind: 'check-run',
      name: raw.name ?? '',
      status: raw.status ?? '',
      conclusion: raw.conclusion ?? null,
      startedAt: raw.startedAt ?? null,
      completedAt: raw.completedAt ?? null,
      databaseId: raw.databaseId ?? null,
      workflowPath: raw.checkSuite?.workflowRun?.file?.path ?? null,
      workflowName: raw.checkSuite?.workflowRun?.workflow.name ?? null,
      appSlug: raw.checkSuite?.app?.slug ?? null
    };
  }
  if (raw.__typename === 'StatusContext') {
    return {
      kind: 'status',
      name: raw.context ?? '',
      state: raw.state ?? '',
      description: raw.description ?? null,
      createdAt: raw.createdAt ?? null
    };
  }
  return null;
}

function contextsOf(nodes: Array<RawContext | null> | null): CheckContext[] {
  return (nodes ?? []).flatMap(n => {
    const c = n ? toContext(n) : null;
    return c ? [c] : [];
  });
}

/**
 * A token without a permission the query needs gets GitHub's bare "Resource not accessible by
 * integration": say which permissions rebuild reads with.
 */
function explainForbidden(error: unknown): never {
  const graphqlErrors = (error as { errors?: Array<{ message?: string }> }).errors ?? [];
  const message = graphqlErrors.map(e => e.message ?? '').join('; ') || errorMessage(error);
  if (/Resource not accessible by integration|FORBIDDEN/i.test(message)) {
    throw new Error(
      `The token cannot read what rebuild needs (${message}). Give the job ` +
        "'permissions: contents: write, pull-requests: read, checks: read, actions: read' " +
        "(plus 'statuses: write' with commit-status).",
      { cause: error }
    );
  }
  throw error;
}

/** One query (plus pages) for everything rebuild needs; extra pages only for PRs with >100 checks. */
export async function loadRebuildState(
  github: GitHub,
  base: string,
  staging: string
): Promise<RebuildState> {
  const data = await github
    .paginate<RawRebuild>(REBUILD_QUERY, {
      owner: github.repository.owner,
      repo: github.repository.repo,
      base,
      baseRef: `refs/heads/${base}`,
      stagingRef: `refs/heads/${staging}`
    })
    .catch(explainForbidden);
  const repo = data.repository;
  const pullRequests: PullRequestInfo[] = [];
  for (const pr of repo.pullRequests.nodes) {
    if (!pr) continue;
    const rollup = pr.statusCheckRollup;
    const checks = contextsOf(rollup?.contexts.nodes ?? null);
    if (rollup?.contexts.pageInfo.hasNextPage) {
      checks.push(...(await remainingContexts(github, pr.id, rollup.contexts.pageInfo.endCursor)));
    }
    pullRequests.push({
      number: pr.number,
      title: pr.title,
      author: pr.author?.login ?? null,
      isDraft: pr.isDraft,
      isCrossRepository: pr.isCrossRepository,
      headRefOid: pr.headRefOid,
      labels: (pr.labels?.nodes ?? []).flatMap(l => (l ? [l.name] : [])),
      checksOid: rollup?.commit?.oid ?? pr.headRefOid,
      checks
    });
  }
  const stagingTarget = repo.stagingRef?.target;
  return {
    viewerPermission: repo.viewerPermission,
    defaultBranch: repo.defaultBranchRef?.name ?? null,
    stagingProtection: repo.stagingRef?.refUpdateRule?.pattern ?? null,
    baseSha: repo.baseRef?.target.oid ?? null,
    staging:
      stagingTarget && stagingTarget.tree
        ? {
            sha: stagingTarget.oid,
            tree: stagingTarget.tree.oid,
            message: stagingTarget.message ?? ''
          }
        : null,
    pullRequests
  };
}

async function remainingContexts(
  github: GitHub,
  id: string,
  cursor: string | null
): Promise<CheckContext[]> {
  const data = await github
    .paginate<{
      node: { statusCheckRollup: { contexts: RawContexts } | null } | null;
    }>(CONTEXTS_QUERY, { id, cursor })
    .catch(explainForbidden);
  return contextsOf(data.node?.statusCheckRollup?.contexts.nodes ?? null);
}
