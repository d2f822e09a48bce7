// The REST routes the action uses: GET a repository, POST a commit status, GET and DELETE a ref.
import type { Node } from './connection.ts';
import { optString } from './connection.ts';
import { gitOk, readRefs, runGit } from './git.ts';
import { json, readBody, restError, type Exchange } from './http.ts';
import type { FakeGitHub } from './server.ts';
import {
  b64url,
  isoSeconds,
  loginOf,
  restPermissions,
  tokenAllows,
  type FakeRepo,
  type FakeToken
} from './state.ts';

export async function handleRest(hub: FakeGitHub, ex: Exchange): Promise<void> {
  const raw = await readBody(ex.req);
  const auth = hub.apiAuth(ex);
  if (!auth) return;
  if (!hub.rateHeaders(ex, auth.token, true)) {
    return restError(
      ex,
      403,
      'API rate limit exceeded for user ID 1.',
      'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
    );
  }
  const method = ex.req.method ?? 'GET';
  const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(ex.url.pathname);
  const repo = match
    ? hub.findRepo(decodeURIComponent(match[1] ?? ''), decodeURIComponent(match[2] ?? ''))
    : undefined;
  if (!match || !repo) return restError(ex, 404, 'Not Found');
  const rest = match[3] ?? '';
  if (rest === '' && method === 'GET') return json(ex, 200, repoJson(hub, repo, auth.info));
  const status = /^\/statuses\/([^/]+)$/.exec(rest);
  if (status && method === 'POST') {
    return createStatus(hub, ex, repo, auth.info, decodeURIComponent(status[1] ?? ''), raw);
  }
  // Octokit sends `{ref}` URL-encoded (heads%2Fstaging); GitHub accepts both spellings.
  const deleteRef = /^\/git\/refs\/(.+)$/.exec(rest);
  if (deleteRef && method === 'DELETE') {
    return deleteGitRef(ex, repo, auth.info, decodeURIComponent(deleteRef[1] ?? ''));
  }
  const getRef = /^\/git\/ref\/(.+)$/.exec(rest);
  if (getRef && method === 'GET')
    return getGitRef(hub, ex, repo, auth.info, decodeURIComponent(getRef[1] ?? ''));
  const token = auth.info;
  for (const route of hub.restRoutes) {
    const reply = await route({
      method,
      rest,
      query: ex.url.searchParams,
      body: raw,
      repo,
      allows: (scope, need) => tokenAllows(token, scope, need),
      apiUrl: hub.url
    });
    if (!reply) continue;
    for (const [k, v] of Object.entries(reply.headers ?? {})) ex.res.setHeader(k, v);
    return json(ex, reply.status, reply.body);
  }
  return restError(ex, 404, 'Not Found');
}

function repoJson(hub: FakeGitHub, repo: FakeRepo, token: FakeToken): Node {
  const api = `${hub.url}/repos/${repo.fullName}`;
  return {
    id: repo.databaseId,
    node_id: `R_${b64url(repo.fullName)}`,
    name: repo.name,
    full_name: repo.fullName,
    private: false,
    owner: { login: repo.owner, type: 'User' },
    html_url: `${hub.url}/${repo.fullName}`,
    url: api,
    clone_url: hub.gitUrl(repo.owner, repo.name),
    default_branch: repo.defaultBranch,
    permissions: restPermissions(token.permission)
  };
}

async function createStatus(
  hub: FakeGitHub,
  ex: Exchange,
  repo: FakeRepo,
  token: FakeToken,
  sha: string,
  raw: Buffer
): Promise<void> {
  const docs = 'https://docs.github.com/rest/commits/statuses#create-a-commit-status';
  if (!tokenAllows(token, 'statuses', 'write'))
    return restError(ex, 403, 'Resource not accessible by integration', docs);
  let body: Record<string, unknown>;
  try {
    body = (JSON.parse(raw.toString('utf8')) ?? {}) as Record<string, unknown>;
  } catch {
    return restError(ex, 400, 'Problems parsing JSON', docs);
  }
  const invalid = (field: string, message: string): void =>
    restError(ex, 422, 'Validation Failed', docs, {
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
  if (resolved.code !== 0) return restError(ex, 422, `No commit found for SHA: ${sha}`, docs);
  const oid = resolved.stdout.trim();
  const added = hub.addStatus(oid, {
    repo: repo.fullName,
    context: optString(body.context) ?? 'default',
    state: state.toUpperCase(),
    description,
    targetUrl: optString(body.target_url),
    createdAt: isoSeconds(new Date())
  });
  json(ex, 201, {
    url: `${hub.url}/repos/${repo.fullName}/statuses/${oid}`,
    id: hub.counter,
    node_id: `SC_${b64url(`${repo.fullName}:${oid}:${hub.counter}`)}`,
    state,
    description: added.description,
    target_url: added.targetUrl,
    context: added.context,
    created_at: added.createdAt,
    updated_at: added.createdAt,
    creator: { login: loginOf(token), type: 'Bot' }
  });
}

async function deleteGitRef(
  ex: Exchange,
  repo: FakeRepo,
  token: FakeToken,
  ref: string
): Promise<void> {
  const docs = 'https://docs.github.com/rest/git/refs#delete-a-reference';
  if (!tokenAllows(token, 'contents', 'write'))
    return restError(ex, 403, 'Resource not accessible by integration', docs);
  const refname = `refs/${ref.replace(/^refs\//, '')}`;
  const exists = await runGit(repo.bareDir, ['show-ref', '--verify', '--quiet', refname]);
  if (exists.code !== 0) return restError(ex, 422, 'Reference does not exist', docs);
  await gitOk(repo.bareDir, ['update-ref', '-d', refname]);
  json(ex, 204, undefined);
}

async function getGitRef(
  hub: FakeGitHub,
  ex: Exchange,
  repo: FakeRepo,
  token: FakeToken,
  ref: string
): Promise<void> {
  const docs = 'https://docs.github.com/rest/git/refs#get-a-reference';
  if (!tokenAllows(token, 'contents', 'read')) {
    return restError(ex, 403, 'Resource not accessible by integration', docs);
  }
  const refname = `refs/${ref.replace(/^refs\//, '')}`;
  const oid = (await readRefs(repo.bareDir)).get(refname);
  if (oid === undefined) return restError(ex, 404, 'Not Found', docs);
  const type = (await gitOk(repo.bareDir, ['cat-file', '-t', oid])).trim();
  const api = `${hub.url}/repos/${repo.fullName}`;
  json(ex, 200, {
    ref: refname,
    node_id: `REF_${b64url(`${repo.fullName}:${refname}`)}`,
    url: `${api}/git/${refname}`,
    object: { sha: oid, type, url: `${api}/git/${type}s/${oid}` }
  });
}
