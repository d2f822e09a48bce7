// Which dataset version a run is about: the `dataset-id` and `version` inputs, else the stage
// branch the run is for. Shared by every mode that works on one staged version.
import { InputError, type InputSource } from '../inputs/parse.js';
import { parseStageRef } from './ref.js';

/** The raw id and version (checked by the caller with validateDatasetId / validateVersion). */
export function readTarget(
  inputs: InputSource,
  ref: string | null
): { datasetId: string; version: string } {
  const datasetId = inputs.get('dataset-id');
  const version = inputs.get('version');
  if (datasetId && version) return { datasetId, version };
  if (!ref) {
    throw new InputError(
      "Inputs 'dataset-id' and 'version' are required when the run is not for a stage/{dataset_id}/v{version} branch."
    );
  }
  const parsed = parseStageRef(ref);
  return { datasetId: datasetId || parsed.datasetId, version: version || parsed.version };
}
