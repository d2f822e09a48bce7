// The sweep mode: clean up staged versions that are orphaned, promoted or expired.
import { createOctokit, GitHub } from '../io/github.js';
import { Git } from '../io/git.js';
import { connectKubernetes } from '../kube/client.js';
import type { Mode } from '../mode.js';
import { sweepReport } from './report.js';
import { runSweep, type SweepDeps, type SweepResult } from './run.js';
import { readSweepSettings, type SweepSettings } from './settings.js';

export const sweepMode: Mode<SweepSettings, SweepDeps, SweepResult> = {
  readSettings: readSweepSettings,
  secrets: settings => [settings.githubToken, settings.kubeconfig, settings.sentry?.token ?? null],
  connect: settings => {
    let cluster: ReturnType<typeof connectKubernetes> | null = null;
    return {
      github: new GitHub(
        createOctokit(settings.githubToken, settings.apiUrl, settings.requestTimeoutMs),
        settings.repository
      ),
      git: new Git(settings.workspace, { requestTimeoutMs: settings.requestTimeoutMs }),
      // One connection for the inventory and the removals.
      cluster: () => (cluster ??= connectKubernetes(settings.kubeconfig, settings.requestTimeoutMs))
    };
  },
  run: runSweep,
  report: sweepReport
};
