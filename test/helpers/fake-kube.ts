// A loopback stand-in for the Kubernetes API server, faithful where the action depends on it:
// Status bodies, server-side apply of batch/v1 CronJobs (201 vs 200, dry-run, managedFields),
// the API server's validation messages, label selectors, and Flux GitRepository merge patches.
//
// The entry point tests and scripts import; the modules live in kube/: the API server's rules
// (rules.ts: Status errors, field errors, names and labels; selectors.ts; cron.ts; cronjob.ts)
// apart from storage (store.ts), routing (routes.ts, apply.ts, discovery.ts) and the server.
export type {
  FakeKube,
  FakeKubeExtension,
  FakeKubeFault,
  FakeKubeHelpers,
  FakeKubeOptions,
  FakeKubeRequest,
  FakeKubeRoute,
  KubeObject,
  Reply
} from './kube/types.ts';
export { cronScheduleError } from './kube/cron.ts';
export { labelValueErrors, qualifiedNameErrors, subdomainErrors } from './kube/rules.ts';
export { parseLabelSelector } from './kube/selectors.ts';
export { startFakeKube } from './kube/server.ts';
