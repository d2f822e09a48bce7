// Which open PRs may enter staging: the gate is a pure decision over what GitHub reported.

import type { CheckContext, CheckRunContext, PullRequestInfo, SkipReason } from './types.js';

/** How this action's own workflow and commit status show up among a PR's checks. */
export interface SelfIdentity {
  /** `.github/workflows/staging.yml`: the path part of GITHUB_WORKFLOW_REF. */
  workflowPath: string | null;
  /** GITHUB_WORKFLOW, only used for check runs whose workflow path GitHub did not report. */
  workflowName: string | null;
  /** The context of the commit status this action posts, if any. */
  statusContext: string | null;
}

export interface GateOptions {
  includeDrafts: boolean;
  includeForks: boolean;
  /** The PR must carry every one of these (case-insensitive). */
  labels: string[];
  /** The PR must carry none of these (case-insensitive). */
  excludeLabels: string[];
  /** Treat a PR with no checks at all as pending instead of passing. */
  requireChecks: boolean;
  /** Check names or globs (bare name or display name) that never block. */
  ignoreChecks: string[];
  self: SelfIdentity;
}

export type CheckState = 'pass' | 'pending' | 'fail';

export type GateDecision =
  { eligible: true; sha: string } | { eligible: false; reason: SkipReason };

/** `CI / build` for Actions check runs (as GitHub shows them on a PR), else the bare name. */
export function checkDisplayName(c: CheckContext): string {
  if (c.kind === 'check-run' && c.workflowName) return `${c.workflowName} / ${c.name}`;
  return c.name;
}

function identity(c: CheckContext): string {
  // A check run is re-run under the same workflow file and job name; statuses by context.
  if (c.kind === 'check-run') return `run\u0000${c.workflowPath ?? c.appSlug ?? ''}\u0000${c.name}`;
  return `status\u0000${c.name}`;
}

function time(value: string | null): number | null {
  if (value === null) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

/** True when check run `a` is a later run than `b`. */
function isLaterRun(a: CheckRunContext, b: CheckRunContext): boolean {
  const ta = time(a.startedAt) ?? time(a.completedAt);
  const tb = time(b.startedAt) ?? time(b.completedAt);
  if (ta !== null && tb !== null && ta !== tb) return ta > tb;
  if (a.databaseId !== null && b.databaseId !== null && a.databaseId !== b.databaseId) {
    return a.databaseId > b.databaseId;
  }
  // A run that has not started yet (no timestamps) was queued after one that already ran.
  if (ta === null && tb !== null) return true;
  if (tb === null && ta !== null) return false;
  return true; // indistinguishable: the later one in GitHub's list wins
}

function isLater(a: CheckContext, b: CheckContext): boolean {
  if (a.kind === 'check-run' && b.kind === 'check-run') return isLaterRun(a, b);
  if (a.kind === 'status' && b.kind === 'status') {
    const ta = time(a.createdAt);
    const tb = time(b.createdAt);
    if (ta !== null && tb !== null && ta !== tb) return ta > tb;
    if (ta === null && tb !== null) return false;
    return true;
  }
  return true; // different identities never compete
}

/** One context per check: the latest run (re-runs replace earlier attempts). First-seen order. */
export function latestChecks(contexts: CheckContext[]): CheckContext[] {
  const latest = new Map<string, CheckContext>();
  for (const c of contexts) {
    const key = identity(c);
    const seen = latest.get(key);
    if (seen === undefined || isLater(c, seen)) latest.set(key, c);
  }
  return [...latest.values()];
}

const PENDING_RUN_STATUSES = new Set(['QUEUED', 'IN_PROGRESS', 'WAITING', 'PENDING', 'REQUESTED']);
// As branch protection counts them: a neutral or skipped run does not block a merge.
const PASSING_CONCLUSIONS = new Set(['SUCCESS', 'NEUTRAL', 'SKIPPED']);
const PENDING_STATES = new Set(['PENDING', 'EXPECTED']);

/** Anything not known to pass or to be still running fails: an unknown value never merges. */
export function checkState(c: CheckContext): CheckState {
  if (c.kind === 'check-run') {
    const status = c.status.toUpperCase();
    if (PENDING_RUN_STATUSES.has(status)) return 'pending';
    if (status !== 'COMPLETED') return 'fail';
    return PASSING_CONCLUSIONS.has((c.conclusion ?? '').toUpperCase()) ? 'pass' : 'fail';
  }
  const state = c.state.toUpperCase();
  if (state === 'SUCCESS') return 'pass';
  return PENDING_STATES.has(state) ? 'pending' : 'fail';
}

/**
 * This action's own runs would otherwise wait on themselves: every job of the staging workflow
 * (matched by file path, so renaming a job changes nothing) and the status it posts.
 */
export function isOwnCheck(c: CheckContext, self: SelfIdentity): boolean {
  if (c.kind === 'status') return self.statusContext !== null && c.name === self.statusContext;
  if (c.workflowPath !== null)
    return self.workflowPath !== null && c.workflowPath === self.workflowPath;
  return (
    c.workflowName !== null && self.workflowName !== null && c.workflowName === self.workflowName
  );
}

function globToRegExp(pattern: string): RegExp {
  const source = [...pattern]
    .map(ch => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'su');
}

/** Exact names or globs (`*` any run of characters, `?` one); case-sensitive, whole string. */
export function matchesAny(name: string, patterns: string[]): boolean {
  return patterns.some(p => globToRegExp(p).test(name));
}

function labelReason(pr: PullRequestInfo, options: GateOptions): SkipReason | null {
  // GitHub treats label names case-insensitively (one repo cannot have `Deploy` and `deploy`).
  const has = new Set(pr.labels.map(l => l.toLowerCase()));
  const unique = (names: string[]): string[] =>
    names.filter((n, i) => names.findIndex(m => m.toLowerCase() === n.toLowerCase()) === i);
  const missing = unique(options.labels).filter(l => !has.has(l.toLowerCase()));
  const excluded = unique(options.excludeLabels).filter(l => has.has(l.toLowerCase()));
  if (missing.length === 0 && excluded.length === 0) return null;
  return { kind: 'label', missing, excluded };
}

function ciReason(pr: PullRequestInfo, options: GateOptions): SkipReason | null {
  const relevant = pr.checks.filter(
    c =>
      !isOwnCheck(c, options.self) &&
      !matchesAny(c.name, options.ignoreChecks) &&
      !matchesAny(checkDisplayName(c), options.ignoreChecks)
  );
  const checks = latestChecks(relevant);
  if (checks.length === 0) return options.requireChecks ? { kind: 'no-checks' } : null;
  const named = (state: CheckState): string[] =>
    [...new Set(checks.filter(c => checkState(c) === state).map(checkDisplayName))].sort();
  const failing = named('fail');
  if (failing.length > 0) return { kind: 'ci-failing', checks: failing };
  const pending = named('pending');
  if (pending.length > 0) return { kind: 'ci-pending', checks: pending };
  return null;
}

/** The first reason a PR stays out of staging, or the commit to merge (the one whose checks ran). */
export function evaluatePullRequest(pr: PullRequestInfo, options: GateOptions): GateDecision {
  if (pr.isDraft && !options.includeDrafts) return { eligible: false, reason: { kind: 'draft' } };
  if (pr.isCrossRepository && !options.includeForks) {
    return { eligible: false, reason: { kind: 'fork' } };
  }
  const reason = labelReason(pr, options) ?? pr.checksSkip ?? ciReason(pr, options);
  if (reason !== null) return { eligible: false, reason };
  return { eligible: true, sha: pr.checksOid || pr.headRefOid };
}
