// dispatch-workflows: after a push, each workflow started with `workflow_dispatch` on staging
// (a push made with GITHUB_TOKEN starts none). Failures are reported, not fatal.
import { parse as parseYaml } from 'yaml';
import type { WorkflowInfo } from '../io/github.js';
import { log } from '../log.js';
import { errorMessage } from '../util/errors.js';
import type { NudgeDeps } from './nudges.js';
import type { DispatchOutcome, RebuildResult } from './types.js';

/** `workflow_dispatch` inputs that receive the staging SHA, the first one a workflow declares. */
export const SHA_INPUTS = ['staging-sha', 'staging_sha', 'sha'];

interface Target {
  /** Workflow id, or the file name (GitHub takes either). */
  id: number | string;
  path: string;
  label: string;
}

export async function dispatchAll(
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
