// The git phase of rebuild: one fetch, then merges without a worktree, conflicts explained.
import { GitError, type Git } from '../io/git.js';
import { log } from '../log.js';
import { attributeConflict } from './conflicts.js';
import { describeSkip, oneLine, shortSha } from './reasons.js';
import { mergedOutcome, skippedOutcome } from './outcome.js';
import type { PrOutcome, PullRequestInfo, SkipReason } from './types.js';

const PR_REF = (n: number): string => `refs/remotes/pull/${n}/head`;

/**
 * One fetch for the base and every eligible PR's head; returns the SHAs now present. The SHAs the
 * CI gate judged are asked for directly (no ref advertisement, no refs to write); when the server
 * refuses one, the fetch falls back to `refs/pull/N/head`, and what is still missing is asked for
 * by SHA.
 */
export async function fetchAll(
  git: Git,
  base: string,
  baseSha: string,
  eligible: Array<{ pr: PullRequestInfo; sha: string }>
): Promise<Set<string>> {
  // merge-tree needs merge bases: a shallow checkout (actions/checkout's default) gets its history.
  const unshallow = await git.isShallow();
  log.info(
    `Fetching ${base} and ${eligible.length} pull request head(s)${unshallow ? ' (unshallowing)' : ''}`
  );
  const wanted = [...new Set([baseSha, ...eligible.map(e => e.sha)])];
  // A fetch that succeeds has every SHA it asked for: no need to look them up.
  if (await git.tryFetchCommits(wanted, { unshallow })) return new Set(wanted);
  log.debug('Fetch by SHA refused; fetching refs/pull/N/head');
  await fetchPullRefs(git, base, eligible, unshallow);
  const present = await git.presentCommits(wanted);
  const missing = wanted.filter(sha => !present.has(sha));
  // A head force-pushed after its checks ran is no longer under refs/pull/N/head: ask for it by SHA.
  // One SHA the server no longer has fails the whole fetch, so then each is asked for on its own.
  if (missing.length > 0 && !(await git.tryFetchCommits(missing)) && missing.length > 1) {
    for (const sha of missing) await git.tryFetchCommits([sha]);
  }
  for (const sha of await git.presentCommits(missing)) present.add(sha);
  if (!present.has(baseSha)) {
    throw new Error(`Could not fetch ${base} at ${baseSha} from origin.`);
  }
  return present;
}

/**
 * The one fetch, without the `refs/pull/N/head` GitHub does not have (git names one missing ref
 * per failed fetch): those PRs' heads are then asked for by SHA like force-pushed ones.
 */
async function fetchPullRefs(
  git: Git,
  base: string,
  eligible: Array<{ pr: PullRequestInfo }>,
  unshallow: boolean
): Promise<void> {
  const numbers = eligible.map(e => e.pr.number);
  for (;;) {
    const refspecs = [
      `+refs/heads/${base}:refs/remotes/origin/${base}`,
      ...numbers.map(n => `+refs/pull/${n}/head:${PR_REF(n)}`)
    ];
    try {
      return await git.fetch(refspecs, { unshallow });
    } catch (error) {
      const stderr = error instanceof GitError ? error.result.stderr : '';
      const missing = Number(/couldn't find remote ref refs\/pull\/(\d+)\/head/.exec(stderr)?.[1]);
      if (!numbers.includes(missing)) throw error;
      log.warning(`#${missing}: GitHub has no refs/pull/${missing}/head; fetching its head by SHA`);
      numbers.splice(numbers.indexOf(missing), 1);
    }
  }
}

export async function mergeAll(
  git: Git,
  baseSha: string,
  eligible: Array<{ pr: PullRequestInfo; sha: string }>,
  available: Set<string>
): Promise<{ head: string; tree: string; outcomes: Map<number, PrOutcome> }> {
  let head = baseSha;
  let tree: string | null = null;
  const outcomes = new Map<number, PrOutcome>();
  const merged: Array<{ number: number; sha: string }> = [];
  // What the loop may merge: plain merges of these heads are done in-process (Git.withMerges).
  const plan = {
    base: baseSha,
    heads: [...new Set(eligible.map(e => e.sha))].filter(sha => available.has(sha))
  };
  // Asked only when a PR conflicts. The first conflict asks for every fetched head at once (two
  // processes), merged or not yet reached, so later conflicts spawn nothing; only the merged PRs
  // are ever named. The few heads the batch cannot answer are asked for one by one.
  const changedCache = new Map<string, string[]>();
  let batched = false;
  const changedOfMerged = async (): Promise<Array<{ number: number; changed: string[] }>> => {
    if (!batched && merged.length > 0) {
      batched = true;
      for (const [sha, files] of await git.changedFilesBatch(baseSha, plan.heads)) {
        changedCache.set(sha, files);
      }
    }
    const unknown = merged.map(m => m.sha).filter(sha => !changedCache.has(sha));
    for (const sha of unknown) {
      changedCache.set(sha, await git.changedFiles(baseSha, sha));
    }
    return merged.map(m => ({ number: m.number, changed: changedCache.get(m.sha) ?? [] }));
  };
  // Long-lived git processes for the merges and their commits (see Git.withMerges).
  await git.withMerges(async ({ merge, commit }) => {
    for (const { pr, sha } of eligible) {
      const skip = (reason: SkipReason): void => {
        outcomes.set(pr.number, skippedOutcome(pr, reason));
        log.info(`#${pr.number}: skipped, ${describeSkip(reason)}`);
      };
      if (!available.has(sha)) {
        const actual = await git.tryRevParse(PR_REF(pr.number));
        skip(
          actual === null
            ? { kind: 'head-missing', sha }
            : { kind: 'head-moved', expected: sha, actual }
        );
        continue;
      }
      const result = await merge(head, sha);
      if (!result.clean) {
        const alone = head === baseSha ? result : await merge(baseSha, sha);
        const changed = await changedOfMerged();
        skip({
          kind: 'conflict',
          files: result.conflicts,
          with: attributeConflict(result.conflicts, !alone.clean, changed)
        });
        continue;
      }
      const message = `Merge #${pr.number}: ${oneLine(pr.title)}\n\nHead: ${sha}\n`;
      head = await commit(result.tree, [head, sha], message);
      tree = result.tree;
      merged.push({ number: pr.number, sha });
      outcomes.set(pr.number, mergedOutcome(pr, sha));
      log.info(`#${pr.number}: merged ${shortSha(sha)}`);
    }
  }, plan);
  // Nothing merged: staging's tree is the base's.
  return { head, tree: tree ?? (await git.treeOf(baseSha)), outcomes };
}
