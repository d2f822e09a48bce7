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
  }
];
