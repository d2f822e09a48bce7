// The API server's batch/v1 Job rules: names that fit the job-name label of their pods, and Indexed
// Jobs whose pod hostnames ({job name}-{index}) must be DNS-1123 labels.
import { MAX_DNS_LABEL, MAX_JOB_NAME } from '../../../src/kube/rules.ts';
import { obj } from './objects.ts';
import {
  DNS1123_LABEL,
  invalid,
  matches,
  notSupported,
  required,
  subdomainErrors,
  validateLabels,
  type FieldError
} from './rules.ts';
import type { KubeObject } from './types.ts';

/** A string field, '' for anything else (a missing or non-string name is "required"). */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The API server's Job validation (the parts the action can get wrong). */
export function jobErrors(job: KubeObject): FieldError[] {
  const errors: FieldError[] = [];
  const meta = obj(job.metadata);
  const name = text(meta.name);
  if (name === '') errors.push(required('metadata.name'));
  else {
    for (const e of subdomainErrors(name)) errors.push(invalid('metadata.name', name, e));
    // The name becomes the batckubernetes.io/job-name label of its pods.
    if (name.length > MAX_JOB_NAME) {
      errors.push(
        invalid('metadata.name', name, `must be no more than ${MAX_JOB_NAME} characters`)
      );
    }
  }
  errors.push(...validateLabels(meta.labels, 'metadata.labels'));
  const spec = obj(job.spec);
  const template = obj(spec.template);
  const podSpec = obj(template.spec);
  if (!['OnFailure', 'Never'].includes(text(podSpec.restartPolicy))) {
    errors.push(
      notSupported('spec.template.spec.restartPolicy', podSpec.restartPolicy, [
        'OnFailure',
        'Never'
      ])
    );
  }
  const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
  if (containers.length === 0) errors.push(required('spec.template.spec.containers'));
  if (spec.completionMode === 'Indexed') {
    const completions = typeof spec.completions === 'number' ? spec.completions : 1;
    // validation.go: the controller names each pod's hostname {job name}-{index}.
    const hostname = `${name}-${completions - 1}`;
    if (hostname.length > MAX_DNS_LABEL || !matches(DNS1123_LABEL, hostname)) {
      errors.push(
        invalid(
          'metadata.name',
          name,
          `will not able to create pod with invalid DNS label: ${hostname}`
        )
      );
    }
  }
  return errors;
}
