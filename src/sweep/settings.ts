// sweep's settings: every input it reads, parsed once into a typed object.
import { readSentry, type CleanupSettings } from '../cleanup/settings.js';
import type { InputSource } from '../inputs/parse.js';
import { readInventoryInputs, type InventoryInputs } from '../status/settings.js';
import { parseDuration } from '../util/duration.js';

export interface SweepSettings extends InventoryInputs {
  mode: 'sweep';
  /** Versions last deployed longer ago than this expire; null: never. */
  maxAgeMs: number | null;
  sentry: CleanupSettings['sentry'];
}

export function readSweepSettings(inputs: InputSource, env: NodeJS.ProcessEnv): SweepSettings {
  const inventory = readInventoryInputs('sweep', inputs, env);
  return {
    ...inventory,
    mode: 'sweep',
    maxAgeMs: parseDuration('max-age', inputs.get('max-age')),
    sentry: readSentry(inputs, inventory.requestTimeoutMs)
  };
}
