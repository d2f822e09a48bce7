// Argo CD Applications (argoproj.io/v1alpha1, a custom resource) for the fake Kubernetes API
// server: get, and merge patches as the API server applies them to custom resources (JSON merge
// patch only; strategic merge is refused with 415), with a 404 Status for one that is not there.
// Types only, as fake-kube-jobs.ts: the fake's helpers come in through `kube.extend`.
import { randomUUID } from 'node:crypto';
import type { FakeKube, FakeKubeHelpers, KubeObject, Reply } from './fake-kube.js';

const GROUP = 'argoproj.io';
const MERGE = 'application/merge-patch+json';
const COLLECTION = /^\/apis\/argoproj\.io\/v1alpha1\/namespaces\/([^/]+)\/applications$/;
const ONE = /^\/apis\/argoproj\.io\/v1alpha1\/namespaces\/([^/]+)\/applications\/([^/]+)$/;

export interface FakeArgo {
  /** Stored Applications of a namespace, sorted by name (copies). */
  applications(namespace: string): KubeObject[];
  addApplication(namespace: string, name: string): KubeObject;
}

function isObject(value: unknown): value is KubeObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 7386, as the API server applies application/merge-patch+json. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: KubeObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

export function installFakeArgo(kube: FakeKube): FakeArgo {
  let given: FakeKubeHelpers | null = null;
  const apps = new Map<string, Map<string, KubeObject>>();
  let version = 9000;
  kube.extend(helpers => {
    given = helpers;
    return { route: (req, body) => route(req.method, req.path, req.contentType, body) };
  });
  if (given === null) throw new Error('fake-kube: extend did not hand over its helpers');
  const { clone, failure, timestamp } = given as FakeKubeHelpers;
  const notFound = (name: string): Reply =>
    failure(404, `applications.${GROUP} "${name}" not found`, {
      name,
      group: GROUP,
      kind: 'applications'
    });
  const sorted = (ns: string): KubeObject[] =>
    [...(apps.get(ns)?.entries() ?? [])]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, o]) => clone(o));

  function route(method: string, path: string, contentType: string, body: unknown): Reply | null {
    const list = COLLECTION.exec(path);
    if (list && method === 'GET') {
      return {
        status: 200,
        body: {
          kind: 'ApplicationList',
          apiVersion: `${GROUP}/v1alpha1`,
          metadata: { resourceVersion: String(version) },
          items: sorted(decodeURIComponent(list[1]))
        }
      };
    }
    const m = ONE.exec(path);
    if (!m) return null;
    const ns = decodeURIComponent(m[1]);
    const name = decodeURIComponent(m[2]);
    const existing = apps.get(ns)?.get(name);
    if (method === 'GET') return existing ? { status: 200, body: clone(existing) } : notFound(name);
    if (method !== 'PATCH') {
      return failure(405, 'the server does not allow this method on the requested resource');
    }
    if (contentType !== MERGE) {
      return failure(
        415,
        `the body of the request was in an unknown format - accepted media types include: ${MERGE}`
      );
    }
    if (!existing) return notFound(name);
    if (!isObject(body)) return failure(400, 'the merge patch must be a JSON object');
    const merged = mergePatch(existing, body) as KubeObject;
    const meta = merged.metadata as KubeObject;
    const old = existing.metadata as KubeObject;
    if (meta.name !== name || meta.namespace !== ns || meta.uid !== old.uid) {
      return failure(400, 'metadata.name, metadata.namespace and metadata.uid are immutable');
    }
    version += 1;
    meta.resourceVersion = String(version);
    apps.get(ns)?.set(name, merged);
    return { status: 200, body: clone(merged) };
  }

  return {
    applications: sorted,
    addApplication(namespace, name) {
      version += 1;
      const app: KubeObject = {
        apiVersion: `${GROUP}/v1alpha1`,
        kind: 'Application',
        metadata: {
          name,
          namespace,
          uid: randomUUID(),
          resourceVersion: String(version),
          generation: 1,
          creationTimestamp: timestamp()
        },
        spec: {
          project: 'default',
          source: { repoURL: 'https://github.com/example/app', targetRevision: 'staging' },
          destination: { server: 'https://kubernetes.default.svc', namespace: 'staging' }
        },
        status: { sync: { status: 'Synced' } }
      };
      let bucket = apps.get(namespace);
      if (!bucket) apps.set(namespace, (bucket = new Map<string, KubeObject>()));
      bucket.set(name, app);
      return clone(app);
    }
  };
}
