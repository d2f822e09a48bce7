// The fake Kubernetes API server's public shapes: objects, the request log, faults, options, and
// the extension interface more resources (jobs.ts) plug into.
import type {
  failure,
  invalid,
  invalidReply,
  notSupported,
  required,
  subdomainErrors,
  validateLabels
} from './rules.ts';
import type { clone, timestamp } from './objects.ts';
import type { labelsOf, parseLabelSelector } from './selectors.ts';

export type KubeObject = Record<string, unknown>;

export interface FakeKubeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  contentType?: string;
  /** Parsed request body (JSON or YAML), when there was one. */
  body?: unknown;
}

export interface FakeKubeFault {
  method?: string;
  path?: RegExp;
  /** Answer with this status and a matching Status body; omit to only delay the request. */
  status?: number;
  message?: string;
  /** How many matching requests the fault applies to (default 1). */
  times?: number;
  delayMs?: number;
  /** Only requests that are (true) or are not (false) server-side dry runs. */
  dryRun?: boolean;
}

export interface FakeKubeOptions {
  /** Bearer token the server accepts (default 'fake-kube-token'). */
  token?: string;
  latencyMs?: number;
}

export interface FakeKube {
  url: string;
  token: string;
  requests: FakeKubeRequest[];
  latencyMs: number;
  kubeconfig(namespace?: string): string;
  /** Stored CronJobs of a namespace, sorted by name (copies). */
  cronJobs(namespace: string): KubeObject[];
  /** Seeds a CronJob through the same apply path as the API (validated), under another manager. */
  addCronJob(cronJob: KubeObject, fieldManager?: string): KubeObject;
  gitRepositories(namespace: string): KubeObject[];
  addGitRepository(namespace: string, name: string, spec?: KubeObject): KubeObject;
  /** Sets a CronJob's status (lastScheduleTime, lastSuccessfulTime, active), as the controller does. */
  setCronJobStatus(namespace: string, name: string, status: KubeObject): void;
  /**
   * Serves more resources (see kube/jobs.ts): the extension, made with the fake's own helpers, is
   * tried for every request no built-in route takes.
   */
  extend(make: (helpers: FakeKubeHelpers) => FakeKubeExtension): void;
  injectFault(fault: FakeKubeFault): void;
  close(): Promise<void>;
}

/** More resources for the fake: a route, and the garbage collection of dependents. */
export interface FakeKubeExtension {
  /** The reply for a request this extension serves, else null. */
  route(req: FakeKubeRoute, body: unknown): Reply | null;
  /** An object was deleted: delete (or, with Orphan, release) what it owns. */
  ownerDeleted?(namespace: string, uid: string, propagationPolicy: string): void;
}

/** The fake's own rules, for extensions: Status replies, field errors, labels, selectors, time. */
export interface FakeKubeHelpers {
  failure: typeof failure;
  clone: typeof clone;
  invalid: typeof invalid;
  required: typeof required;
  notSupported: typeof notSupported;
  invalidReply: typeof invalidReply;
  validateLabels: typeof validateLabels;
  labelsOf: typeof labelsOf;
  parseLabelSelector: typeof parseLabelSelector;
  subdomainErrors: typeof subdomainErrors;
  timestamp: typeof timestamp;
}

export interface FakeKubeRoute {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string;
}

export const FLUX_GROUP = 'source.toolkit.fluxcd.io';
export const APPLY = 'application/apply-patch+yaml';
export const MERGE = 'application/merge-patch+json';

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: { reason: string; message: string; field: string }[];
}
