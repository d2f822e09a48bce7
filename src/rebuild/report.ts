// The rebuild run as a person reads it (job summary, CLI) and as later steps read it (outputs).

import type { WebLinks } from '../inputs/context.js';
import type { Fact, Report, Text } from '../summary.js';
import { mergeOrder } from './outcome.js';
import { describeRun, describeSkip, reasonCode, seconds, shortSha } from './reasons.js';
import type { PrOutcome, RebuildResult, SkipReason } from './types.js';

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
      return `Staging unchanged: ${counts(result.outcomes)}`;
    case 'lease-lost':
      return 'Lease lost: staging moved during the run; nothing overwritten — the next run rebuilds it';
    case 'dry-run':
      return `Dry run: would push staging: ${counts(result.outcomes)}`;
    case 'not-verified':
      return `Not verified: verify-command found no passing combination in ${result.verify?.maxRuns ?? 0} run(s); nothing new pushed`;
  }
}

/** How each outcome reads in the Outcome column, in the order skipped groups are listed. */
const OUTCOMES: Record<'merged' | SkipReason['kind'], { icon: string; text: string }> = {
  merged: { icon: '✅', text: 'merged' },
  // What the PR's author can fix first: a conflict, then red and pending CI.
  conflict: { icon: '⚠️', text: 'conflict' },
  'verify-failed': { icon: '🧪', text: 'verify failed' },
  'ci-failing': { icon: '❌', text: 'CI failing' },
  'ci-pending': { icon: '⏳', text: 'CI pending' },
  'no-checks': { icon: '⏳', text: 'no checks yet' },
  'ci-unknown': { icon: '❔', text: 'CI not known' },
  'head-moved': { icon: '🔁', text: 'head moved' },
  'head-missing': { icon: '❓', text: 'head missing' },
  label: { icon: '🏷️', text: 'label' },
  draft: { icon: '📝', text: 'draft' },
  fork: { icon: '🍴', text: 'fork' }
};
const GROUP_ORDER = Object.keys(OUTCOMES);

function outcomeKey(outcome: PrOutcome): keyof typeof OUTCOMES {
  return outcome.status === 'merged' ? 'merged' : outcome.reason.kind;
}

/** Merged PRs first, then the skipped ones grouped by reason; by number within a group. */
export function reportOrder(outcomes: PrOutcome[]): PrOutcome[] {
  const group = (o: PrOutcome): number => GROUP_ORDER.indexOf(outcomeKey(o));
  return mergeOrder(outcomes).sort((a, b) => group(a) - group(b));
}

function details(outcome: PrOutcome, links: WebLinks | null): Text {
  if (outcome.status === 'merged') {
    return { text: shortSha(outcome.sha), code: true, href: links?.commit(outcome.sha) };
  }
  switch (outcome.reason.kind) {
    // The Outcome column says it all.
    case 'draft':
    case 'fork':
      return '';
    // The checks tab lists the workflow runs behind the verdict.
    case 'ci-failing':
    case 'ci-pending':
    case 'no-checks':
    case 'ci-unknown':
      return { text: describeSkip(outcome.reason), href: links?.checks(outcome.number) };
    default:
      return describeSkip(outcome.reason);
  }
}

function row(outcome: PrOutcome, links: WebLinks | null, withAuthor: boolean): Text[] {
  const { icon, text } = OUTCOMES[outcomeKey(outcome)];
  return [
    { text: `#${outcome.number}`, href: links?.pullRequest(outcome.number) },
    outcome.title,
    ...(withAuthor ? [outcome.author ?? ''] : []),
    { text, icon, strong: outcome.status === 'merged' },
    details(outcome, links)
  ];
}

function sha(value: string, links: WebLinks | null): Omit<Fact, 'label'> {
  return value === '' ? { value: '(none)' } : { value, code: true, href: links?.commit(value) };
}

/** The Argo CD refresh and the workflow dispatches after a push, one fact each. */
function nudgeFacts(result: RebuildResult): Fact[] {
  const facts: Fact[] = [];
  if (result.argocd) {
    const { application, error } = result.argocd;
    facts.push({
      label: 'Argo CD',
      value: error
        ? `could not request a refresh of ${application}: ${error}`
        : `requested a refresh of Application ${application}`
    });
  }
  if (result.dispatches) {
    const each = result.dispatches.map(d =>
      d.error
        ? `${d.workflow}: not dispatched: ${d.error}`
        : `${d.workflow}: dispatched${d.input ? ` with ${d.input}` : ''}`
    );
    facts.push({ label: 'Workflows', value: each.join('; ') });
  }
  return facts;
}

/** The report; `links` (from the run's server URL and repository) turns PRs and SHAs into links. */
export function buildRebuildReport(result: RebuildResult, links: WebLinks | null = null): Report {
  const outcomes = reportOrder(result.outcomes);
  const report: Report = {
    title: 'Staging rebuild',
    headline: headline(result),
    facts: [
      {
        label: 'Base',
        value: `${result.baseBranch}@${shortSha(result.baseSha)}`,
        code: true,
        href: result.baseSha ? links?.commit(result.baseSha) : undefined
      },
      {
        label: 'Staging branch',
        value: result.stagingBranch,
        code: true,
        href: result.stagingSha ? links?.branch(result.stagingBranch) : undefined
      },
      { label: 'Staging SHA', ...sha(result.stagingSha, links) },
      { label: 'Tree SHA', ...sha(result.treeSha, null) },
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
        : []),
      ...nudgeFacts(result)
    ],
    tables: [],
    notes: []
  };
  addVerify(report, result);
  if (result.result === 'unchanged') {
    report.notes.push({
      text: result.fastPath
        ? 'Inputs unchanged since the last build: nothing fetched, merged or pushed.'
        : 'The candidate tree equals staging: nothing pushed.'
    });
  }
  if (outcomes.length === 0) {
    report.notes.push({ text: `No open pull requests to ${result.baseBranch}.` });
  } else {
    // Author is dropped when no outcome carries one.
    const withAuthor = outcomes.some(o => o.author);
    report.tables.push({
      headers: ['PR', 'Title', ...(withAuthor ? ['Author'] : []), 'Outcome', 'Details'],
      rows: outcomes.map(o => row(o, links, withAuthor)),
      // Nothing happened: the headline and counts are the news, the table is there if wanted.
      ...(result.result === 'unchanged'
        ? { folded: `${outcomes.length} open pull request(s): ${counts(outcomes)}` }
        : {})
    });
  }
  return report;
}

/** The verify runs (what was checked, pass or fail, how long), then each left-out PR's output. */
function addVerify(report: Report, result: RebuildResult): void {
  const verify = result.verify;
  if (verify) {
    const failedRuns = verify.runs.filter(r => !r.passed).length;
    report.tables.push({
      caption: 'verify-command runs',
      headers: ['Checked', 'Result', 'Duration'],
      rows: verify.runs.map(r => [
        describeRun(r.prs),
        r.passed
          ? { text: 'passed', icon: '✅' }
          : { text: r.timedOut ? 'timed out' : 'failed', icon: '❌' },
        seconds(r.durationMs)
      ]),
      ...(failedRuns === 0 ? { folded: `verify-command passed (${verify.runs.length} run)` } : {})
    });
    if (verify.ended === 'cap-reached') {
      report.notes.push({
        text: `verify-max-runs (${verify.maxRuns}) was reached before a combination passed: staging was left as it was. Raise verify-max-runs, or fix the PRs listed as verify failed.`
      });
    }
  }
  for (const o of mergeOrder(result.outcomes)) {
    if (o.status !== 'skipped' || o.reason.kind !== 'verify-failed') continue;
    report.notes.push({ text: `#${o.number}: ${describeSkip(o.reason)}. The end of its output:` });
    report.notes.push({ text: o.reason.output, code: true });
  }
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
