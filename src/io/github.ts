import { Octokit as OctokitCore } from '@octokit/core';
import { paginateGraphQL } from '@octokit/plugin-paginate-graphql';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { log } from '../log.js';
import type { Repository } from '../inputs/parse.js';
import { DEFAULT_REQUEST_TIMEOUT_S, fetchWithTimeout } from '../util/timeout.js';
import { countTries, graphqlWithContext, requestWithContext } from './github-errors.js';
import { authString, githubFetch, userAgentWithOrchestrationId } from './github-fetch.js';
import { fitStatusDescription } from './github-rules.js';

// REST calls are plain `request` routes (no endpoint-methods plugin: it is most of the bundle).
// countTries before the hook-adding plugins: its hook is the innermost, called once per try.
const StagingOctokit = OctokitCore.plugin(
  paginateRest,
  countTries,
  paginateGraphQL,
  retry,
  throttling
);
export type Octokit = InstanceType<typeof StagingOctokit>;

interface LimitedRequest {
  method: string;
  url: string;
}

function onLimit(kind: string) {
  return (retryAfter: number, options: LimitedRequest, _octokit: unknown, retryCount: number) => {
    log.warning(`GitHub ${kind} on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
    return retryCount < 2;
  };
}

/** The part of a Bottleneck group the throttling plugin uses: `key(id).schedule(options, job)`. */
type Lane = NonNullable<Extract<ThrottlingOptions, { onRateLimit: unknown }>['write']>;
type Job = (...args: unknown[]) => Promise<unknown>;

/**
 * The throttling plugin spaces every GraphQL request like a write (one per second), because a
 * GraphQL document may hold a mutation. Every document this action sends is a query, so its
 * pages must not wait: reads go through a client whose write lane is unpaced. Writes (REST:
 * statuses, ref deletion) keep GitHub's recommended pacing. Both keep the retries and the
 * (secondary) rate-limit handling.
 */
const UNPACED = {
  key: () => ({ schedule: (_options: unknown, job: Job, ...args: unknown[]) => job(...args) })
} as unknown as Lane;

/**
 * The plugin's global lane for reads: at most `max` requests at once, as the plugin's own
 * (a Bottleneck group of 10) allows, without its timers. Bottleneck takes four timer turns to
 * start and settle a job, about 4 ms of every request that only waits for a free slot.
 */
export function concurrencyLane(max: number): Lane {
  let running = 0;
  const waiting: Array<() => void> = [];
  const schedule = async (_options: unknown, job: Job, ...args: unknown[]): Promise<unknown> => {
    // A finishing job hands its slot straight to the first waiter: `running` stays counted.
    if (running >= max) await new Promise<void>(resolve => waiting.push(resolve));
    else running += 1;
    try {
      return await job(...args);
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
  return { key: () => ({ schedule }) } as unknown as Lane;
}

export interface GitHubClients {
  /** GraphQL queries: retried and rate-limit aware, not paced. */
  readonly reads: Octokit;
  /** REST writes: paced as GitHub asks. */
  readonly writes: Octokit;
}

function client(
  token: string,
  baseUrl: string,
  timeoutMs: number,
  paced: boolean,
  retryBaseMs: number
): Octokit {
  const octokit = new StagingOctokit({
    baseUrl,
    auth: authString(token),
    userAgent: userAgentWithOrchestrationId('staging-action'),
    // The runner's proxy settings (https_proxy, no_proxy) are honoured as @actions/github did.
    request: { fetch: fetchWithTimeout(timeoutMs, githubFetch(baseUrl)) },
    throttle: {
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      ...(paced ? {} : { write: UNPACED, global: concurrencyLane(10) })
    },
    retry: { retryAfterBaseValue: retryBaseMs }
  });
  // Added last, so it wraps the retry and throttling plugins and sees each call's final outcome.
  octokit.hook.wrap('request', requestWithContext);
  return octokit;
}

/**
 * Octokit with GraphQL pagination, retries of 5xx, waiting out (secondary) rate limits, and a
 * deadline on every request (not retried: see RequestTimeoutError).
 */
export function createOctokit(
  token: string,
  baseUrl: string,
  timeoutMs = DEFAULT_REQUEST_TIMEOUT_S * 1000,
  /** The retry plugin waits (n² × this) before retry n; tests make it short. */
  retryBaseMs = 1000
): GitHubClients {
  return {
    reads: client(token, baseUrl, timeoutMs, false, retryBaseMs),
    writes: client(token, baseUrl, timeoutMs, true, retryBaseMs)
  };
}

const DEFAULT_BRANCH_QUERY = `
query stagingDefaultBranch($owner: String!, $repo: String!) {
  repository(owner: $owner, name: $repo) { defaultBranchRef { name } }
}`;

// One query (and its pages, 100 refs each) for every stage branch, whatever the number of staged
// versions. The default branch comes with the first page.
const STAGE_BRANCHES_QUERY = `
query stagingStageBranches($owner: String!, $repo: String!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    defaultBranchRef { name }
    refs(refPrefix: "refs/heads/stage/", first: 100, after: $cursor) {
      nodes { prefix name }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

interface StageBranchesData {
  repository: {
    defaultBranchRef: { name: string } | null;
    refs: { nodes: Array<{ prefix: string; name: string }> };
  };
}

export class GitHub {
  constructor(
    private readonly clients: GitHubClients,
    readonly repository: Repository
  ) {}

  async defaultBranch(): Promise<string> {
    const data = await this.clients.reads
      .graphql<{
        repository: { defaultBranchRef: { name: string } | null };
      }>(DEFAULT_BRANCH_QUERY, { owner: this.repository.owner, repo: this.repository.repo })
      .catch((error: unknown) => {
        throw graphqlWithContext(error, DEFAULT_BRANCH_QUERY);
      });
    const name = data.repository.defaultBranchRef?.name;
    if (!name) throw new Error(`${this.slug} has no default branch: set base-branch.`);
    return name;
  }

  /** The default branch and every branch under `stage/` (names without `refs/heads/`). */
  async stageBranches(): Promise<{ defaultBranch: string | null; branches: Set<string> }> {
    const data = await this.paginate<StageBranchesData>(STAGE_BRANCHES_QUERY, {
      owner: this.repository.owner,
      repo: this.repository.repo
    });
    // `name` is relative to `prefix`; joined, they are the full ref whatever the split.
    const branches = data.repository.refs.nodes.map(r =>
      `${r.prefix}${r.name}`.replace(/^refs\/heads\//, '')
    );
    return {
      defaultBranch: data.repository.defaultBranchRef?.name ?? null,
      branches: new Set(branches)
    };
  }

  get slug(): string {
    return `${this.repository.owner}/${this.repository.repo}`;
  }

  /** One GraphQL request, for callers that page (or check each page) themselves. */
  query<T extends object>(query: string, variables: Record<string, unknown>): Promise<T> {
    return this.clients.reads.graphql<T>(query, variables).catch((error: unknown) => {
      throw graphqlWithContext(error, query);
    });
  }

  /** A paginated GraphQL query (octokit's plugin merges the pages of the one connection). */
  paginate<T extends object>(query: string, variables: Record<string, unknown>): Promise<T> {
    return this.clients.reads.graphql.paginate<T>(query, variables).catch((error: unknown) => {
      throw graphqlWithContext(error, query);
    });
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
    await this.clients.writes.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
      owner: this.repository.owner,
      repo: this.repository.repo,
      sha,
      state: status.state,
      context: status.context,
      description: fitStatusDescription(status.description),
      ...(status.targetUrl ? { target_url: status.targetUrl } : {})
    });
  }

  /** Every workflow of the repository (REST, paginated). */
  async listWorkflows(): Promise<WorkflowInfo[]> {
    const { reads } = this.clients;
    const workflows = await reads.paginate('GET /repos/{owner}/{repo}/actions/workflows', {
      owner: this.repository.owner,
      repo: this.repository.repo,
      per_page: 100
    });
    return workflows.map(w => ({ id: w.id, name: w.name, path: w.path, state: w.state }));
  }

  /** `workflow_dispatch` of a workflow (id or file name) on `ref`; GitHub answers 204. */
  async dispatchWorkflow(
    workflow: number | string,
    ref: string,
    inputs: Record<string, string>
  ): Promise<void> {
    await this.clients.writes.request(
      'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
      {
        owner: this.repository.owner,
        repo: this.repository.repo,
        workflow_id: workflow,
        ref,
        ...(Object.keys(inputs).length > 0 ? { inputs } : {})
      }
    );
  }

  /** Deletes `refs/heads/<branch>`; false when it was already gone. */
  async deleteBranch(branch: string): Promise<boolean> {
    try {
      await this.clients.writes.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
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

/** A workflow as `GET /repos/{owner}/{repo}/actions/workflows` lists it. */
export interface WorkflowInfo {
  id: number;
  name: string;
  /** `.github/workflows/deploy.yml`. */
  path: string;
  state: string;
}
