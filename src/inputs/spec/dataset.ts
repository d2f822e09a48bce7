// Inputs of the dataset modes (deploy, cleanup, status, trigger, sweep): which version, config, image, cluster; the lifecycle modes' own; Sentry.
// Plain data; its only imports are relative `.ts` ones (types included), so scripts load it with
// Node's type stripping, which does not map `.js` specifiers to `.ts` files.
import type { InputSpec } from './types.ts';

export const DATASET_INPUTS: readonly InputSpec[] = [
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
  }
];

/** status, trigger and sweep: which kind, how long to wait, what counts as expired. */
export const LIFECYCLE_INPUTS: readonly InputSpec[] = [
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
  }
];

/** Sentry cron monitors, removed with the CronJobs they watch. */
export const SENTRY_INPUTS: readonly InputSpec[] = [
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
  }
];
