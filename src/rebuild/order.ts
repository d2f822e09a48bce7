// The order PRs are merged into staging.

/**
 * Oldest PR first (ascending number): the same set of PRs always merges in the same order, so
 * the same inputs give the same staging tree and the same PR wins a conflict on every run.
 */
export function mergeOrder<T extends { number: number }>(prs: T[]): T[] {
  return [...prs].sort((a, b) => a.number - b.number);
}
