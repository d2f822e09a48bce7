// The fake API server's storage: CronJobs and Flux GitRepositories by namespace, one
// resourceVersion counter, and the extensions that store more kinds (jobs.ts).
import { clone, obj } from './objects.ts';
import type { FakeKubeExtension, KubeObject } from './types.ts';

export type Namespaced = Map<string, Map<string, KubeObject>>;

export class KubeStore {
  readonly cronJobs: Namespaced = new Map();
  readonly gitRepos: Namespaced = new Map();
  readonly extensions: FakeKubeExtension[] = [];
  resourceVersion = 1000;

  nextVersion(): string {
    return String(++this.resourceVersion);
  }

  bucket(store: Namespaced, ns: string): Map<string, KubeObject> {
    let b = store.get(ns);
    if (!b) {
      b = new Map();
      store.set(ns, b);
    }
    return b;
  }

  /** Objects of a namespace, sorted by name (copies). */
  sorted(store: Namespaced, ns: string): KubeObject[] {
    return [...(store.get(ns)?.values() ?? [])]
      .sort((a, b) => String(obj(a.metadata).name).localeCompare(String(obj(b.metadata).name)))
      .map(o => clone(o));
  }
}
