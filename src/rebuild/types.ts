// Plain data shared by the rebuild decisions (pure) and its I/O edges (GraphQL, git).

/** One entry of a commit's statusCheckRollup, normalised. */
export type CheckContext = CheckRunContext | StatusContextEntry;

export interface CheckRunContext {
  kind: 'check-run';
  name: string;
  /** CheckRun.status: QUEUED, IN_PROGRESS, COMPLETED, WAITING, PENDING, REQUESTED. */
  status: string;
  /** CheckRun.conclusion, null until completed. */
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  databaseId: number | null;
  /** checkSuite.workflowRun.file.path, e.g. `.github/workflows/ci.yml`; null for non-Actions apps. */
  workflowPath: string | null;
  /** checkSuite.workflowRun.workflow.name. */
  workflowName: string | null;
  /** checkSuite.app.slug, e.g. `github-actions`. */
  appSlug: string | null;
}

export interface StatusContextEntry {
  kind: 'status';
  /** StatusContext.context. */
  name: string;
  /** StatusContext.state: SUCCESS, FAILURE, ERROR, PENDING, EXPECTED. */
  state: string;
  /** StatusContext.description: compared so an unchanged status is not posted again. */
  description?: string | null;
  createdAt: string | null;
}

export interface PullRequestInfo {
  number: number;
  title: string;
  author: string | null;
  isDraft: boolean;
  isCrossRepository: boolean;
  /** The head SHA GitHub reports for the PR. */
  headRefOid: string;
  labels: string[];
  /** The commit whose checks were read (the PR's last commit); normally equals headRefOid. */
  checksOid: string;
  checks: CheckContext[];
  /**
   * Set when the checks of `checksOid` could not all be read (the follow-up query for those past
   * the first 100 found the PR gone or its head moved): the PR is skipped with this reason.
   */
  checksSkip?: SkipReason;
}

export type SkipReason =
  | { kind: 'draft' }
  | { kind: 'fork' }
  | { kind: 'label'; missing: string[]; excluded: string[] }
  | { kind: 'ci-failing'; checks: string[] }
  | { kind: 'ci-pending'; checks: string[] }
  | { kind: 'no-checks' }
  /** Its checks could not all be read; `detail` says what was asked and what came back. */
  | { kind: 'ci-unknown'; detail: string }
  | { kind: 'head-moved'; expected: string; actual: string }
  /** GitHub has no refs/pull/N/head and does not serve the head commit by SHA either. */
  | { kind: 'head-missing'; sha: string }
  | { kind: 'conflict'; files: string[]; with: Array<number | 'base'> }
  /** verify-command fails once this PR is added to `with` (the earlier PRs it was combined with). */
  | { kind: 'verify-failed'; with: number[]; output: string };

export type PrOutcome =
  | { number: number; title: string; author: string | null; status: 'merged'; sha: string }
  | { number: number; title: string; author: string | null; status: 'skipped'; reason: SkipReason };

/** What the current run has to work with, for the fast path. */
export interface RebuildInputs {
  baseSha: string;
  /** PRs that passed the gate, with the SHA that passed, in merge order. */
  eligible: Array<{ number: number; sha: string }>;
}

/** How a run ended, for the summary and the `result` output. */
export type RebuildResultKind =
  | 'pushed' // staging updated (or created)
  | 'unchanged' // candidate tree equals the staging tree: nothing pushed
  | 'lease-lost' // someone else moved staging since the run started: nothing overwritten
  | 'dry-run' // computed, not pushed
  | 'not-verified'; // verify-max-runs reached before a combination passed: nothing new pushed

export interface RebuildResult {
  result: RebuildResultKind;
  /** True when the run stopped after the GraphQL round trip (inputs unchanged since the last build). */
  fastPath: boolean;
  repository: string; // owner/name
  baseBranch: string;
  baseSha: string;
  stagingBranch: string;
  /** Staging head after the run (the pushed candidate, or the existing head when nothing was pushed; the candidate on a dry run). Empty when staging does not exist and nothing was pushed. */
  stagingSha: string;
  treeSha: string;
  /** Every open PR to base, in merge order, with its outcome. */
  outcomes: PrOutcome[];
  /** Set when staging did not exist before the run. */
  created: boolean;
  /** With `commit-status`: statuses that could not be posted (the run still succeeds). */
  statusErrors?: string[];
  /** With `verify-command`, when it ran: each run, and how the plan ended. */
  verify?: {
    runs: Array<{ prs: number[]; passed: boolean; durationMs: number; timedOut?: boolean }>;
    ended: 'passed' | 'cap-reached';
    maxRuns: number;
  };
  /** With `flux-source`, after a push: what happened to the reconcile request. */
  flux?: { source: string; error: string | null };
  /** With `argocd-application`, after a push: what happened to the refresh request. */
  argocd?: { application: string; error: string | null };
  /** With `dispatch-workflows`, after a push: one entry per workflow, in input order. */
  dispatches?: DispatchOutcome[];
}

export interface DispatchOutcome {
  /** The file name, or `name (file)` for a workflow given by name. */
  workflow: string;
  /** The workflow_dispatch input that was given the staging SHA, if the workflow declares one. */
  input: string | null;
  error: string | null;
}
