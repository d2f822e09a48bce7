// The rebuild run as a person reads it (job summary, CLI) and as later steps read it (outputs).

import type { Report } from '../summary.js';
import { mergeOrder } from './outcome.js';
import { describeSkip, reasonCode, shortSha } from './reasons.js';
import type { PrOutcome, RebuildResult } from './types.js';

function counts(outcomes: PrOutcome[]): string {
  const merged = outcomes.filter(o => o.status === 'merged').length;
  return `${merged} merged, ${outcomes.length - merged} skipped`;
}

function headline(result: RebuildResult): string {
  // "staging" names the product's branch whatever it is called; the facts give its real name.
  switch (result.result) {
    case 'pushed':
      return `${result.created ? 'Created' : 'Pushed'} staging: ${counts(result.outcomes)}`;
    case 'unchanged':
      return (
        'Staging unchanged: candidate tree equals staging (nothing pushed)' +
        (result.fastPath ? ', inputs unchanged since the last build' : '')
      );
    case 'lease-lost':
      return 'Lease lost: staging moved during the run; nothing overwritten — the next run rebuilds it';
    case 'dry-run':
      return `Dry run: would push staging: ${counts(result.outcomes)}`;
  }
}

function row(outcome: PrOutcome): string[] {
  const details =
    outcome.status === 'merged' ? shortSha(outcome.sha) : describeSkip(outcome.reason);
  return [`#${outcome.number}`, outcome.title, outcome.author ?? '', outcome.status, details];
}

function sha(value: string): { value: string; code?: boolean } {
  return value === '' ? { value: '(none)' } : { value, code: true };
}

export function buildRebuildReport(result: RebuildResult): Report {
  const outcomes = mergeOrder(result.outcomes);
  const report: Report = {
    title: 'Staging rebuild',
    headline: headline(result),
    facts: [
      { label: 'Base', value: `${result.baseBranch}@${shortSha(result.baseSha)}`, code: true },
      { label: 'Staging branch', value: result.stagingBranch, code: true },
      { label: 'Staging SHA', ...sha(result.stagingSha) },
      { label: 'Tree SHA', ...sha(result.treeSha) },
      ...(result.statusErrors
        ? [
            {
              label: 'Commit statuses',
              value: `${result.statusErrors.length} could not be posted: ${result.statusErrors.join('; ')}`
            }
          ]
        : []),
      ...(result.flux
        ? [
            {
              label: 'Flux',
              value: result.flux.error
                ? `could not request a reconcile of ${result.flux.source}: ${result.flux.error}`
                : `requested a reconcile of GitRepository ${result.flux.source}`
            }
          ]
        : [])
    ],
    tables: [],
    notes: []
  };
  if (outcomes.length === 0) {
    report.notes.push({ text: `No open pull requests to ${result.baseBranch}.` });
  } else {
    report.tables.push({
      headers: ['PR', 'Title', 'Author', 'Outcome', 'Details'],
      rows: outcomes.map(row)
    });
  }
  return report;
}

/** The action's outputs; every value a string, lists as JSON. */
export function rebuildOutputs(result: RebuildResult): Record<string, string> {
  const outcomes = mergeOrder(result.outcomes);
  const merged: number[] = [];
  const skipped: Array<{ number: number; reason: string; detail: string }> = [];
  for (const o of outcomes) {
    if (o.status === 'merged') merged.push(o.number);
    else
      skipped.push({
        number: o.number,
        reason: reasonCode(o.reason),
        detail: describeSkip(o.reason)
      });
  }
  return {
    merged: JSON.stringify(merged),
    skipped: JSON.stringify(skipped),
    pushed: String(result.result === 'pushed'),
    'staging-sha': result.stagingSha,
    'tree-sha': result.treeSha,
    result: result.result
  };
}
