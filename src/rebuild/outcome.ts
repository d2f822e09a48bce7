// Building a PR's outcome from what GitHub said about it.
import type { PrOutcome, PullRequestInfo, SkipReason } from './types.js';

export function mergedOutcome(pr: PullRequestInfo, sha: string): PrOutcome {
  return { number: pr.number, title: pr.title, author: pr.author, status: 'merged', sha };
}

export function skippedOutcome(pr: PullRequestInfo, reason: SkipReason): PrOutcome {
  return { number: pr.number, title: pr.title, author: pr.author, status: 'skipped', reason };
}
