// Kubernetes edge: typed client-node calls for staging CronJobs and the Flux GitRepository nudge,
// with API failures turned into errors that carry the API server's own message.
import {
  ApiException,
  BatchV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
  type V1CronJob
} from '@kubernetes/client-node';

const FIELD_MANAGER = 'staging-action';
const FLUX_SOURCE = { group: 'source.toolkit.fluxcd.io', version: 'v1', plural: 'gitrepositories' };
const RECONCILE_ANNOTATION = 'reconcile.fluxcd.io/requestedAt';
// Fields the server owns; sending them back in an apply body is rejected or acts as a precondition.
const SERVER_METADATA = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink'
] as const;

const RETRYABLE = new Set([409, 429, 500, 502, 503, 504]);
const RETRY_DELAYS_MS = [250, 1000];

export class KubernetesError extends Error {
  status?: number;
  reason?: string;

  constructor(message: string, status?: number, reason?: string) {
    super(message);
    this.name = 'KubernetesError';
    if (status !== undefined) this.status = status;
    if (reason !== undefined) this.reason = reason;
  }
}

export interface CronJobClient {
  list(namespace: string, labelSelector: string): Promise<V1CronJob[]>;
  /** Server-side apply, fieldManager 'staging-action', force=true. created = HTTP 201. dryRun → dryRun=All. */
  apply(
    cronJob: V1CronJob,
    options: { dryRun: boolean }
  ): Promise<{ created: boolean; object: V1CronJob }>;
  /** false when it was already gone (404). Propagation background. */
  delete(namespace: string, name: string): Promise<boolean>;
  get(namespace: string, name: string): Promise<V1CronJob | null>;
}

export interface FluxClient {
  /** What `flux reconcile source git` does: merge-patch annotation reconcile.fluxcd.io/requestedAt = at.toISOString(). */
  requestReconcile(namespace: string, name: string, at: Date): Promise<void>;
}

/**
 * A kubeconfig from `content` (YAML), else from KUBECONFIG, ~/.kube/config or the in-cluster
 * service account. Throws when none of them names a cluster to talk to.
 */
export function loadKubeConfig(content?: string): KubeConfig {
  const kc = new KubeConfig();
  if (content !== undefined && content.trim() !== '') {
    try {
      kc.loadFromString(content);
    } catch (err) {
      throw new Error(`The kubeconfig given is not valid: ${describe(err)}`, { cause: err });
    }
    if (!kc.getCurrentCluster()) {
      throw new Error(
        'The kubeconfig given has no usable current-context (it must name a context whose cluster is defined)'
      );
    }
    return kc;
  }
  try {
    kc.loadFromDefault();
  } catch (err) {
    const source = process.env.KUBECONFIG
      ? `KUBECONFIG (${process.env.KUBECONFIG})`
      : '~/.kube/config or the in-cluster service account';
    throw new Error(`Cannot load the kubeconfig from ${source}: ${describe(err)}`, { cause: err });
  }
  // loadFromDefault falls back to an unauthenticated http://localhost:8080 when it finds nothing.
  const cluster = kc.getCurrentCluster();
  if (!cluster || (kc.getCurrentContext() === 'loaded-context' && cluster.name === 'cluster')) {
    throw new Error(
      'No Kubernetes configuration found: pass a kubeconfig, set KUBECONFIG, provide ~/.kube/config, or run inside a cluster'
    );
  }
  return kc;
}

export function createKubernetes(kc: KubeConfig): {
  cronJobs: CronJobClient;
  flux: FluxClient;
  server: string;
} {
  const server = kc.getCurrentCluster()?.server ?? '(no current cluster)';
  const batch = kc.makeApiClient(BatchV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);
  const fail = (err: unknown): never => {
    throw toKubernetesError(err, server);
  };
  // Every call here is idempotent (apply is server-side with force), so a transient answer
  // (conflict, throttling, a 5xx) is retried before it becomes the run's error.
  const retried = async <T>(call: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        const code = err instanceof ApiException ? err.code : 0;
        if (attempt >= RETRY_DELAYS_MS.length + 1 || !RETRYABLE.has(code)) throw err;
        await new Promise(resolve => setTimeout(resolve, RETRY_DELAYS_MS[attempt - 1]));
      }
    }
  };

  const cronJobs: CronJobClient = {
    async list(namespace, labelSelector) {
      const items: V1CronJob[] = [];
      let token: string | undefined;
      do {
        const page = await retried(() =>
          batch.listNamespacedCronJob({ namespace, labelSelector, limit: 500, _continue: token })
        ).catch(fail);
        items.push(...page.items);
        token = page.metadata?._continue || undefined;
      } while (token);
      return items;
    },

    async apply(cronJob, { dryRun }) {
      const body = applyBody(cronJob);
      const { name, namespace } = body.metadata ?? {};
      if (!name || !namespace) {
        throw new KubernetesError(
          'A CronJob needs metadata.name and metadata.namespace to be applied'
        );
      }
      const res = await retried(() =>
        batch.patchNamespacedCronJobWithHttpInfo(
          {
            name,
            namespace,
            body,
            fieldManager: FIELD_MANAGER,
            force: true,
            dryRun: dryRun ? 'All' : undefined
          },
          setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply)
        )
      ).catch(fail);
      return { created: res.httpStatusCode === 201, object: res.data };
    },

    async delete(namespace, name) {
      try {
        await retried(() =>
          batch.deleteNamespacedCronJobWithHttpInfo({
            name,
            namespace,
            propagationPolicy: 'Background'
          })
        );
        return true;
      } catch (err) {
        if (err instanceof ApiException && err.code === 404) return false;
        return fail(err);
      }
    },

    async get(namespace, name) {
      try {
        return await retried(() => batch.readNamespacedCronJob({ name, namespace }));
      } catch (err) {
        if (err instanceof ApiException && err.code === 404) return null;
        return fail(err);
      }
    }
  };

  const flux: FluxClient = {
    async requestReconcile(namespace, name, at) {
      await retried(() =>
        custom.patchNamespacedCustomObjectWithHttpInfo(
          {
            ...FLUX_SOURCE,
            namespace,
            name,
            body: { metadata: { annotations: { [RECONCILE_ANNOTATION]: at.toISOString() } } }
          },
          setHeaderOptions('Content-Type', PatchStrategy.MergePatch)
        )
      ).catch(fail);
    }
  };

  return { cronJobs, flux, server };
}

/** The apply configuration: the caller's intent only, typed, without server-owned fields. */
function applyBody(cronJob: V1CronJob): V1CronJob {
  const metadata = { ...cronJob.metadata };
  for (const key of SERVER_METADATA) delete metadata[key];
  const body: V1CronJob = { ...cronJob, apiVersion: 'batch/v1', kind: 'CronJob', metadata };
  // Status is the status subresource's business; an apply to the object ignores it anyway.
  delete body.status;
  return body;
}

interface StatusBody {
  kind?: unknown;
  message?: unknown;
  reason?: unknown;
}

function parseStatus(body: unknown): StatusBody | null {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }
  return typeof value === 'object' && value !== null ? value : null;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT'
]);

interface ErrorLike {
  message: string;
  code?: unknown;
  cause?: unknown;
}

// Duck-typed: socket errors come from Node's own realm, where `instanceof Error` can be false.
function errorLike(value: unknown): value is ErrorLike {
  return (
    typeof value === 'object' && value !== null && typeof (value as ErrorLike).message === 'string'
  );
}

// fetch wraps the socket error as `TypeError: fetch failed` with the real reason in `cause`.
function networkCause(err: unknown): ErrorLike | null {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && errorLike(current); depth++) {
    if (typeof current.code === 'string' && NETWORK_CODES.has(current.code)) return current;
    current = current.cause;
  }
  if (errorLike(err) && err.message === 'fetch failed') {
    return errorLike(err.cause) ? err.cause : err;
  }
  return null;
}

function describe(err: unknown): string {
  if (!errorLike(err)) return String(err);
  // An AggregateError from a dual-stack connect has an empty message but a code.
  return err.message || (typeof err.code === 'string' ? err.code : 'unknown error');
}

/** Any failure of a client-node call, as a KubernetesError a user can act on. */
export function toKubernetesError(err: unknown, server: string): KubernetesError {
  if (err instanceof KubernetesError) return err;
  if (err instanceof ApiException) {
    const code = (err as ApiException<unknown>).code;
    const status = parseStatus((err as ApiException<unknown>).body);
    if (status && typeof status.message === 'string' && status.message !== '') {
      const reason = typeof status.reason === 'string' ? status.reason : undefined;
      return new KubernetesError(status.message, code, reason);
    }
    if (code === 401) {
      return new KubernetesError(
        `Unauthorized: the Kubernetes API server at ${server} rejected the credentials (HTTP 401)`,
        401,
        'Unauthorized'
      );
    }
    const raw = (err as ApiException<unknown>).body;
    const text = typeof raw === 'string' ? raw.slice(0, 200) : '';
    return new KubernetesError(
      `The Kubernetes API server at ${server} answered HTTP ${code}${text ? `: ${text}` : ''}`,
      code
    );
  }
  const cause = networkCause(err);
  if (cause) {
    const wrapped = new KubernetesError(
      `Cannot reach the Kubernetes API server at ${server}: ${describe(cause)}`
    );
    wrapped.cause = err;
    return wrapped;
  }
  const wrapped = new KubernetesError(`Kubernetes request to ${server} failed: ${describe(err)}`);
  wrapped.cause = err;
  return wrapped;
}
