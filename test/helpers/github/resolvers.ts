// The object graph GraphQL executes over: repositories, refs, commits, pull requests and their
// check rollups, built lazily from the fake's state and the bare repositories.
import { contextNode, withoutForbiddenCheckRuns } from './checks.ts';
import {
  compareKeys,
  connection,
  optString,
  type Args,
  type Key,
  type Node
} from './connection.ts';
import { runGit, type CommitDetails } from './git.ts';
import type { RequestContext } from './graphql.ts';
import { TypedError } from './schema.ts';
import type { FakeGitHub } from './server.ts';
import {
  b64url,
  globMatch,
  isoSeconds,
  rollupState,
  unb64url,
  type FakePullRequest,
  type FakeRepo
} from './state.ts';

/** The resolvers of one request (one token, one snapshot of refs). */
export class Resolvers {
  readonly hub: FakeGitHub;
  readonly ctx: RequestContext;

  constructor(hub: FakeGitHub, ctx: RequestContext) {
    this.hub = hub;
    this.ctx = ctx;
  }

  queryRoot(): Node {
    const ctx = this.ctx;
    return {
      repository: (args: Args) => {
        const owner = String(args.owner);
        const name = String(args.name);
        const repo = this.hub.findRepo(owner, name);
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
        limit: this.hub.rateLimit,
        cost: 1,
        remaining: this.hub.rateLimit,
        used: 0,
        nodeCount: 0,
        resetAt: isoSeconds(new Date(this.hub.rateReset * 1000))
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
      const repo = this.hub.repos.get(decoded.toLowerCase());
      if (!repo) throw notFound;
      return this.repositoryNode(repo, ctx);
    }
    ctx.require('pull-requests', 'read');
    const hash = decoded.lastIndexOf('#');
    const repo = this.hub.repos.get(decoded.slice(0, hash).toLowerCase());
    const pr = repo?.pullRequests.get(Number(decoded.slice(hash + 1)));
    if (!repo || !pr) throw notFound;
    return this.pullRequestNode(repo, pr, ctx);
  }

  private repositoryNode(repo: FakeRepo, ctx: RequestContext): Node {
    const web = `${this.hub.url}/${repo.fullName}`;
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
        return this.targetNode(repo, resolved.stdout.trim(), ctx);
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
              const oid = all.get(name);
              return oid === undefined ? null : this.targetNode(repo, oid, ctx);
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
      pr.headRefOid ?? (await ctx.refs(repo)).get(`refs/pull/${pr.number}/head`) ?? null;
    return {
      __typename: 'PullRequest',
      id: `PR_${b64url(`${repo.fullName}#${pr.number}`)}`,
      number: pr.number,
      title: pr.title,
      url: `${this.hub.url}/${repo.fullName}/pull/${pr.number}`,
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
    const oid = (await ctx.refs(repo)).get(refname);
    if (oid === undefined) return null;
    const slash = refname.lastIndexOf('/');
    return {
      __typename: 'Ref',
      id: `REF_${b64url(`${repo.fullName}:${refname}`)}`,
      name: refname.replace(/^refs\/(heads|tags)\//, ''),
      prefix: /^refs\/(heads|tags)\//.exec(refname)?.[0] ?? refname.slice(0, slash + 1),
      target: () => this.targetNode(repo, oid, ctx),
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

  /** The object `oid` names (a ref's target is read only when a query asks for it). */
  private async targetNode(repo: FakeRepo, oid: string, ctx: RequestContext): Promise<Node> {
    return this.objectNode(repo, oid, (await ctx.object(repo, oid)).type, ctx);
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
      url: `${this.hub.url}/${repo.fullName}/commit/${oid}`,
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
        withoutForbiddenCheckRuns(
          connection(
            indexed,
            args,
            item => [item.index],
            item => contextNode(this.hub.url, repo, oid, item.context, item.index, ctx),
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
}

function actorNode(login: string): Node {
  return {
    __typename: login.endsWith('[bot]') ? 'Bot' : 'User',
    id: `U_${b64url(login)}`,
    login
  };
}
