// Inputs every mode (or the CLI alone) reads: the mode, the token, dry run, the request deadline.
// Plain data; its only imports are relative `.ts` ones (types included), so scripts load it with
// Node's type stripping, which does not map `.js` specifiers to `.ts` files.
import type { InputSpec } from './types.ts';

export const COMMON_INPUTS: readonly InputSpec[] = [
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
  }
];

/** CLI-only: in Actions the values come from the GITHUB_* context. Listed last. */
export const CONTEXT_INPUTS: readonly InputSpec[] = [
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
