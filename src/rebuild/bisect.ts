// Which merged PRs to leave out when the combined tree fails verify-command: the decision alone,
// with the runs of the command handed in as `check`, so it is tested on plain predicates.

/** One run of the command: the PRs on top of the base, in merge order, and how it ended. */
export interface VerifyRun {
  prs: number[];
  passed: boolean;
  /** The last lines of the command's output (stdout and stderr together). */
  output: string;
  durationMs: number;
  /** Set when the command was killed at verify-timeout. */
  timedOut?: boolean;
}

export interface VerifyCulprit {
  number: number;
  /** The PRs it failed combined with (the earlier ones in that run), in merge order. */
  with: number[];
  output: string;
}

export type VerifyPlan =
  /** `kept` passed (all of them when nothing failed); `culprits` left out. */
  | { kind: 'passed'; kept: number[]; culprits: VerifyCulprit[]; runs: VerifyRun[] }
  | { kind: 'base-failed'; runs: VerifyRun[] }
  /** verify-max-runs was reached before a passing combination was found. */
  | { kind: 'cap-reached'; culprits: VerifyCulprit[]; runs: VerifyRun[] };

export type Check = (prs: number[]) => Promise<Omit<VerifyRun, 'prs'>>;

/**
 * The full candidate first (one run when it passes). When it fails: the base alone; then, in merge
 * order, a binary search for the first prefix that fails; its last PR is left out, the PRs before
 * it are known to pass together, and the search goes on over the rest. Deterministic: the same
 * outcomes of `check` give the same runs. At most `maxRuns` runs.
 */
export async function planVerify(
  merged: readonly number[],
  check: Check,
  maxRuns: number
): Promise<VerifyPlan> {
  const runs: VerifyRun[] = [];
  const culprits: VerifyCulprit[] = [];
  const run = async (prs: number[]): Promise<VerifyRun | null> => {
    if (runs.length >= maxRuns) return null;
    const result = { prs, ...(await check(prs)) };
    runs.push(result);
    return result;
  };
  const capped = (): VerifyPlan => ({ kind: 'cap-reached', culprits, runs });

  const full = await run([...merged]);
  if (!full) return capped();
  if (full.passed) return { kind: 'passed', kept: [...merged], culprits, runs };
  if (merged.length === 0) return { kind: 'base-failed', runs };
  const base = await run([]);
  if (!base) return capped();
  if (!base.passed) return { kind: 'base-failed', runs };

  // Invariant: `kept` passes, `kept + rest` fails (`failing` is that run).
  let kept: number[] = [];
  let rest = [...merged];
  let failing = full;
  for (;;) {
    let lo = 0; // kept + rest[0, lo) passes
    let hi = rest.length; // kept + rest[0, hi) fails
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      const probe = await run([...kept, ...rest.slice(0, mid)]);
      if (!probe) return capped();
      if (probe.passed) lo = mid;
      else [hi, failing] = [mid, probe];
    }
    const culprit = rest[hi - 1];
    kept = [...kept, ...rest.slice(0, hi - 1)];
    culprits.push({ number: culprit, with: [...kept], output: failing.output });
    rest = rest.slice(hi);
    if (rest.length === 0) return { kind: 'passed', kept, culprits, runs };
    const next = await run([...kept, ...rest]);
    if (!next) return capped();
    if (next.passed) return { kind: 'passed', kept: [...kept, ...rest], culprits, runs };
    failing = next;
  }
}
