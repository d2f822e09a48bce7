// A PR's outcome, and the order outcomes are merged and listed in.
import type { PrOutcome, PullRequestInfo, SkipReason } from './types.js';

export function mergedOutcome(pr: PullRequestInfo, sha: string): PrOutcome {
  return { number: pr.number, title: pr.title, author: pr.author, status: 'merged', sha };
}

export function skippedOutcome(pr: PullRequestInfo, reason: SkipReason): PrOutcome {
  return { number: pr.number, title: pr.title, author: pr.author, status: 'skipped', reason };
}

/**
 * Oldest PR first (ascending number): the same set of PRs always merges in the same order, so
 * the same inputs give the same staging tree and the same PR wins a conflict on every run.
 */
export function mergeOrder<T extends { number: number }>(prs: T[]): T[] {
  return [...prs].sort((a, b) => a.number - b.number);
}
