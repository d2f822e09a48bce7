// trigger's settings: every input it reads, parsed once into a typed object.
import { DEFAULT_CONFIG } from '../dataset/config.js';
import { ValidationError, quote } from '../dataset/errors.js';
import {
  validateDatasetId,
  validateVersion,
  type DatasetId,
  type Version
} from '../dataset/ref.js';
import { readTarget } from '../dataset/target.js';
import { readContext, type RunContext } from '../inputs/context.js';
import type { InputSource } from '../inputs/parse.js';
import { parseDuration } from '../util/duration.js';

export interface TriggerSettings extends RunContext {
  mode: 'trigger';
  datasetId: DatasetId;
  version: Version;
  /** One kind, or null for every kind of the staged version. */
  kind: string | null;
  /** How long to follow the Jobs, in milliseconds; null: do not wait. */
  waitMs: number | null;
  config: string;
  namespace: string | null;
  kubeconfig: string | null;
}

// A kind is a label value the deploy wrote (see deriveKind): anything else cannot match.
const KIND = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

export function readTriggerSettings(inputs: InputSource, env: NodeJS.ProcessEnv): TriggerSettings {
  const base = readContext(inputs, env);
  const target = readTarget(inputs, env.GITHUB_REF || null);
  const kind = inputs.get('kind') || null;
  if (kind !== null && (!KIND.test(kind) || kind.length > 63)) {
    throw new ValidationError(
      `Input 'kind' ${quote(kind)} is not a CronJob kind: kinds are lowercase letters, digits, "-" and ".", such as update or validate.`
    );
  }
  return {
    ...base,
    mode: 'trigger',
    datasetId: validateDatasetId(target.datasetId),
    version: validateVersion(target.version),
    kind,
    waitMs: parseDuration('wait', inputs.get('wait')),
    config: inputs.get('config') || DEFAULT_CONFIG,
    namespace: inputs.get('namespace') || null,
    kubeconfig: inputs.get('kubeconfig') || null
  };
}
