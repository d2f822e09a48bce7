import * as core from '@actions/core';
import { GitHub as ActionsOctokit, getOctokitOptions } from '@actions/github/lib/utils';
import { paginateGraphQL } from '@octokit/plugin-paginate-graphql';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Repository } from './inputs.js';
import { CONTEXTS_QUERY, DEFAULT_BRANCH_QUERY, REBUILD_QUERY } from './rebuild/query.js';
import type { CheckContext, PullRequestInfo } from './rebuild/types.js';

const StagingOctokit = ActionsOctokit.plugin(paginateGraphQL, retry, throttling);
export type Octokit = InstanceType<typeof StagingOctokit>;

interface LimitedRequest {
  method: string;
  url: string;
}

function onLimit(kind: string) {
  return (retryAfter: number, options: LimitedRequest, _octokit: unknown, retryCount: number) => {
    core.warning(`GitHub ${kind} on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
    return retryCount < 2;
  };
}

/** Octokit with GraphQL pagination, retries of 5xx and waiting out (secondary) rate limits. */
export function createOctokit(token: string, baseUrl: string): Octokit {
  return new StagingOctokit(
    getOctokitOptions(token, {
      baseUrl,
      userAgent: 'staging-action',
      throttle: {
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit')
      }
    })
  );
}

export interface RebuildState {
  viewerPermission: string | null;
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
    baseRef: { target: { oid: string } } | null;
    stagingRef: { target: { oid: string; message?: string; tree?: { oid: string } } } | null;
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
  const message =
    graphqlErrors.map(e => e.message ?? '').join('; ') ||
    (error instanceof Error ? error.message : String(error));
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

export class GitHub {
  /** GraphQL and REST requests made, for the summary's debug line and the benchmark. */
  requests = 0;

  constructor(
    private readonly octokit: Octokit,
    private readonly repository: Repository
  ) {
    octokit.hook.before('request', () => {
      this.requests++;
    });
  }

  async defaultBranch(): Promise<string> {
    const data = await this.octokit.graphql<{
      repository: { defaultBranchRef: { name: string } | null };
    }>(DEFAULT_BRANCH_QUERY, { owner: this.repository.owner, repo: this.repository.repo });
    const name = data.repository.defaultBranchRef?.name;
    if (!name) throw new Error(`${this.slug} has no default branch: set base-branch.`);
    return name;
  }

  get slug(): string {
    return `${this.repository.owner}/${this.repository.repo}`;
  }

  /** One query (plus pages) for everything rebuild needs; extra pages only for PRs with >100 checks. */
  async loadRebuildState(base: string, staging: string): Promise<RebuildState> {
    const data = await this.octokit.graphql
      .paginate<RawRebuild>(REBUILD_QUERY, {
        owner: this.repository.owner,
        repo: this.repository.repo,
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
        checks.push(...(await this.remainingContexts(pr.id, rollup.contexts.pageInfo.endCursor)));
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

  private async remainingContexts(id: string, cursor: string | null): Promise<CheckContext[]> {
    const data = await this.octokit.graphql
      .paginate<{
        node: { statusCheckRollup: { contexts: RawContexts } | null } | null;
      }>(CONTEXTS_QUERY, { id, cursor })
      .catch(explainForbidden);
    return contextsOf(data.node?.statusCheckRollup?.contexts.nodes ?? null);
  }

  async createStatus(
    sha: string,
    status: {
      state: 'success' | 'failure' | 'pending';
      context: string;
      description: string;
      targetUrl: string | null;
    }
  ): Promise<void> {
    await this.octokit.rest.repos.createCommitStatus({
      owner: this.repository.owner,
      repo: this.repository.repo,
      sha,
      state: status.state,
      context: status.context,
      // GitHub rejects descriptions over 140 characters.
      description:
        status.description.length > 140
          ? `${status.description.slice(0, 139)}…`
          : status.description,
      ...(status.targetUrl ? { target_url: status.targetUrl } : {})
    });
  }

  /** Deletes `refs/heads/<branch>`; false when it was already gone. */
  async deleteBranch(branch: string): Promise<boolean> {
    try {
      await this.octokit.rest.git.deleteRef({
        owner: this.repository.owner,
        repo: this.repository.repo,
        ref: `heads/${branch}`
      });
      return true;
    } catch (error) {
      const status = (error as { status?: number }).status;
      // GitHub answers 422 "Reference does not exist" for a ref that is already gone.
      if (status === 404 || status === 422) return false;
      throw error;
    }
  }
}
