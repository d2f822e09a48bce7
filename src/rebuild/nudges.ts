// After a push of staging: what tells the tools downstream that it moved. A push made with
// GITHUB_TOKEN starts no workflow run, and GitOps tools poll; these nudges make both act now.
// Staging is already pushed here, so every failure is reported (log warning, summary), not fatal.
import type { Git } from '../io/git.js';
import type { GitHub } from '../io/github.js';
import type { ArgoClient, FluxClient } from '../kube/client.js';
import { log } from '../log.js';
import { errorMessage } from '../util/errors.js';
import type { RebuildSettings } from './settings.js';
import type { RebuildResult } from './types.js';

export interface NudgeDeps {
  github: GitHub;
  git: Git;
  argo: ArgoClient | null;
  flux: FluxClient | null;
}

/** The Flux reconcile, the Argo CD refresh and the workflow dispatches, added to the pushed result. */
export async function nudgeAfterPush(
  result: RebuildResult,
  settings: RebuildSettings,
  deps: NudgeDeps
): Promise<RebuildResult> {
  let out = result;
  const { flux, argo } = deps;
  if (flux && settings.fluxSource) {
    // What `flux reconcile source git` does: the staging namespaces update now, not at the next poll.
    const { source, error } = await annotate('Flux', 'GitRepository', settings.fluxSource, ref =>
      flux.requestReconcile(ref.namespace, ref.name, new Date())
    );
    out = { ...out, flux: { source, error } };
  }
  if (argo && settings.argocdApplication) {
    // What `argocd app get --refresh` does: Argo CD compares the app with staging now.
    const { source, error } = await annotate(
      'Argo CD',
      'Application',
      settings.argocdApplication,
      ref => argo.requestRefresh(ref.namespace, ref.name)
    );
    out = { ...out, argocd: { application: source, error } };
  }
  if (settings.dispatchWorkflows.length > 0) {
    // Loaded only here: it brings the YAML parser, which a rebuild otherwise never needs.
    const { dispatchAll } = await import('./dispatch.js');
    out = {
      ...out,
      dispatches: await log.group('Dispatch workflows', () =>
        dispatchAll(settings.dispatchWorkflows, result, deps)
      )
    };
  }
  return out;
}

/** One annotation that makes a GitOps tool look at staging now; a failure is reported. */
async function annotate(
  group: string,
  kind: string,
  ref: { namespace: string; name: string },
  call: (ref: { namespace: string; name: string }) => Promise<unknown>
): Promise<{ source: string; error: string | null }> {
  const source = `${ref.namespace}/${ref.name}`;
  const verb = kind === 'Application' ? 'a refresh' : 'a reconcile';
  return log.group(group, async () => {
    try {
      await call(ref);
      log.info(`Requested ${verb} of ${kind} ${source}`);
      return { source, error: null };
    } catch (error) {
      const message = errorMessage(error);
      log.warning(`Staging was pushed, but ${kind} ${source} could not be annotated: ${message}`);
      return { source, error: message };
    }
  });
}
