// rebuild's one GraphQL round trip (plus follow-up pages of checks): the query's raw answer normalised into the plain data the
// gate and the merge phase decide on.
import type { GitHub } from '../io/github.js';
import { describeCall } from '../io/github-errors.js';
import { log } from '../log.js';
import { errorMessage } from '../util/errors.js';
import { CONTEXTS_QUERY, PULL_REQUESTS_QUERY, REBUILD_QUERY } from './query.js';
import { shortSha } from './reasons.js';
import type { CheckContext, PullRequestInfo, SkipReason } from './types.js';

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
    pullRequests: RawPullRequests;
  };
}

interface RawPullRequests {
  nodes: Array<RawPullRequest | null>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
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

/**
 * One query for everything rebuild needs, then the further pages of PRs (and of the checks of
 * PRs with more than 100). The repository's fields come from the first page only.
 */
export async function loadRebuildState(
  github: GitHub,
  base: string,
  staging: string
): Promise<RebuildState> {
  const { owner, repo: name } = github.repository;
  const data = await github
    .query<RawRebuild>(REBUILD_QUERY, {
      owner,
      repo: name,
      base,
      baseRef: `refs/heads/${base}`,
      stagingRef: `refs/heads/${staging}`
    })
    .catch(explainForbidden);
  const { pageInfo } = data.repository.pullRequests;
  if (pageInfo.hasNextPage) {
    const rest = await github
      .paginate<{ repository: { pullRequests: RawPullRequests } }>(PULL_REQUESTS_QUERY, {
        owner,
        repo: name,
        base,
        cursor: pageInfo.endCursor
      })
      .catch(explainForbidden);
    data.repository.pullRequests.nodes.push(...rest.repository.pullRequests.nodes);
  }
  const repo = data.repository;
  const pullRequests: PullRequestInfo[] = [];
  for (const pr of repo.pullRequests.nodes) {
    if (!pr) continue;
    const rollup = pr.statusCheckRollup;
    const checks = contextsOf(rollup?.contexts.nodes ?? null);
    const checksOid = rollup?.commit?.oid ?? pr.headRefOid;
    let checksSkip: SkipReason | undefined;
    if (rollup?.contexts.pageInfo.hasNextPage) {
      const rest = await remainingContexts(
        github,
        pr,
        checksOid,
        rollup.contexts.pageInfo.endCursor
      );
      if ('skip' in rest) checksSkip = rest.skip;
      else checks.push(...rest.checks);
    }
    pullRequests.push({
      number: pr.number,
      title: pr.title,
      author: pr.author?.login ?? null,
      isDraft: pr.isDraft,
      isCrossRepository: pr.isCrossRepository,
      headRefOid: pr.headRefOid,
      labels: (pr.labels?.nodes ?? []).flatMap(l => (l ? [l.name] : [])),
      checksOid,
      checks,
      ...(checksSkip ? { checksSkip } : {})
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

interface RawContextsPage {
  node: {
    headRefOid?: string;
    statusCheckRollup: { commit: { oid: string } | null; contexts: RawContexts } | null;
  } | null;
}

const CONTEXTS_CALL = describeCall({ method: 'POST', url: '/graphql', query: CONTEXTS_QUERY });

/** A PR that GitHub cannot resolve is asked for this many times in all. */
const NULL_NODE_ASKS = 2;

/** GitHub's reason when every error of a failed query is NOT_FOUND (a node it cannot resolve). */
function notFoundReason(error: unknown): string | null {
  const errors = (error as { errors?: Array<{ type?: string; message?: string }> }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return null;
  if (!errors.every(e => e.type === 'NOT_FOUND')) return null;
  return errors.map(e => e.message ?? 'not found').join('; ');
}

/**
 * One follow-up page. A PR the first query has just returned is rarely gone, so a null node (or
 * NOT_FOUND) may be a passing glitch: it is asked for once more before it counts.
 */
async function contextsPage(
  github: GitHub,
  id: string,
  cursor: string | null
): Promise<{ node: RawContextsPage['node']; tries: number; answer: string }> {
  for (let tries = 1; ; tries++) {
    let answer = 'node: null';
    let node: RawContextsPage['node'];
    try {
      node = (await github.query<RawContextsPage>(CONTEXTS_QUERY, { id, cursor })).node;
    } catch (error) {
      const reason = notFoundReason(error);
      if (reason === null) explainForbidden(error);
      answer = `NOT_FOUND (${reason})`;
      node = null;
    }
    if (node !== null || tries >= NULL_NODE_ASKS) return { node, tries, answer };
  }
}

/**
 * The checks past the first page, all of the commit the first query read (`checksOid`); paged
 * here rather than by octokit's plugin, which cannot page a null node or rollup ("No pageInfo
 * property found in response"). The PR can change between the two queries, and then its CI is
 * not known for that commit: force-pushed, it is skipped as head-moved (its new head gets a run
 * of its own); deleted or unreadable, as ci-unknown saying what was asked and what came back.
 */
async function remainingContexts(
  github: GitHub,
  pr: { id: string; number: number },
  checksOid: string,
  cursor: string | null
): Promise<{ checks: CheckContext[] } | { skip: SkipReason }> {
  const asked = `${CONTEXTS_CALL} for its checks after the first 100 on ${shortSha(checksOid)}`;
  const unknown = (answer: string, tries: number, why: string): { skip: SkipReason } => {
    const detail = `GitHub answered ${answer} to ${asked}, ${tries} ${tries === 1 ? 'try' : 'tries'}: ${why}`;
    log.warning(`#${pr.number}: CI not known: ${detail}`);
    return { skip: { kind: 'ci-unknown', detail } };
  };
  const checks: CheckContext[] = [];
  for (let after = cursor; ;) {
    const { node, tries, answer } = await contextsPage(github, pr.id, after);
    if (node === null) {
      return unknown(
        answer,
        tries,
        'the PR was deleted or cannot be read any more; the next run reads it again'
      );
    }
    const rollup = node.statusCheckRollup;
    const now = rollup?.commit?.oid ?? node.headRefOid ?? checksOid;
    if (now !== checksOid)
      return { skip: { kind: 'head-moved', expected: checksOid, actual: now } };
    if (!rollup) {
      return unknown(
        'statusCheckRollup: null',
        tries,
        'its checks are gone; the next run reads them again'
      );
    }
    checks.push(...contextsOf(rollup.contexts.nodes));
    if (!rollup.contexts.pageInfo.hasNextPage) return { checks };
    after = rollup.contexts.pageInfo.endCursor;
  }
}
