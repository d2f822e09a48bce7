// The one description of the action's interface: its modes, every input (which modes read it, its
// default, its documentation, how the CLI takes it) and every output. action.yml is generated from
// it (`npm run package`), the CLI's flags and --help derive from it, and the project tests check
// the README against it, so adding an input is one edit here.
//
// Plain data without runtime imports: scripts load it with Node's type stripping.

export const MODE_NAMES = ['rebuild', 'deploy', 'cleanup', 'status', 'trigger', 'sweep'] as const;
export type ModeName = (typeof MODE_NAMES)[number];

/** The design note's verbs, accepted by the CLI and the action alike. */
export const MODE_ALIASES: Readonly<Record<string, ModeName>> = {
  'deploy-staging': 'deploy',
  'cleanup-staging': 'cleanup'
};

/** One line per mode, for --help. */
export const MODE_SUMMARIES: Readonly<Record<ModeName, string>> = {
  rebuild: 'rebuild the staging branch from base + every open PR whose CI passes',
  deploy: "stage one dataset version's CronJobs on Kubernetes",
  cleanup: "delete a staged version's CronJobs, stage branch and Sentry monitors",
  status: 'list every staged version: its CronJobs, their last runs, branch and promotion',
  trigger: "run a staged version's CronJobs now (a Job from each), optionally waiting for them",
  sweep: 'clean up staged versions whose branch is gone, that were promoted, or that expired'
};

/** How the CLI takes an input. */
export type CliSource =
  /** The first positional argument. */
  | { positional: true }
  /** Never a flag (tokens): read from the first of these environment variables that is set. */
  | { env: readonly string[] }
  /** `--name VALUE` (`file`: the flag names a file whose content is the value). */
  | {
      flag: 'string' | 'boolean' | 'file';
      /** The value's placeholder in --help. */
      arg?: string;
      help: string;
      /** Environment variables that give the default when the flag is absent. */
      env?: readonly string[];
    };

export interface InputSpec {
  name: string;
  /** The modes that read it. */
  modes: readonly ModeName[] | 'all';
  required?: boolean;
  /** action.yml's default ('' for none). */
  default: string;
  /** action.yml's description (Markdown). */
  description: string;
  cli: CliSource;
  /** Not an action input: in Actions the value comes from the GITHUB_* context. */
  cliOnly?: boolean;
}

export interface OutputSpec {
  name: string;
  modes: readonly ModeName[];
  description: string;
}

export const INPUTS: readonly InputSpec[] = [
  {
    name: 'mode',
    modes: 'all',
    required: true,
    default: '',
    description:
      "What to do: `rebuild` (staging branch = base + every open PR whose CI passes), `deploy` (stage one dataset version's CronJobs), `cleanup` (remove a staged version), `status` (list the staged versions), `trigger` (run a staged version's CronJobs now) or `sweep` (clean up orphaned, promoted and expired staged versions). `deploy-staging` and `cleanup-staging` are accepted as aliases.",
    cli: { positional: true }
  },
  {
    name: 'github-token',
    modes: ['rebuild', 'cleanup', 'status', 'sweep'],
    default: '${{ github.token }}',
    description:
      'Token for the GitHub API. rebuild needs `contents: write`, `pull-requests: read`, `checks: read` and `actions: read` (and `statuses: write` with commit-status, `actions: write` with dispatch-workflows); cleanup and sweep need `contents: write` to delete stage branches; status needs `contents: read` to list them.',
    cli: {
      flag: 'string',
      arg: 'TOKEN',
      help: 'default: GITHUB_TOKEN, else GH_TOKEN (prefer those: flags show up in shell history)',
      env: ['GITHUB_TOKEN', 'GH_TOKEN']
    }
  },
  {
    name: 'dry-run',
    modes: 'all',
    default: 'false',
    description: 'Compute and report, but push, apply and delete nothing.',
    cli: { flag: 'boolean', help: 'report what would happen; change nothing' }
  },
  {
    name: 'request-timeout',
    modes: 'all',
    default: '30',
    description:
      'Seconds each request to GitHub, Kubernetes or Sentry may take (1..600). A request that gets no answer in time fails the run, saying which call it was and what was already done; it is not retried. git fetch and push over HTTPS fail the same way when they receive under 1000 bytes/s for this long.',
    cli: {
      flag: 'string',
      arg: 'SECONDS',
      help: 'seconds each GitHub, Kubernetes or Sentry request may take (default 30)'
    }
  },
  {
    name: 'base-branch',
    modes: ['rebuild', 'deploy'],
    default: '',
    description:
      "rebuild: the branch staging starts from and whose open PRs are merged. deploy: the branch the staged version must differ from. Default: the repository's default branch.",
    cli: {
      flag: 'string',
      arg: 'BRANCH',
      help: 'rebuild: the branch staging starts from; deploy: the branch the version must differ from (default: the default branch)'
    }
  },
  {
    name: 'staging-branch',
    modes: ['rebuild'],
    default: 'staging',
    description:
      "rebuild: the branch that is rebuilt and force-pushed (with lease). Never the base branch, the repository's default branch or a branch a protection rule covers.",
    cli: {
      flag: 'string',
      arg: 'BRANCH',
      help: 'the branch that is rebuilt and force-pushed (default staging)'
    }
  },
  {
    name: 'ignore-checks',
    modes: ['rebuild'],
    default: '',
    description:
      "rebuild: check names or globs (`*`, `?`) that never block a PR, one per line or comma-separated on one line. Matched against the check name and `Workflow / check`. This workflow's own checks and commit-status are always ignored.",
    cli: { flag: 'string', arg: 'LIST', help: 'check names or globs that never block a PR' }
  },
  {
    name: 'include-drafts',
    modes: ['rebuild'],
    default: 'false',
    description: 'rebuild: merge draft PRs too.',
    cli: { flag: 'boolean', help: 'merge draft PRs too' }
  },
  {
    name: 'include-forks',
    modes: ['rebuild'],
    default: 'false',
    description: 'rebuild: merge PRs from forks too.',
    cli: { flag: 'boolean', help: 'merge PRs from forks too' }
  },
  {
    name: 'labels',
    modes: ['rebuild'],
    default: '',
    description: 'rebuild: a PR must carry all of these labels (one per line or comma-separated).',
    cli: { flag: 'string', arg: 'LIST', help: 'a PR must carry all of these labels' }
  },
  {
    name: 'exclude-labels',
    modes: ['rebuild'],
    default: '',
    description: 'rebuild: a PR carrying any of these labels is skipped.',
    cli: { flag: 'string', arg: 'LIST', help: 'a PR carrying any of these labels is skipped' }
  },
  {
    name: 'require-checks',
    modes: ['rebuild'],
    default: 'false',
    description:
      'rebuild: treat a PR with no checks at all as pending instead of passing (a PR pushed seconds ago has no checks yet either).',
    cli: { flag: 'boolean', help: 'treat a PR with no checks as pending' }
  },
  {
    name: 'commit-status',
    modes: ['rebuild'],
    default: '',
    description:
      'rebuild: when set, a commit status with this context is posted on each PR head: success "In staging" when merged, failure with the explanation when it conflicts. Never read back.',
    cli: {
      flag: 'string',
      arg: 'CONTEXT',
      help: 'post a commit status with this context on each PR head'
    }
  },
  {
    name: 'flux-source',
    modes: ['rebuild'],
    default: '',
    description:
      'rebuild: `namespace/name` of a Flux GitRepository to annotate with `reconcile.fluxcd.io/requestedAt` after a push, so Flux fetches staging at once.',
    cli: { flag: 'string', arg: 'NS/NAME', help: 'Flux GitRepository to annotate after a push' }
  },
  {
    name: 'verify-command',
    modes: ['rebuild'],
    default: '',
    description:
      'rebuild: a script run by `bash -e` in a temporary worktree of the combined tree before it is pushed (e.g. `kustomize build apps/staging > /dev/null`), without the GitHub token in its environment. When it fails, the PRs that break it are found by bisection and left out as `verify-failed`; when the base alone fails, nothing is pushed and the step fails.',
    cli: { flag: 'string', arg: 'SCRIPT', help: 'script that checks the combined tree (bash -e)' }
  },
  {
    name: 'verify-timeout',
    modes: ['rebuild'],
    default: '10m',
    description:
      'rebuild: how long one run of `verify-command` may take (`90s`, `10m`, `1h`); a run killed at the timeout counts as failed.',
    cli: { flag: 'string', arg: 'DURATION', help: 'time limit of one verify run (default 10m)' }
  },
  {
    name: 'verify-max-runs',
    modes: ['rebuild'],
    default: '8',
    description:
      'rebuild: at most this many runs of `verify-command` per rebuild (1..100). When it is reached before a passing combination is found, nothing new is pushed and the summary says why.',
    cli: { flag: 'string', arg: 'N', help: 'at most N verify runs per rebuild (default 8)' }
  },
  {
    name: 'argocd-application',
    modes: ['rebuild'],
    default: '',
    description:
      'rebuild: `namespace/name` of an Argo CD Application to annotate with `argocd.argoproj.io/refresh: normal` after a push, so Argo CD compares it with staging at once (as `argocd app get --refresh`).',
    cli: { flag: 'string', arg: 'NS/NAME', help: 'Argo CD Application to refresh after a push' }
  },
  {
    name: 'dispatch-workflows',
    modes: ['rebuild'],
    default: '',
    description:
      'rebuild: workflows to start with `workflow_dispatch` on the staging branch after a push (a push with GITHUB_TOKEN starts none), one per line or comma-separated on one line: file names (`deploy-staging.yml`) or workflow names. A workflow that declares a `staging-sha`, `staging_sha` or `sha` input gets the staging SHA in it. Needs `actions: write`. Failures are reported, not fatal.',
    cli: { flag: 'string', arg: 'LIST', help: 'workflows to dispatch on staging after a push' }
  },
  {
    name: 'dataset-id',
    modes: ['deploy', 'cleanup', 'trigger'],
    default: '',
    description:
      'deploy, cleanup, trigger: the dataset id. Default: parsed from the `stage/{dataset_id}/v{version}` ref.',
    cli: { flag: 'string', arg: 'ID', help: 'the dataset id' }
  },
  {
    name: 'version',
    modes: ['deploy', 'cleanup', 'trigger'],
    default: '',
    description:
      'deploy, cleanup, trigger: the version (MAJOR.MINOR.PATCH[-pre]). Default: parsed from the ref.',
    cli: { flag: 'string', arg: 'X.Y.Z', help: 'the dataset version' }
  },
  {
    name: 'config',
    modes: ['deploy', 'cleanup', 'status', 'trigger', 'sweep'],
    default: '.github/staging.yml',
    description:
      'deploy, cleanup, status, trigger, sweep: the staging config file in the repository (optional except for deploy).',
    cli: { flag: 'string', arg: 'PATH', help: 'the staging config (default .github/staging.yml)' }
  },
  {
    name: 'docker-image',
    modes: ['deploy'],
    default: '',
    description:
      'deploy: the image for the staged CronJobs. Default: `{image-repository}:{github.sha}`.',
    cli: { flag: 'string', arg: 'IMAGE', help: 'the image for the staged CronJobs' }
  },
  {
    name: 'image-repository',
    modes: ['deploy'],
    default: '',
    description: 'deploy: image repository (without tag) used to build the default docker-image.',
    cli: {
      flag: 'string',
      arg: 'REPO',
      help: 'image repository; the image is REPO:SHA (with --sha)'
    }
  },
  {
    name: 'namespace',
    modes: ['deploy', 'cleanup', 'status', 'trigger', 'sweep'],
    default: '',
    description:
      "deploy, cleanup, status, trigger, sweep: Kubernetes namespace. Default: the config's `namespace`, else `default`.",
    cli: { flag: 'string', arg: 'NS', help: "Kubernetes namespace (default: the config's)" }
  },
  {
    name: 'kubeconfig',
    modes: ['rebuild', 'deploy', 'cleanup', 'status', 'trigger', 'sweep'],
    default: '',
    description:
      'deploy, cleanup, status, trigger, sweep, rebuild with flux-source or argocd-application: kubeconfig file content (masked). Default: `KUBECONFIG`, `~/.kube/config` or the in-cluster service account.',
    cli: {
      flag: 'file',
      arg: 'PATH',
      help: 'kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster)'
    }
  },
  {
    name: 'schedule-offset-minutes',
    modes: ['deploy'],
    default: '0',
    description:
      'deploy: minutes added to each staged schedule (plain numeric minute fields only), -59..59.',
    cli: {
      flag: 'string',
      arg: 'N',
      help: 'minutes added to each staged schedule (-59..59; negative: --schedule-offset-minutes=-15)'
    }
  },
  {
    name: 'kind',
    modes: ['trigger'],
    default: '',
    description:
      'trigger: the kind of CronJob to run (`update`, `validate`, ...). Default: every kind of the staged version.',
    cli: { flag: 'string', arg: 'KIND', help: 'the one kind to run (default: every kind)' }
  },
  {
    name: 'wait',
    modes: ['trigger'],
    default: '',
    description:
      'trigger: how long to follow the Jobs until they complete or fail, as a duration (`90s`, `30m`, `2h`, `1h30m`). A failed or timed-out Job fails the step. Default: do not wait.',
    cli: { flag: 'string', arg: 'DURATION', help: 'follow the Jobs this long (30m, 2h)' }
  },
  {
    name: 'max-age',
    modes: ['sweep'],
    default: '',
    description:
      'sweep: a staged version last deployed longer ago than this duration (`12h`, `7d`) expires and is cleaned up. Default: never.',
    cli: { flag: 'string', arg: 'DURATION', help: 'clean up versions deployed longer ago (7d)' }
  },
  {
    name: 'sentry-auth-token',
    modes: ['cleanup', 'sweep'],
    default: '',
    description:
      "cleanup, sweep: Sentry auth token; when set, the staged CronJobs' cron monitors are deleted (masked).",
    cli: { env: ['SENTRY_AUTH_TOKEN'] }
  },
  {
    name: 'sentry-org',
    modes: ['cleanup', 'sweep'],
    default: '',
    description: 'cleanup, sweep: Sentry organization slug (required with sentry-auth-token).',
    cli: {
      flag: 'string',
      arg: 'ORG',
      help: 'Sentry organization (default SENTRY_ORG); with SENTRY_AUTH_TOKEN',
      env: ['SENTRY_ORG']
    }
  },
  {
    name: 'sentry-project',
    modes: ['cleanup', 'sweep'],
    default: '',
    description: 'cleanup, sweep: Sentry project slug, to use the project-scoped monitor endpoint.',
    cli: { flag: 'string', arg: 'PROJECT', help: 'Sentry project, for the project-scoped endpoint' }
  },
  {
    name: 'sentry-url',
    modes: ['cleanup', 'sweep'],
    default: 'https://sentry.io',
    description: 'cleanup, sweep: Sentry base URL.',
    cli: { flag: 'string', arg: 'URL', help: 'Sentry base URL (default https://sentry.io)' }
  },
  {
    name: 'repository',
    modes: 'all',
    default: '',
    description: "owner/repo (default: GITHUB_REPOSITORY, else the checkout's origin remote).",
    cli: {
      flag: 'string',
      arg: 'OWNER/REPO',
      help: "default: GITHUB_REPOSITORY, else the checkout's origin remote",
      env: ['GITHUB_REPOSITORY']
    },
    cliOnly: true
  },
  {
    name: 'sha',
    modes: ['deploy'],
    default: '',
    description: 'The commit whose image is staged with image-repository (default: GITHUB_SHA).',
    cli: {
      flag: 'string',
      arg: 'SHA',
      help: 'the commit, for --image-repository (default GITHUB_SHA)'
    },
    cliOnly: true
  }
];

export const OUTPUTS: readonly OutputSpec[] = [
  {
    name: 'result',
    modes: ['rebuild'],
    description:
      'rebuild: `pushed`, `unchanged`, `lease-lost`, `dry-run` or `not-verified` (verify-max-runs reached, nothing new pushed).'
  },
  {
    name: 'merged',
    modes: ['rebuild'],
    description: 'rebuild: JSON array of the PR numbers merged into staging, in merge order.'
  },
  {
    name: 'skipped',
    modes: ['rebuild'],
    description: 'rebuild: JSON array of `{number, reason, detail}` for every open PR not merged.'
  },
  { name: 'pushed', modes: ['rebuild'], description: 'rebuild: `true` when staging was pushed.' },
  {
    name: 'staging-sha',
    modes: ['rebuild'],
    description: 'rebuild: the staging head after the run (the candidate on a dry run).'
  },
  {
    name: 'tree-sha',
    modes: ['rebuild'],
    description: 'rebuild: the tree of the candidate staging commit.'
  },
  {
    name: 'cronjobs',
    modes: ['deploy', 'cleanup'],
    description:
      'deploy: JSON array of `{name, production, kind, schedule, image, suspended, action}` (created, updated, pruned); cleanup: JSON array of `{name, action}` (deleted, already gone).'
  },
  {
    name: 'store-path',
    modes: ['deploy', 'cleanup'],
    description:
      "deploy, cleanup: the staged version's store path (never deleted); with replicas, the first."
  },
  {
    name: 'store-paths',
    modes: ['deploy', 'cleanup'],
    description:
      'deploy, cleanup: JSON array of every store path of the staged version, replicas included (never deleted).'
  },
  {
    name: 'staged',
    modes: ['status', 'sweep'],
    description:
      'status: JSON array of every staged version `{datasetId, version, branch, branchExists, promoted, deployedAt, cronJobs: [...]}`; sweep: JSON array of `{datasetId, version, verdict, reason, action}` (verdicts: orphaned, promoted, expired, live).'
  },
  {
    name: 'jobs',
    modes: ['trigger'],
    description:
      'trigger: JSON array of `{name, cronJob, kind, outcome}` (outcome: created, would create, succeeded, failed, timed out).'
  }
];
