// rebuild's inputs: the branches, the gate (checks, drafts, forks, labels), statuses, Flux.
// Plain data; its only imports are relative `.ts` ones (types included), so scripts load it with
// Node's type stripping, which does not map `.js` specifiers to `.ts` files.
import type { InputSpec } from './types.ts';

export const REBUILD_INPUTS: readonly InputSpec[] = [
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
  }
];
