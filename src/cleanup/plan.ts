// What cleanup deletes. Labels find every staged kind (including kinds a later commit removed);
// the computed names catch CronJobs staged before labels existed or whose labels were edited.
import { validateDatasetId, validateVersion } from '../deploy/ref.js';

/** Every CronJob name to delete: the union of both lists, sorted, without duplicates. */
export function cleanupTargets(labelled: readonly string[], computed: readonly string[]): string[] {
  return [...new Set([...labelled, ...computed])].sort();
}

/** The staging branch of a dataset version: `stage/{datasetId}/v{version}`. */
export function stageBranchName(datasetId: string, version: string): string {
  return `stage/${validateDatasetId(datasetId)}/v${validateVersion(version)}`;
}
