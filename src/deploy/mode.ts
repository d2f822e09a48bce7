// The deploy mode: stage one dataset version's CronJobs from a push to its stage branch.
import { webLinks } from '../inputs/context.js';
import { Git } from '../io/git.js';
import { connectKubernetes } from '../kube/client.js';
import { kubeconfigSecrets } from '../kube/secrets.js';
import type { Mode } from '../mode.js';
import { deployOutputs, deployReport } from './report.js';
import { runDeploy, type DeployDeps, type DeployResult } from './run.js';
import { readDeploySettings, type DeploySettings } from './settings.js';

export const deployMode: Mode<DeploySettings, DeployDeps, DeployResult> = {
  readSettings: readDeploySettings,
  secrets: settings => kubeconfigSecrets(settings.kubeconfig),
  connect: settings => ({
    git: new Git(settings.workspace, { requestTimeoutMs: settings.requestTimeoutMs }),
    cronJobs: () => connectKubernetes(settings.kubeconfig, settings.requestTimeoutMs).cronJobs,
    now: () => new Date()
  }),
  run: runDeploy,
  report: (result, settings) => ({
    report: deployReport(result, settings, webLinks(settings)),
    outputs: deployOutputs(result.rows, result.stores)
  })
};
