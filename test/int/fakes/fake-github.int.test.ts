// The fake GitHub is what every integration test of the action talks to, so these tests pin the
// places where it must behave like the real service: schema validation, pagination, errors,
// statuses feeding the rollup, git over HTTP with its permissions, and injected faults.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CONTEXTS_QUERY, REBUILD_QUERY } from '../../../src/rebuild/query.js';
import { startFakeGitHub } from '../../helpers/fake-github.js';
import type { FakeGitHub } from '../../helpers/fake-github.js';
import {
  cloneLikeCheckout,
  createOrigin,
  git,
  populate,
  populatedPath,
  tryGit
} from '../../helpers/git-fixture.js';
import type { Origin } from '../../helpers/git-fixture.js';

const WRITE = 'ghs_fake-write';
const READ = 'ghs_fake-read';

interface GqlError {
  type?: string;
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
  locations?: Array<{ line: number; column: number }>;
}

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

interface ContextNode {
  __typename: 'CheckRun' | 'StatusContext';
  name?: string;
  status?: string;
  conclusion?: string | null;
  databaseId?: number | null;
  checkSuite?: {
    app: { slug: string } | null;
    workflowRun: { file: { path: string } | null; workflow: { name: string } } | null;
  };
  context?: string;
  state?: string;
  description?: string | null;
}

interface ContextConnection {
  pageInfo: PageInfo;
  nodes: ContextNode[];
}

interface PrNode {
  id: string;
  number: number;
  title: string;
  isDraft: boolean;
  isCrossRepository: boolean;
  headRefOid: string;
  author: { login: string } | null;
  labels: { nodes: Array<{ name: string }> };
  statusCheckRollup: { commit: { oid: string }; contexts: ContextConnection } | null;
}

interface RebuildData {
  repository: {
    viewerPermission: string;
    baseRef: { target: { oid: string; tree: { oid: string } } } | null;
    stagingRef: { target: { oid: string; message: string; tree: { oid: string } } } | null;
    pullRequests: { nodes: PrNode[]; pageInfo: PageInfo };
  } | null;
}

type PrConnection = NonNullable<RebuildData['repository']>['pullRequests'];

interface GqlBody<T> {
  data?: T | null;
  errors?: GqlError[];
}

let fake: FakeGitHub;
let origin: Origin;
const heads: Record<string, string> = {};

async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  token = WRITE
): Promise<{ status: number; body: GqlBody<T> }> {
  const res = await fetch(`${fake.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables })
  });
  return { status: res.status, body: (await res.json()) as GqlBody<T> };
}

async function rest(
  method: string,
  route: string,
  options: { token?: string | null; body?: unknown } = {}
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> | null }> {
  const token = options.token === undefined ? WRITE : options.token;
  const headers: Record<string, string> = { accept: 'application/vnd.github+json' };
  if (token !== null) headers.authorization = `token ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${fake.url}${route}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {})
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null
  };
}

function rebuildVariables(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    owner: 'acme',
    repo: 'widgets',
    base: 'main',
    baseRef: 'refs/heads/main',
    stagingRef: 'refs/heads/staging',
    cursor: null,
    ...extra
  };
}

beforeAll(async () => {
  origin = await createOrigin({ files: { 'README.md': 'hello\n', 'src/app.txt': 'v1\n' } });
  heads.one = await origin.commit('feature-one', { 'one.txt': '1\n' }, 'Add one');
  heads.two = await origin.commit('feature-two', { 'two.txt': '2\n' }, 'Add two');
  heads.three = await origin.commit('feature-three', { 'three.txt': '3\n' }, 'Add three');
  heads.closed = await origin.commit('closed', { 'closed.txt': 'x\n' }, 'Closed work');
  fake = await startFakeGitHub();
  fake.addRepo({ repo: 'acme/widgets', bareDir: origin.bareDir });
  await fake.addPullRequest({ number: 1, head: heads.one, title: 'One', labels: ['staging'] });
  await fake.addPullRequest({
    number: 2,
    head: heads.two,
    title: 'Two',
    isDraft: true,
    isCrossRepository: true,
    author: null
  });
  await fake.addPullRequest({
    number: 3,
    head: heads.three,
    title: 'Three',
    author: 'dependabot[bot]'
  });
  await fake.addPullRequest({ number: 4, head: heads.closed, state: 'CLOSED' });
  await fake.addPullRequest({ number: 5, head: heads.closed, baseRefName: 'release' });
  fake.addCheckRun(heads.one, { name: 'build', databaseId: 77 });
  fake.addStatus(heads.one, { context: 'lint', state: 'PENDING', description: 'running' });
  fake.addCheckRun(heads.one, {
    name: 'external',
    appSlug: 'circleci',
    workflowPath: null,
    conclusion: 'FAILURE'
  });
  for (let i = 0; i < 130; i++) fake.addCheckRun(heads.three, { name: `shard-${i}` });
});

afterAll(async () => {
  await fake?.close();
  await origin?.cleanup();
});

describe('GraphQL', () => {
  it('executes the rebuild query with the repository, PRs and checks it models', async () => {
    const { status, body } = await graphql<RebuildData>(REBUILD_QUERY, rebuildVariables());
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const repo = body.data?.repository;
    expect(repo?.viewerPermission).toBe('WRITE');
    expect(repo?.baseRef?.target.oid).toBe(await origin.revParse('main'));
    expect(repo?.baseRef?.target.tree.oid).toBe(
      (await origin.git(['rev-parse', 'main^{tree}'])).trim()
    );
    expect(repo?.stagingRef).toBeNull();

    // Closed PRs and PRs to another base are not listed; creation order is kept.
    const prs = repo?.pullRequests.nodes ?? [];
    expect(prs.map(pr => pr.number)).toEqual([1, 2, 3]);
    expect(repo?.pullRequests.pageInfo.hasNextPage).toBe(false);
    const [one, two, three] = prs;
    expect(one).toMatchObject({
      title: 'One',
      isDraft: false,
      isCrossRepository: false,
      headRefOid: heads.one,
      author: { login: 'octocat' },
      labels: { nodes: [{ name: 'staging' }] }
    });
    expect(one?.statusCheckRollup?.commit.oid).toBe(heads.one);
    expect(one?.statusCheckRollup?.contexts.nodes).toEqual([
      {
        __typename: 'CheckRun',
        name: 'build',
        status: 'COMPLETED',
        conclusion: 'SUCCESS',
        startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        completedAt: expect.stringMatching(/Z$/),
        databaseId: 77,
        checkSuite: {
          app: { slug: 'github-actions' },
          workflowRun: { file: { path: '.github/workflows/ci.yml' }, workflow: { name: 'CI' } }
        }
      },
      {
        __typename: 'StatusContext',
        context: 'lint',
        state: 'PENDING',
        description: 'running',
        createdAt: expect.stringMatching(/Z$/)
      },
      expect.objectContaining({
        name: 'external',
        conclusion: 'FAILURE',
        checkSuite: { app: { slug: 'circleci' }, workflowRun: null }
      })
    ]);
    expect(two).toMatchObject({
      isDraft: true,
      isCrossRepository: true,
      author: null,
      statusCheckRollup: null
    });
    expect(three?.author).toEqual({ login: 'dependabot[bot]' });
    expect(three?.statusCheckRollup?.contexts.nodes).toHaveLength(100);
    expect(three?.statusCheckRollup?.contexts.pageInfo.hasNextPage).toBe(true);

    // The remaining contexts come from the follow-up query, by PR node id.
    const more = await graphql<{ node: { statusCheckRollup: { contexts: ContextConnection } } }>(
      CONTEXTS_QUERY,
      { id: three?.id, cursor: three?.statusCheckRollup?.contexts.pageInfo.endCursor }
    );
    expect(more.body.errors).toBeUndefined();
    const rest = more.body.data?.node.statusCheckRollup.contexts;
    expect(rest?.pageInfo.hasNextPage).toBe(false);
    const names = [...(three?.statusCheckRollup?.contexts.nodes ?? []), ...(rest?.nodes ?? [])].map(
      n => n.name
    );
    expect(new Set(names).size).toBe(130);
    expect(names[100]).toBe('shard-100');
  });

  it('reads refs live from the bare repository and reports the token permission', async () => {
    const sha = await origin.commit('staging', { 'staging.txt': 's\n' }, 'staging: base + 1');
    const { body } = await graphql<RebuildData>(REBUILD_QUERY, rebuildVariables(), READ);
    expect(body.data?.repository?.viewerPermission).toBe('READ');
    expect(body.data?.repository?.stagingRef?.target).toEqual({
      oid: sha,
      message: 'staging: base + 1',
      tree: { oid: (await origin.git(['rev-parse', `${sha}^{tree}`])).trim() }
    });
    await origin.deleteRef('refs/heads/staging');
  });

  it('sees every ref change made with git behind its back, loose or packed', async () => {
    const stagingOid = async (): Promise<string | null> => {
      const { body } = await graphql<RebuildData>(REBUILD_QUERY, rebuildVariables());
      return body.data?.repository?.stagingRef?.target.oid ?? null;
    };
    const first = await origin.commit('staging', { 'staging.txt': '1\n' }, 'staging 1');
    expect(await stagingOid()).toBe(first);
    // Loose, moved in place (same size, as ref files always are).
    const second = await origin.commit('staging', { 'staging.txt': '2\n' }, 'staging 2');
    expect(await stagingOid()).toBe(second);
    // Packed, then moved again: a loose file shadows the packed entry.
    await origin.git(['pack-refs', '--all']);
    expect(await stagingOid()).toBe(second);
    await origin.git(['update-ref', 'refs/heads/staging', first]);
    expect(await stagingOid()).toBe(first);
    await origin.git(['pack-refs', '--all']);
    await origin.git(['update-ref', 'refs/heads/staging', second]);
    await origin.git(['pack-refs', '--all']);
    expect(await stagingOid()).toBe(second);
    await origin.deleteRef('refs/heads/staging');
    expect(await stagingOid()).toBeNull();
  });

  it('answers an unknown repository with GitHub NOT_FOUND error', async () => {
    const { status, body } = await graphql<RebuildData>(
      REBUILD_QUERY,
      rebuildVariables({ repo: 'nope' })
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({ repository: null });
    expect(body.errors).toEqual([
      {
        type: 'NOT_FOUND',
        path: ['repository'],
        locations: [expect.objectContaining({ line: 3 })],
        message: "Could not resolve to a Repository with the name 'acme/nope'."
      }
    ]);
  });

  it('rejects a misspelled field like GitHub, without executing anything', async () => {
    const query = REBUILD_QUERY.replace('viewerPermission', 'viewerPermision');
    const { status, body } = await graphql<RebuildData>(query, rebuildVariables());
    expect(status).toBe(200);
    expect(body).not.toHaveProperty('data');
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: "Field 'viewerPermision' doesn't exist on type 'Repository'",
        locations: [{ line: 4, column: 5 }]
      })
    ]);
  });

  it('enforces the pagination limits GitHub enforces', async () => {
    const over = await graphql<RebuildData>(
      REBUILD_QUERY.replace('first: 100, after: $cursor', 'first: 101, after: $cursor'),
      rebuildVariables()
    );
    expect(over.body.data).toBeNull();
    expect(over.body.errors).toEqual([
      expect.objectContaining({
        type: 'EXCESSIVE_PAGINATION',
        message:
          'Requesting 101 records on the `pullRequests` connection exceeds the `first` limit of 100 records.'
      })
    ]);

    // Through a variable too, and without any bound at all.
    const viaVariable = await graphql(
      `
        query ($n: Int!) {
          repository(owner: "acme", name: "widgets") {
            a: pullRequests(first: $n) {
              totalCount
            }
            b: pullRequests(states: OPEN) {
              totalCount
            }
          }
        }
      `,
      { n: 250 }
    );
    expect(viaVariable.body.errors?.map(e => e.type)).toEqual([
      'EXCESSIVE_PAGINATION',
      'MISSING_PAGINATION_BOUNDARIES'
    ]);
    expect(viaVariable.body.errors?.[1]?.message).toBe(
      'You must provide a `first` or `last` value to properly paginate the `pullRequests` connection.'
    );

    const tooMany = await graphql(`
      {
        repository(owner: "acme", name: "widgets") {
          pullRequests(first: 100) {
            nodes {
              reviews(first: 100) {
                nodes {
                  comments(first: 100) {
                    totalCount
                  }
                }
              }
            }
          }
        }
      }
    `);
    expect(tooMany.body.errors).toEqual([
      expect.objectContaining({
        type: 'MAX_NODE_LIMIT_EXCEEDED',
        message: expect.stringContaining('requesting up to 1,010,100 possible nodes')
      })
    ]);
  });

  it('pages through 250 pull requests, each exactly once, even when one closes mid-way', async () => {
    const many = await createOrigin();
    try {
      fake.addRepo({ repo: 'acme/many', bareDir: many.bareDir });
      const main = (await many.revParse('main')) ?? '';
      for (let n = 1; n <= 250; n++) {
        await fake.addPullRequest({ repo: 'acme/many', number: n, headRefOid: main });
      }
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      for (;;) {
        const variables = rebuildVariables({ repo: 'many', cursor });
        const { body } = await graphql<RebuildData>(REBUILD_QUERY, variables);
        expect(body.errors).toBeUndefined();
        const connection: PrConnection | undefined = body.data?.repository?.pullRequests;
        seen.push(...(connection?.nodes ?? []).map(pr => pr.number));
        pages += 1;
        // A PR already returned closes: position-based cursors would now skip #101.
        const fifty = fake.repo('acme/many').pullRequests.get(50);
        if (pages === 1 && fifty) fifty.state = 'CLOSED';
        if (!connection?.pageInfo.hasNextPage) break;
        cursor = connection.pageInfo.endCursor;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    } finally {
      fake.repos.delete('acme/many');
      await many.cleanup();
    }
  });
});

describe('REST', () => {
  it('serves the repository with permissions, rate-limit headers and GitHub auth errors', async () => {
    const first = await rest('GET', '/repos/acme/widgets');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      full_name: 'acme/widgets',
      default_branch: 'main',
      permissions: { admin: false, maintain: false, push: true, triage: true, pull: true }
    });
    const second = await rest('GET', '/repos/acme/widgets');
    expect(second.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(second.headers.get('x-ratelimit-resource')).toBe('core');
    expect(Number(second.headers.get('x-ratelimit-remaining'))).toBe(
      Number(first.headers.get('x-ratelimit-remaining')) - 1
    );

    expect((await rest('GET', '/repos/acme/widgets', { token: READ })).body).toMatchObject({
      permissions: { push: false, pull: true }
    });
    expect(await rest('GET', '/repos/acme/widgets', { token: 'ghs_unknown' })).toMatchObject({
      status: 401,
      body: { message: 'Bad credentials' }
    });
    expect((await rest('GET', '/repos/acme/nope')).status).toBe(404);
    expect(await rest('GET', '/repos/acme/widgets/pulls/1/frobnicate')).toMatchObject({
      status: 404,
      body: { message: 'Not Found' }
    });
    const anonymous = await fetch(`${fake.url}/graphql`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
  });

  it('stores POSTed statuses as status contexts that GraphQL reports', async () => {
    const sha = await origin.commit('status-target', { 's.txt': 's\n' }, 'Status target');
    const route = `/repos/acme/widgets/statuses/${sha}`;
    const created = await rest('POST', route, {
      body: { state: 'success', context: 'staging', description: 'Merged into staging' }
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'success', context: 'staging' });
    // A second status with the same context replaces the first, as in GitHub's rollup.
    await rest('POST', route, {
      body: { state: 'failure', context: 'staging', description: 'Conflict' }
    });

    const bad = await rest('POST', route, { body: { state: 'green', context: 'x' } });
    expect(bad.status).toBe(422);
    expect(bad.body?.message).toBe('Validation Failed');
    const long = await rest('POST', route, {
      body: { state: 'success', context: 'x', description: 'd'.repeat(141) }
    });
    expect(long.status).toBe(422);
    expect(JSON.stringify(long.body)).toContain(
      'description is too long (maximum is 140 characters)'
    );
    expect((await rest('POST', route, { token: READ, body: { state: 'success' } })).status).toBe(
      403
    );
    expect(
      (
        await rest('POST', `/repos/acme/widgets/statuses/${'0'.repeat(40)}`, {
          body: { state: 'success' }
        })
      ).status
    ).toBe(422);

    const { body } = await graphql<{
      repository: {
        object: { statusCheckRollup: { state: string; contexts: ContextConnection } | null };
      };
    }>(
      `
        query ($oid: GitObjectID!) {
          repository(owner: "acme", name: "widgets") {
            object(oid: $oid) {
              ... on Commit {
                statusCheckRollup {
                  state
                  contexts(first: 10) {
                    pageInfo {
                      hasNextPage
                      endCursor
                    }
                    nodes {
                      __typename
                      ... on StatusContext {
                        context
                        state
                        description
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `,
      { oid: sha }
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.repository.object.statusCheckRollup).toEqual({
      state: 'FAILURE',
      contexts: {
        pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
        nodes: [
          {
            __typename: 'StatusContext',
            context: 'staging',
            state: 'FAILURE',
            description: 'Conflict'
          }
        ]
      }
    });
  });

  it('deletes a ref in the bare repository once, then answers 422', async () => {
    await origin.commit('doomed', { 'd.txt': 'd\n' }, 'Doomed');
    // Octokit encodes the slash of `{ref}`; the plain spelling must work as well.
    const denied = await rest('DELETE', '/repos/acme/widgets/git/refs/heads%2Fdoomed', {
      token: READ
    });
    expect(denied).toMatchObject({
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    });
    expect(await origin.revParse('refs/heads/doomed')).not.toBeNull();

    const got = await rest('GET', '/repos/acme/widgets/git/ref/heads/doomed');
    expect(got.body).toMatchObject({
      ref: 'refs/heads/doomed',
      object: { sha: await origin.revParse('refs/heads/doomed'), type: 'commit' }
    });
    const deleted = await rest('DELETE', '/repos/acme/widgets/git/refs/heads%2Fdoomed');
    expect(deleted.status).toBe(204);
    expect(await origin.revParse('refs/heads/doomed')).toBeNull();
    const again = await rest('DELETE', '/repos/acme/widgets/git/refs/heads/doomed');
    expect(again).toMatchObject({ status: 422, body: { message: 'Reference does not exist' } });
    expect((await rest('GET', '/repos/acme/widgets/git/ref/heads/doomed')).status).toBe(404);
  });
});

describe('faults', () => {
  it('returns an injected 502 once, then serves the request', async () => {
    fake.injectFault({ kind: 'graphql', status: 502 });
    const failed = await graphql(REBUILD_QUERY, rebuildVariables());
    expect(failed.status).toBe(502);
    const retried = await graphql<RebuildData>(REBUILD_QUERY, rebuildVariables());
    expect(retried.status).toBe(200);
    expect(retried.body.data?.repository?.viewerPermission).toBe('WRITE');
  });

  it('returns a secondary rate limit with retry-after once, then serves the request', async () => {
    fake.reset();
    fake.injectSecondaryRateLimit({
      kind: 'rest',
      path: /^\/repos\/acme\/widgets$/,
      retryAfter: 2
    });
    const limited = await rest('GET', '/repos/acme/widgets');
    expect(limited.status).toBe(403);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.body?.message).toMatch(/secondary rate limit/);
    expect((await rest('GET', '/repos/acme/widgets')).status).toBe(200);
    expect(fake.requests.map(r => [r.kind, r.status])).toEqual([
      ['rest', 403],
      ['rest', 200]
    ]);
    expect(fake.pendingFaults()).toBe(0);
  });
});

describe('git over HTTP', () => {
  const commitIn = async (dir: string, file: string): Promise<string> => {
    await git(['commit', '--quiet', '--allow-empty', '-m', `touch ${file}`], { cwd: dir });
    return (await git(['rev-parse', 'HEAD'], { cwd: dir })).trim();
  };

  it('clones and pushes with a token that may push', async () => {
    fake.reset();
    const dir = await cloneLikeCheckout(origin, {
      url: fake.gitUrl('acme', 'widgets'),
      token: WRITE
    });
    expect((await git(['rev-parse', 'HEAD'], { cwd: dir })).trim()).toBe(
      await origin.revParse('main')
    );
    expect((await git(['rev-parse', '--is-shallow-repository'], { cwd: dir })).trim()).toBe('true');

    const sha = await commitIn(dir, 'pushed');
    await git(['push', '--quiet', 'origin', 'HEAD:refs/heads/pushed'], { cwd: dir });
    expect(await origin.revParse('refs/heads/pushed')).toBe(sha);

    // Like GitHub, refs/pull/* are read-only over git.
    const hidden = await tryGit(['push', 'origin', `HEAD:refs/pull/1/head`], { cwd: dir });
    expect(hidden.code).not.toBe(0);
    expect(hidden.stderr).toContain('deny updating a hidden ref');
    expect(await origin.revParse('refs/pull/1/head')).toBe(heads.one);

    const kinds = new Set(fake.requests.filter(r => r.status === 200).map(r => r.kind));
    expect(kinds).toEqual(new Set(['git-upload-pack', 'git-receive-pack']));
    expect(fake.requests.find(r => r.kind === 'git-upload-pack' && r.bytes > 0)).toBeDefined();
  });

  it('refuses a push with a read-only token (403) and a clone without a token (401)', async () => {
    const dir = await cloneLikeCheckout(origin, {
      url: fake.gitUrl('acme', 'widgets'),
      token: READ
    });
    await commitIn(dir, 'denied');
    const push = await tryGit(['push', 'origin', 'HEAD:refs/heads/denied'], { cwd: dir });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('403');
    expect(await origin.revParse('refs/heads/denied')).toBeNull();

    await expect(
      cloneLikeCheckout(origin, { url: fake.gitUrl('acme', 'widgets') })
    ).rejects.toThrow(/terminal prompts disabled|401|Authentication failed/);
    expect(fake.requests.some(r => r.kind === 'git-upload-pack' && r.status === 401)).toBe(true);
  });
});

describe('workflow token permissions', () => {
  // Tokens of jobs whose workflow names some permissions: everything else is `none`.
  const ALL = {
    contents: 'write',
    statuses: 'write',
    'pull-requests': 'read',
    checks: 'read',
    actions: 'read'
  } as const;
  const CONTENTS_READ = 'ghs_fake-contents-read';
  const NO_ACTIONS = 'ghs_fake-no-actions';
  const NO_CHECKS = 'ghs_fake-no-checks';
  const NO_STATUSES = 'ghs_fake-no-statuses';
  const PRS_ONLY = 'ghs_fake-prs-only';
  const without = (scope: keyof typeof ALL): Record<string, string> =>
    Object.fromEntries(Object.entries(ALL).filter(([name]) => name !== scope));
  beforeAll(() => {
    fake.addWorkflowToken(CONTENTS_READ, { contents: 'read', packages: 'write' });
    fake.addWorkflowToken(NO_ACTIONS, without('actions'));
    fake.addWorkflowToken(NO_CHECKS, without('checks'));
    fake.addWorkflowToken(NO_STATUSES, without('statuses'));
    fake.addWorkflowToken(PRS_ONLY, { 'pull-requests': 'read' });
  });

  const forbidden = (errorPath: Array<string | number>): GqlError => ({
    type: 'FORBIDDEN',
    path: errorPath,
    extensions: { saml_failure: false },
    locations: [
      {
        line: expect.any(Number) as unknown as number,
        column: expect.any(Number) as unknown as number
      }
    ],
    message: 'Resource not accessible by integration'
  });

  it('derives the token from the permissions block', () => {
    expect(fake.tokens.get(CONTENTS_READ)).toEqual({
      permission: 'READ',
      push: false,
      permissions: { contents: 'read' }
    });
    expect(fake.tokens.get(NO_ACTIONS)).toMatchObject({ permission: 'WRITE', push: true });
  });

  it('answers pullRequests without pull-requests: read with FORBIDDEN and null', async () => {
    const { status, body } = await graphql<{
      repository: { baseRef: { target: { oid: string } } | null; pullRequest: unknown };
    }>(
      `
        query {
          repository(owner: "acme", name: "widgets") {
            baseRef: ref(qualifiedName: "refs/heads/main") {
              target {
                oid
              }
            }
            pullRequest(number: 1) {
              number
            }
          }
        }
      `,
      {},
      CONTENTS_READ
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({
      repository: { baseRef: { target: { oid: await origin.revParse('main') } }, pullRequest: null }
    });
    expect(body.errors).toEqual([forbidden(['repository', 'pullRequest'])]);

    // `pullRequests` cannot be null, so the whole repository is, as on GitHub.
    const rebuild = await graphql<RebuildData>(REBUILD_QUERY, rebuildVariables(), CONTENTS_READ);
    expect(rebuild.status).toBe(200);
    expect(rebuild.body.data).toEqual({ repository: null });
    expect(rebuild.body.errors).toEqual([forbidden(['repository', 'pullRequests'])]);
    expect(rebuild.body.errors?.[0]?.locations?.[0]?.line).toBe(
      REBUILD_QUERY.split('\n').findIndex(line => line.includes('pullRequests(')) + 1
    );
  });

  it('answers checkSuite.workflowRun without actions: read with FORBIDDEN', async () => {
    const { status, body } = await graphql<RebuildData>(
      REBUILD_QUERY,
      rebuildVariables(),
      NO_ACTIONS
    );
    expect(status).toBe(200);
    const prs = body.data?.repository?.pullRequests.nodes ?? [];
    expect(prs.map(pr => pr.number)).toEqual([1, 2, 3]);
    const contexts = prs[0]?.statusCheckRollup?.contexts.nodes ?? [];
    expect(contexts.map(c => c.checkSuite?.workflowRun ?? null)).toEqual([null, null, null]);
    expect(contexts[0]).toMatchObject({
      name: 'build',
      checkSuite: { app: { slug: 'github-actions' } }
    });
    const errors = body.errors ?? [];
    // PR 1's Actions run, and the 100 of PR 3's first page; the external app's has no run.
    expect(errors).toHaveLength(101);
    expect(errors[0]).toEqual(
      forbidden([
        'repository',
        'pullRequests',
        'nodes',
        0,
        'statusCheckRollup',
        'contexts',
        'nodes',
        0,
        'checkSuite',
        'workflowRun'
      ])
    );
    expect(errors.every(e => e.type === 'FORBIDDEN' && e.path?.at(-1) === 'workflowRun')).toBe(
      true
    );
  });

  it('answers check runs without checks: read with FORBIDDEN, keeping status contexts', async () => {
    const { body } = await graphql<RebuildData>(REBUILD_QUERY, rebuildVariables(), NO_CHECKS);
    const one = body.data?.repository?.pullRequests.nodes[0];
    expect(one?.statusCheckRollup?.contexts.nodes).toEqual([
      null,
      expect.objectContaining({ __typename: 'StatusContext', context: 'lint' }),
      null
    ]);
    expect(body.errors?.[0]).toEqual(
      forbidden([
        'repository',
        'pullRequests',
        'nodes',
        0,
        'statusCheckRollup',
        'contexts',
        'nodes',
        0
      ])
    );
  });

  it('refuses REST writes the permissions do not cover with 403', async () => {
    const sha = await origin.revParse('main');
    const route = `/repos/acme/widgets/statuses/${sha}`;
    const denied = await rest('POST', route, {
      token: NO_STATUSES,
      body: { state: 'success', context: 'perm' }
    });
    expect(denied).toMatchObject({
      status: 403,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com\/rest\//)
      }
    });
    fake.addWorkflowToken('ghs_fake-statuses', { statuses: 'write' });
    expect(
      (await rest('POST', route, { token: 'ghs_fake-statuses', body: { state: 'success' } })).status
    ).toBe(201);

    await origin.commit('kept', { 'k.txt': 'k\n' }, 'Kept');
    const del = await rest('DELETE', '/repos/acme/widgets/git/refs/heads%2Fkept', {
      token: CONTENTS_READ
    });
    expect(del).toMatchObject({
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    });
    expect(await origin.revParse('refs/heads/kept')).not.toBeNull();
    await origin.deleteRef('refs/heads/kept');
  });

  it('fetches with contents: read, pushes only with contents: write', async () => {
    const dir = await cloneLikeCheckout(origin, {
      url: fake.gitUrl('acme', 'widgets'),
      token: CONTENTS_READ
    });
    await git(['commit', '--quiet', '--allow-empty', '-m', 'denied'], { cwd: dir });
    const push = await tryGit(['push', 'origin', 'HEAD:refs/heads/denied-perm'], { cwd: dir });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('403');
    expect(await origin.revParse('refs/heads/denied-perm')).toBeNull();

    await expect(
      cloneLikeCheckout(origin, { url: fake.gitUrl('acme', 'widgets'), token: PRS_ONLY })
    ).rejects.toThrow(/403/);
  });
});

describe('git fixture', () => {
  it('commits, deletes files and branches off any base', async () => {
    const base = await origin.commit('fx-base', { 'a.txt': 'a\n', 'b.txt': 'b\n' }, 'Base');
    const next = await origin.commit('fx-base', { 'a.txt': null }, 'Drop a');
    const off = await origin.commit('fx-off', { 'c.txt': 'c\n' }, 'Off base', { from: base });
    expect(await origin.showFile(next, 'a.txt')).toBeNull();
    expect(await origin.showFile(next, 'b.txt')).toBe('b\n');
    expect(await origin.showFile(off, 'a.txt')).toBe('a\n');
    expect(await origin.log('fx-base')).toEqual(['Drop a', 'Base', 'Initial commit']);
    expect(await origin.revParse('refs/heads/fx-none')).toBeNull();
  });

  it('checks out like actions/checkout: shallow main by default, everything with depth 0', async () => {
    const shallow = await cloneLikeCheckout(origin);
    expect((await git(['rev-list', '--count', 'HEAD'], { cwd: shallow })).trim()).toBe('1');
    expect((await git(['branch', '-r'], { cwd: shallow })).trim()).toBe('origin/main');
    const full = await cloneLikeCheckout(origin, { depth: 0 });
    expect((await git(['rev-parse', '--is-shallow-repository'], { cwd: full })).trim()).toBe(
      'false'
    );
    expect(await git(['branch', '-r'], { cwd: full })).toContain('origin/feature-one');
  });

  it('populates 20,000 files in nested folders in one commit', async () => {
    const sha = await populate(origin, { files: 20_000, branch: 'big' });
    const listed = await origin.git(['ls-tree', '-r', '--name-only', sha, '--', 'gen']);
    expect(listed.trim().split('\n')).toHaveLength(20_000);
    expect(await origin.showFile(sha, populatedPath('gen', 19_999))).toBe('generated file 19999\n');
    expect(await origin.log('big')).toEqual(['Add 20000 generated files', 'Initial commit']);
  });
});
