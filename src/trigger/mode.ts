// The trigger mode: run a staged version's CronJobs now, as `kubectl create job --from` does.
import { connectKubernetes } from '../kube/client.js';
import type { Mode } from '../mode.js';
import { sleep } from '../util/retry.js';
import { triggerReport } from './report.js';
import { runTrigger, type TriggerDeps, type TriggerResult } from './run.js';
import { readTriggerSettings, type TriggerSettings } from './settings.js';

// Often enough that a short wait ends soon after the Job, rarely enough for a 30-minute one.
const POLL_MS = 2000;

export const triggerMode: Mode<TriggerSettings, TriggerDeps, TriggerResult> = {
  readSettings: readTriggerSettings,
  secrets: settings => [settings.kubeconfig],
  connect: settings => ({
    cluster: () => connectKubernetes(settings.kubeconfig, settings.requestTimeoutMs),
    pollMs: POLL_MS,
    sleep,
    now: () => Date.now(),
    random: Math.random
  }),
  run: runTrigger,
  report: triggerReport
};
