// batch/v1 Jobs (and the pods the Job controller would run) for the fake Kubernetes API server:
// create with the API server's name and Indexed-hostname rules, get, list by label selector,
// delete with propagation, and a status a test moves from active to succeeded or failed. Deleting
// a CronJob deletes the Jobs it owns, as the garbage collector does.
//
// The entry point tests and scripts import; the code is kube/jobs.ts (storage and routes) and
// kube/job-rules.ts (the API server's Job validation).
export { installFakeJobs } from './kube/jobs.ts';
export type { FailedContainer, FakeJobs } from './kube/jobs.ts';
