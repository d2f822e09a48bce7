// After a push of staging: what tells the tools downstream that it moved. A push made with
// GITHUB_TOKEN starts no workflow run, and GitOps tools poll; these nudges make both act now.
// Staging is already pushed here, so every failure is reported (log warning, summary), not fatal.
import { parse as parseYaml } from 'yaml';
import type { Git } from '../io/git.js';
import type { GitHub, WorkflowInfo } from '../io/github.js';
import type { ArgoClient, FluxClient } from '../kube/client.js';
import { log } from '../log.js';
import { errorMessage } from '../util/errors.js';
import type { RebuildSettings } from './settings.js';
import type { DispatchOutcome, RebuildResult } from './types.js';

/** `workflow_dispatch` inputs that receive the staging SHA, the first one a workflow declares. */
export const SHA_INPUTS = ['staging-sha', 'staging_sha', 'sha'];

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

interface Target {
  /** Workflow id, or the file name (GitHub takes either). */
  id: number | string;
  path: string;
  label: string;
}

async function dispatchAll(
  entries: string[],
  result: RebuildResult,
  deps: NudgeDeps
): Promise<DispatchOutcome[]> {
  const outcomes: DispatchOutcome[] = [];
  // Listed once, and only when a workflow is given by name.
  let listed: Promise<WorkflowInfo[]> | null = null;
  for (const entry of entries) {
    let target: Target;
    try {
      if (isWorkflowFile(entry)) {
        target = { id: entry, path: `.github/workflows/${entry}`, label: entry };
      } else {
        listed ??= deps.github.listWorkflows();
        target = byName(entry, await listed);
      }
    } catch (error) {
      outcomes.push(report({ workflow: entry, input: null, error: errorMessage(error) }));
      continue;
    }
    const input = shaInput(await deps.git.tryShowFile(result.stagingSha, target.path));
    try {
      await deps.github.dispatchWorkflow(
        target.id,
        result.stagingBranch,
        input ? { [input]: result.stagingSha } : {}
      );
      outcomes.push(report({ workflow: target.label, input, error: null }));
    } catch (error) {
      outcomes.push(
        report({ workflow: target.label, input, error: explain(error, deps.github.slug) })
      );
    }
  }
  return outcomes;
}

function report(outcome: DispatchOutcome): DispatchOutcome {
  if (outcome.error === null) {
    const withSha = outcome.input ? ` with ${outcome.input}` : '';
    log.info(`Dispatched ${outcome.workflow} on staging${withSha}`);
  } else {
    log.warning(
      `Staging was pushed, but workflow ${outcome.workflow} was not dispatched: ${outcome.error}`
    );
  }
  return outcome;
}

export function isWorkflowFile(entry: string): boolean {
  return /\.ya?ml$/.test(entry);
}

function byName(name: string, workflows: WorkflowInfo[]): Target {
  const matches = workflows.filter(w => w.name === name);
  if (matches.length === 1) {
    const [w] = matches;
    return { id: w.id, path: w.path, label: `${name} (${w.path.split('/').pop() ?? w.path})` };
  }
  if (matches.length > 1) {
    throw new Error(
      `several workflows are named '${name}' (${matches.map(w => w.path).join(', ')}): give the file name instead`
    );
  }
  const known = workflows.map(w => `'${w.name}'`).join(', ') || 'none';
  throw new Error(`no workflow is named '${name}' (the repository's workflows: ${known})`);
}

/**
 * The first of SHA_INPUTS the workflow file declares under `on.workflow_dispatch.inputs`, read
 * from the pushed staging commit (the file GitHub runs). null without one, or without the file:
 * then GitHub's answer to the dispatch says what is wrong.
 */
export function shaInput(workflowYaml: string | null): string | null {
  if (workflowYaml === null) return null;
  let doc: unknown;
  try {
    doc = parseYaml(workflowYaml);
  } catch {
    return null;
  }
  const on = record(doc)?.on;
  const inputs = record(record(record(on)?.workflow_dispatch)?.inputs);
  if (!inputs) return null;
  return SHA_INPUTS.find(name => Object.hasOwn(inputs, name)) ?? null;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** GitHub's answer, with what to change where GitHub's words leave it open. */
function explain(error: unknown, slug: string): string {
  const message = errorMessage(error);
  const status = (error as { status?: unknown }).status;
  if (status === 404) return `${message} (no such workflow in ${slug})`;
  if (status === 403 && /not accessible by integration/i.test(message)) {
    return `${message} (give the job 'permissions: actions: write')`;
  }
  return message;
}
