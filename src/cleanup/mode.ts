// The cleanup mode: remove a staged version (CronJobs, branch, Sentry monitors; never the store).
import { createOctokit, GitHub } from '../io/github.js';
import { connectKubernetes } from '../kube/client.js';
import { kubeconfigSecrets } from '../kube/secrets.js';
import type { Mode } from '../mode.js';
import { cleanupReport } from './report.js';
import { runCleanup, type CleanupDeps, type CleanupResult } from './run.js';
import { readCleanupSettings, type CleanupSettings } from './settings.js';

export const cleanupMode: Mode<CleanupSettings, CleanupDeps, CleanupResult> = {
  readSettings: readCleanupSettings,
  secrets: settings => [
    settings.githubToken,
    settings.sentry?.token ?? null,
    ...kubeconfigSecrets(settings.kubeconfig)
  ],
  connect: settings => ({
    github: new GitHub(
      createOctokit(settings.githubToken, settings.apiUrl, settings.requestTimeoutMs),
      settings.repository
    ),
    cronJobs: () => connectKubernetes(settings.kubeconfig, settings.requestTimeoutMs).cronJobs
  }),
  run: runCleanup,
  report: cleanupReport
};
