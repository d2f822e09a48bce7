// Which staged versions sweep retires, and why: pure, from the inventory and the clock.
import type { StagedVersion } from '../status/staged.js';
import { formatDuration } from '../util/duration.js';

export type Verdict = 'orphaned' | 'promoted' | 'expired' | 'live';

export interface Judgement {
  verdict: Verdict;
  reason: string;
}

export interface VerdictOptions {
  /** Versions last deployed longer ago than this expire; null: never. */
  maxAgeMs: number | null;
  now: string;
  defaultBranch: string | null;
}

/**
 * orphaned (its branch is gone) first, then promoted (the default branch carries it), then
 * expired; anything else is live. Unknowns (a branch list or a default version that could not be
 * read) never retire a version: only facts do.
 */
export function judge(version: StagedVersion, options: VerdictOptions): Judgement {
  const base = options.defaultBranch ?? 'the default branch';
  if (version.branchExists === false) {
    return { verdict: 'orphaned', reason: `branch ${version.branch} no longer exists` };
  }
  if (version.promoted === true) {
    return { verdict: 'promoted', reason: `${base} carries version ${version.version}` };
  }
  const age =
    version.deployedAt === null
      ? null
      : new Date(options.now).getTime() - new Date(version.deployedAt).getTime();
  if (options.maxAgeMs !== null && age !== null && age > options.maxAgeMs) {
    return {
      verdict: 'expired',
      reason: `deployed ${formatDuration(age)} ago, longer than max-age ${formatDuration(options.maxAgeMs)}`
    };
  }
  const facts = [
    version.branchExists === null ? 'branch unknown' : 'branch exists',
    version.promoted === null
      ? 'promotion unknown'
      : `${base} has ${version.defaultVersion ?? 'no version of it'}`,
    age === null ? 'deploy time unknown' : `deployed ${formatDuration(age)} ago`
  ];
  return { verdict: 'live', reason: facts.join('; ') };
}
