// Every output, with the modes that set it.
// Plain data; its only imports are relative `.ts` ones (types included), so scripts load it with
// Node's type stripping, which does not map `.js` specifiers to `.ts` files.
import type { OutputSpec } from './types.ts';

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
