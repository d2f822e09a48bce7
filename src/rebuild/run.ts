import { InputError } from '../inputs/parse.js';
import type { Git } from '../io/git.js';
import type { GitHub } from '../io/github.js';
import { preloadFetch } from '../io/github-fetch.js';
import type { ArgoClient, FluxClient } from '../kube/client.js';
import { log } from '../log.js';
import { isRequestTimeout } from '../util/timeout.js';
import { evaluatePullRequest } from './gate.js';
import { fetchAll, mergeAll } from './merge.js';
import { nudgeAfterPush } from './nudges.js';
import { mergedOutcome, mergeOrder, skippedOutcome } from './outcome.js';
import { shortSha } from './reasons.js';
import { formatStagingMessage, inputsDigest, parseStagingRecord } from './record.js';
import { defaultBranchError, type RebuildSettings } from './settings.js';
import { loadRebuildState, type RebuildState } from './state.js';
import { postStatuses } from './post-statuses.js';
import type { PrOutcome, RebuildResult, SkipReason } from './types.js';
import { stillFailing, verifyCommandHash, verifyStage } from './verify.js';

export interface RebuildDeps {
  github: GitHub;
  git: Git;
  /** Called once at the start when `flux-source` is set, so a bad kubeconfig fails before any work. */
  flux?: () => FluxClient | Promise<FluxClient>;
  /** The same, when `argocd-application` is set. */
  argo?: () => ArgoClient | Promise<ArgoClient>;
}

const PUSH_PERMISSIONS = ['ADMIN', 'MAINTAIN', 'WRITE'];

/** Staging = base + every open PR whose CI passes, merged in PR-number order. */
export async function rebuild(
  settings: RebuildSettings,
  deps: RebuildDeps
): Promise<RebuildResult> {
  const { github, git } = deps;
  if (settings.readOnlyReason) {
    throw new InputError(
      `The token is read-only: ${settings.readOnlyReason}, and GitHub gives such runs a read-only GITHUB_TOKEN. ` +
        `Skip such runs (the README's workflow does) and let workflow_run, workflow_dispatch or the schedule rebuild staging.`
    );
  }
  await checkGit(git);
  const flux = settings.fluxSource && deps.flux ? await deps.flux() : null;
  const argo = settings.argocdApplication && deps.argo ? await deps.argo() : null;

  const base = settings.baseBranch ?? settings.eventDefaultBranch ?? (await github.defaultBranch());
  if (base === settings.stagingBranch) {
    throw new InputError(
      `staging-branch '${base}' is the base branch. The staging branch is force-pushed on every run: use a separate branch such as 'staging'.`
    );
  }

  const state = await log.group('Query GitHub', async () => {
    const s = await loadRebuildState(github, base, settings.stagingBranch).catch(
      (error: unknown) => {
        if (!isRequestTimeout(error)) throw error;
        throw new Error(
          `GitHub: ${error.message}. Nothing was fetched or pushed: staging is as it was.`,
          { cause: error }
        );
      }
    );
    log.info(`${s.pullRequests.length} open pull request(s) to ${base}`);
    return s;
  });
  checkState(state, settings, github.slug, base);
  checkStagingBranch(state, settings.stagingBranch);
  const baseSha = state.baseSha as string;

  const gated = mergeOrder(state.pullRequests).map(pr => ({
    pr,
    decision: evaluatePullRequest(pr, settings)
  }));
  const eligible = gated.flatMap(g =>
    g.decision.eligible ? [{ pr: g.pr, sha: g.decision.sha }] : []
  );
  const gateSkips = new Map(
    gated.flatMap(g =>
      g.decision.eligible ? [] : [[g.pr.number, skippedOutcome(g.pr, g.decision.reason)] as const]
    )
  );
  const shas = new Map(eligible.map(e => [e.pr.number, e.sha]));
  const digestOf = (heads: typeof eligible): string =>
    inputsDigest({ baseSha, eligible: heads.map(e => ({ number: e.pr.number, sha: e.sha })) });
  // Set once verify-command ran: every result from then on shows its runs.
  const shown: Pick<RebuildResult, 'verify'> = {};
  const finish = (
    result: RebuildResult['result'],
    stagingSha: string,
    treeSha: string,
    outcomes: PrOutcome[],
    fastPath = false
  ): RebuildResult => ({
    repository: github.slug,
    baseBranch: base,
    baseSha,
    stagingBranch: settings.stagingBranch,
    created: state.staging === null,
    result,
    fastPath,
    stagingSha,
    treeSha,
    outcomes,
    ...shown
  });

  // Fast path: staging was built from exactly these inputs; nothing to fetch, merge or push.
  const record = state.staging ? parseStagingRecord(state.staging.message) : null;
  const commandHash = settings.verify ? verifyCommandHash(settings.verify.command) : null;
  // A staging built without this verify-command (or with another) is not the one to keep.
  const verifiedAlike =
    record !== null &&
    (record.verified === commandHash || (commandHash === null && record.verifyFailed.length === 0));
  if (state.staging && record?.digest === digestOf(eligible) && verifiedAlike) {
    log.info('Base and eligible PR heads are unchanged since staging was built: nothing to do.');
    const conflicts = new Map(record.conflicts.map(c => [c.number, c]));
    const failed = new Map(record.verifyFailed.map(f => [f.number, f]));
    const outcomes = gated.map(({ pr, decision }) => {
      const conflict = conflicts.get(pr.number);
      if (conflict)
        return skippedOutcome(pr, { kind: 'conflict', files: conflict.files, with: conflict.with });
      const f = failed.get(pr.number);
      if (f) return skippedOutcome(pr, { kind: 'verify-failed', with: f.with, output: f.output });
      return decision.eligible
        ? mergedOutcome(pr, decision.sha)
        : (gateSkips.get(pr.number) as PrOutcome);
    });
    return finish('unchanged', state.staging.sha, state.staging.tree, outcomes, true);
  }

  const available = await log.group('Fetch', () => fetchAll(git, base, baseSha, eligible));
  const inputs = { baseSha, eligible: eligible.map(e => ({ number: e.pr.number, sha: e.sha })) };
  const known = commandHash ? stillFailing(record, commandHash, inputs) : [];
  const toMerge = eligible.filter(e => !known.some(f => f.number === e.pr.number));
  const merged = await log.group('Merge', () => mergeAll(git, baseSha, toMerge, available));
  const verified = settings.verify
    ? await log.group('Verify', () =>
        verifyStage({
          git,
          settings: settings.verify as NonNullable<typeof settings.verify>,
          baseBranch: base,
          inputs,
          eligible: toMerge,
          available,
          built: merged,
          known,
          alreadyVerified: state.staging?.tree === merged.tree && record?.verified === commandHash
        })
      )
    : null;
  if (verified?.summary) shown.verify = verified.summary;
  const built = verified?.built ?? merged;
  const verifyFailed = (n: number): SkipReason | undefined => {
    const f = verified?.failed.get(n);
    return f && { kind: 'verify-failed', with: f.with, output: f.output };
  };
  const outcomes = gated.map(g => {
    const reason = verifyFailed(g.pr.number);
    if (reason) return skippedOutcome(g.pr, reason);
    // A PR that conflicted in the full merge is not in the combinations verify built.
    const o = built.outcomes.get(g.pr.number) ?? merged.outcomes.get(g.pr.number);
    return o ?? (gateSkips.get(g.pr.number) as PrOutcome);
  });
  if (verified?.capped) {
    log.warning(
      `verify-command: ${settings.verify?.maxRuns} run(s) (verify-max-runs) found no combination that passes; nothing new was pushed. Raise verify-max-runs, or fix the PRs the summary lists.`
    );
    return finish('not-verified', state.staging?.sha ?? '', state.staging?.tree ?? '', outcomes);
  }
  // A head that could not be fetched is not in staging: the record leaves it out, so a rerun with
  // the same inputs tries it again instead of taking the fast path and reporting it merged.
  const digest = digestOf(eligible.filter(e => available.has(e.sha)));
  const message = formatStagingMessage({
    baseBranch: base,
    baseSha,
    outcomes,
    digest,
    verified: commandHash,
    verifyFailed: [...(verified?.failed.values() ?? [])]
  });
  const candidate = await git.commitTree(built.tree, [built.head], message);
  log.info(`Candidate ${candidate} (tree ${built.tree})`);

  if (state.staging && state.staging.tree === built.tree) {
    log.info(`The candidate tree equals ${settings.stagingBranch}'s tree: nothing to push.`);
    return postStatuses(
      github,
      settings,
      finish('unchanged', state.staging.sha, built.tree, outcomes),
      shas,
      state
    );
  }
  if (settings.dryRun) {
    log.info('Dry run: not pushing.');
    return finish('dry-run', candidate, built.tree, outcomes);
  }

  const pushed = await log.group('Push', () =>
    git.tryPushWithLease(candidate, settings.stagingBranch, state.staging?.sha ?? null)
  );
  if (!pushed.ok) {
    if (!pushed.leaseLost) throw pushError(pushed.message, github.slug);
    log.warning(
      `${settings.stagingBranch} moved since this run read it (${state.staging ? shortSha(state.staging.sha) : 'absent'}); nothing was overwritten. The next run rebuilds it.`
    );
    return finish('lease-lost', state.staging?.sha ?? '', built.tree, outcomes);
  }
  const result = await postStatuses(
    github,
    settings,
    finish('pushed', candidate, built.tree, outcomes),
    shas,
    state
  );
  return nudgeAfterPush(result, settings, { github, git, argo, flux });
}

async function checkGit(git: Git): Promise<void> {
  // Both asked at once (the version's verdict comes first), and fetch loaded while git answers.
  const answers = Promise.all([git.version(), git.isRepository()]);
  preloadFetch();
  const [v, repository] = await answers;
  if (v.major < 2 || (v.major === 2 && v.minor < 38)) {
    throw new Error(
      `rebuild needs git 2.38 or newer (for 'git merge-tree --write-tree'); this runner has ${v.text}. Use a current GitHub-hosted runner or install a newer git.`
    );
  }
  if (!repository) {
    throw new InputError(
      `${git.cwd} is not a git repository. Run actions/checkout before this action (the default fetch-depth is fine).`
    );
  }
}

function checkState(
  state: RebuildState,
  settings: RebuildSettings,
  slug: string,
  base: string
): void {
  const readOnly =
    state.viewerPermission !== null && !PUSH_PERMISSIONS.includes(state.viewerPermission);
  if (readOnly && !settings.dryRun) {
    const message =
      `The token can only read ${slug} (permission ${state.viewerPermission}); rebuild pushes ${settings.stagingBranch}. ` +
      `Give the job 'permissions: contents: write' (and 'statuses: write' with commit-status), or pass a token that can push.`;
    // A user token's viewerPermission is its collaborator role. For installation tokens
    // (GITHUB_TOKEN, GitHub Apps: ghs_) GitHub does not document what it reports, so the push
    // itself decides; a refused push changes nothing either.
    if (!settings.githubToken.startsWith('ghs_')) throw new InputError(message);
    log.warning(message);
  }
  if (!state.baseSha) {
    throw new InputError(
      `Base branch '${base}' does not exist in ${slug}. Set base-branch to an existing branch.`
    );
  }
}

/**
 * The query's answer has the last word on what must never be force-pushed: the default branch
 * (the event payload may not name it) and any branch a protection rule covers.
 */
function checkStagingBranch(state: RebuildState, staging: string): void {
  if (state.defaultBranch === staging) throw defaultBranchError(staging);
  if (state.stagingProtection !== null) {
    throw new InputError(
      `staging-branch '${staging}' is protected by the branch protection rule '${state.stagingProtection}'. The staging branch is force-pushed on every run: use a branch no rule protects, or remove it from the rule.`
    );
  }
}

function pushError(message: string, slug: string): Error {
  // git's own wording, not a bare "403": SHAs, ports and repository names can contain that.
  if (/returned error: 403|HTTP 403|Permission to \S+ denied/i.test(message)) {
    return new Error(
      `The token cannot push to ${slug} (${message.split('\n').pop() ?? message}). Give the job 'permissions: contents: write', keep actions/checkout's persist-credentials, or pass a token that can push.`
    );
  }
  return new Error(`Pushing staging failed: ${message}`);
}
