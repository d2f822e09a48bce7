// A staged CronJob run by hand, built as `kubectl create job --from=cronjob/NAME` builds it: the
// CronJob's job template, its labels and annotations plus `cronjob.kubernetes.io/instantiate:
// manual`, and the CronJob as controlling owner (so deleting the CronJob deletes the Job too).
import type { V1CronJob, V1Job } from '@kubernetes/client-node';
import { manualJobName } from '../kube/rules.js';

export const INSTANTIATE_ANNOTATION = 'cronjob.kubernetes.io/instantiate';
// generateName's alphabet: no vowels (no words), no look-alikes (0/o, 1/l).
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
export const SUFFIX_LENGTH = 5;

/** A random `SUFFIX_LENGTH`-character name suffix, from `random` (values in [0, 1)). */
export function nameSuffix(random: () => number = Math.random): string {
  let suffix = '';
  for (let i = 0; i < SUFFIX_LENGTH; i++) {
    suffix += SUFFIX_ALPHABET[Math.floor(random() * SUFFIX_ALPHABET.length)] ?? 'x';
  }
  return suffix;
}

/** The Job that runs `cronJob` now; `suffix` makes its name distinct from every other run's. */
export function manualJob(cronJob: V1CronJob, suffix: string): V1Job {
  const name = cronJob.metadata?.name ?? '';
  const uid = cronJob.metadata?.uid ?? '';
  const template = structuredClone(cronJob.spec?.jobTemplate ?? {});
  const spec = template.spec;
  if (!name || !uid || !spec) {
    throw new Error(`CronJob '${name}' as read from the cluster has no name, uid or job template`);
  }
  const indexed = spec.completionMode === 'Indexed' ? (spec.completions ?? 1) : null;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: manualJobName(name, suffix, indexed),
      namespace: cronJob.metadata?.namespace,
      labels: { ...template.metadata?.labels },
      annotations: { ...template.metadata?.annotations, [INSTANTIATE_ANNOTATION]: 'manual' },
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          name,
          uid,
          controller: true,
          blockOwnerDeletion: true
        }
      ]
    },
    spec
  };
}
