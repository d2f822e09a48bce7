// The status mode: list every staged version in the namespace; read-only.
import { createOctokit, GitHub } from '../io/github.js';
import { Git } from '../io/git.js';
import { connectKubernetes } from '../kube/client.js';
import type { Mode } from '../mode.js';
import { statusReport } from './report.js';
import { runStatus, type StatusDeps, type StatusResult } from './run.js';
import { readStatusSettings, type StatusSettings } from './settings.js';

export const statusMode: Mode<StatusSettings, StatusDeps, StatusResult> = {
  readSettings: readStatusSettings,
  secrets: settings => [settings.githubToken, settings.kubeconfig],
  connect: settings => ({
    github: new GitHub(
      createOctokit(settings.githubToken, settings.apiUrl, settings.requestTimeoutMs),
      settings.repository
    ),
    git: new Git(settings.workspace, { requestTimeoutMs: settings.requestTimeoutMs }),
    cluster: () => connectKubernetes(settings.kubeconfig, settings.requestTimeoutMs)
  }),
  run: runStatus,
  report: statusReport
};
