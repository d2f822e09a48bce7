// Routing: which request reaches which resource (discovery, CronJobs, Flux GitRepositories, then
// any extension), and the list, get, delete and merge-patch answers over the store.
import { applyCronJob } from './apply.ts';
import { discovery } from './discovery.ts';
import { clone, isObject, mergePatch, obj, omit, sameJson } from './objects.ts';
import { failure } from './rules.ts';
import { labelsOf, parseLabelSelector, type Requirement } from './selectors.ts';
import type { KubeStore } from './store.ts';
import { APPLY, FLUX_GROUP, MERGE, type KubeObject, type Reply } from './types.ts';

/** A request as the routes see it. */
export interface Parsed {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string;
  raw: string;
}

export function notFound(resource: string, group: string, name: string): Reply {
  return failure(404, `${resource}.${group} "${name}" not found`, {
    name,
    group,
    kind: resource
  });
}

function listCronJobs(store: KubeStore, ns: string, query: URLSearchParams): Reply {
  let requirements: Requirement[] = [];
  try {
    requirements = parseLabelSelector(query.get('labelSelector') ?? '');
  } catch (err) {
    return failure(400, (err as Error).message);
  }
  let items = store.sorted(store.cronJobs, ns).filter(o => requirements.every(r => r(labelsOf(o))));
  const token = query.get('continue');
  if (token) {
    const after = Buffer.from(token, 'base64url').toString('utf8');
    items = items.filter(o => String(obj(o.metadata).name) > after);
  }
  const limit = Number(query.get('limit') ?? '0');
  const metadata: KubeObject = { resourceVersion: String(store.resourceVersion) };
  if (limit > 0 && items.length > limit) {
    metadata.remainingItemCount = items.length - limit;
    items = items.slice(0, limit);
    const last = String(obj(items[items.length - 1].metadata).name);
    metadata.continue = Buffer.from(last, 'utf8').toString('base64url');
  }
  // Like the real server, list items carry no apiVersion/kind of their own.
  const bare = items.map(o => omit(o, ['apiVersion', 'kind']));
  return {
    status: 200,
    body: { kind: 'CronJobList', apiVersion: 'batch/v1', metadata, items: bare }
  };
}

function cronJobRoute(
  store: KubeStore,
  req: Parsed,
  ns: string,
  name: string,
  body: unknown
): Reply {
  const existing = store.cronJobs.get(ns)?.get(name);
  switch (req.method) {
    case 'GET':
      return existing
        ? { status: 200, body: clone(existing) }
        : notFound('cronjobs', 'batch', name);
    case 'PATCH':
      if (req.contentType !== APPLY) {
        return failure(
          415,
          `the body of the request was in an unknown format - accepted media types include: ${APPLY}`
        );
      }
      return applyCronJob(store, ns, name, body, req.query);
    case 'DELETE': {
      if (!existing) return notFound('cronjobs', 'batch', name);
      const uid = obj(existing.metadata).uid as string;
      if (!req.query.has('dryRun')) {
        store.cronJobs.get(ns)?.delete(name);
        // CronJobs default to background propagation: the garbage collector takes their Jobs.
        const policy = req.query.get('propagationPolicy') ?? 'Background';
        for (const ext of store.extensions) ext.ownerDeleted?.(ns, uid, policy);
      }
      return {
        status: 200,
        body: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Success',
          details: { name, group: 'batch', kind: 'cronjobs', uid }
        }
      };
    }
    default:
      return failure(405, 'the server does not allow this method on the requested resource');
  }
}

function gitRepoRoute(
  store: KubeStore,
  req: Parsed,
  ns: string,
  name: string,
  body: unknown
): Reply {
  const existing = store.gitRepos.get(ns)?.get(name);
  if (req.method === 'GET') {
    return existing
      ? { status: 200, body: clone(existing) }
      : notFound('gitrepositories', FLUX_GROUP, name);
  }
  if (req.method !== 'PATCH') {
    return failure(405, 'the server does not allow this method on the requested resource');
  }
  // Custom resources do not support strategic merge patch; this fake only merge-patches them.
  if (req.contentType !== MERGE) {
    return failure(
      415,
      `the body of the request was in an unknown format - accepted media types include: ${MERGE}`
    );
  }
  if (!existing) return notFound('gitrepositories', FLUX_GROUP, name);
  if (!isObject(body)) return failure(400, 'the merge patch must be a JSON object');
  const merged = obj(mergePatch(existing, body));
  const meta = obj(merged.metadata);
  const oldMeta = obj(existing.metadata);
  if (meta.name !== name || meta.namespace !== ns || meta.uid !== oldMeta.uid) {
    return failure(400, 'metadata.name, metadata.namespace and metadata.uid are immutable');
  }
  if (sameJson(merged, existing)) return { status: 200, body: clone(existing) };
  meta.resourceVersion = store.nextVersion();
  if (!sameJson(merged.spec, existing.spec)) meta.generation = Number(oldMeta.generation) + 1;
  if (!req.query.has('dryRun')) store.bucket(store.gitRepos, ns).set(name, merged);
  return { status: 200, body: clone(merged) };
}

/** The reply to a request that passed authentication and faults. */
export function route(store: KubeStore, req: Parsed, body: unknown, hostPort: string): Reply {
  const doc = req.method === 'GET' ? discovery(req.path, hostPort) : null;
  if (doc) return doc;
  const seg = (s: string): string => decodeURIComponent(s);
  let m = /^\/apis\/batch\/v1\/namespaces\/([^/]+)\/cronjobs$/.exec(req.path);
  if (m && req.method === 'GET') return listCronJobs(store, seg(m[1]), req.query);
  m = /^\/apis\/batch\/v1\/namespaces\/([^/]+)\/cronjobs\/([^/]+)$/.exec(req.path);
  if (m) return cronJobRoute(store, req, seg(m[1]), seg(m[2]), body);
  m = /^\/apis\/source\.toolkit\.fluxcd\.io\/v1\/namespaces\/([^/]+)\/gitrepositories$/.exec(
    req.path
  );
  if (m && req.method === 'GET') {
    const items = store.sorted(store.gitRepos, seg(m[1])).map(o => omit(o, ['apiVersion', 'kind']));
    return {
      status: 200,
      body: {
        kind: 'GitRepositoryList',
        apiVersion: `${FLUX_GROUP}/v1`,
        metadata: { resourceVersion: String(store.resourceVersion) },
        items
      }
    };
  }
  m =
    /^\/apis\/source\.toolkit\.fluxcd\.io\/v1\/namespaces\/([^/]+)\/gitrepositories\/([^/]+)$/.exec(
      req.path
    );
  if (m) return gitRepoRoute(store, req, seg(m[1]), seg(m[2]), body);
  for (const ext of store.extensions) {
    const reply = ext.route(req, body);
    if (reply) return reply;
  }
  return failure(404, 'the server could not find the requested resource', {});
}
