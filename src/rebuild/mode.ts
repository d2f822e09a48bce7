// The rebuild mode: staging = base + every open PR whose CI passes.
import { webLinks } from '../inputs/context.js';
import { Git } from '../io/git.js';
import { createOctokit, GitHub } from '../io/github.js';
import type { connectKubernetes } from '../kube/client.js';
import type { Mode } from '../mode.js';
import { buildRebuildReport, rebuildOutputs } from './report.js';
import { rebuild, type RebuildDeps } from './run.js';
import { readRebuildSettings, type RebuildSettings } from './settings.js';
import type { RebuildResult } from './types.js';

export const rebuildMode: Mode<RebuildSettings, RebuildDeps, RebuildResult> = {
  readSettings: readRebuildSettings,
  // The YAML parser behind kubeconfigSecrets is loaded only when a kubeconfig is given (Flux).
  secrets: async settings => [
    settings.githubToken,
    ...(settings.kubeconfig === null
      ? []
      : (await import('../kube/secrets.js')).kubeconfigSecrets(settings.kubeconfig))
  ],
  connect: settings => {
    // Loaded only when flux-source or argocd-application asks for it, and connected once.
    let kube: Promise<ReturnType<typeof connectKubernetes>> | undefined;
    const kubernetes = (): Promise<ReturnType<typeof connectKubernetes>> =>
      (kube ??= import('../kube/client.js').then(m =>
        m.connectKubernetes(settings.kubeconfig, settings.requestTimeoutMs)
      ));
    return {
      github: new GitHub(
        createOctokit(settings.githubToken, settings.apiUrl, settings.requestTimeoutMs),
        settings.repository
      ),
      git: new Git(settings.workspace, { requestTimeoutMs: settings.requestTimeoutMs }),
      flux: async () => (await kubernetes()).flux,
      argo: async () => (await kubernetes()).argo
    };
  },
  run: rebuild,
  report: (result, settings) => ({
    report: buildRebuildReport(result, webLinks(settings)),
    outputs: rebuildOutputs(result)
  })
};
