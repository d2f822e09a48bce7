// deploy's settings: every input it reads, parsed once into a typed object.
import { DEFAULT_CONFIG } from '../dataset/config.js';
import {
  validateDatasetId,
  validateVersion,
  type DatasetId,
  type Version
} from '../dataset/ref.js';
import { readTarget } from '../dataset/target.js';
import { eventString, readContext, readEvent, type RunContext } from '../inputs/context.js';
import { InputError, optionalBranch, parseInteger, type InputSource } from '../inputs/parse.js';

export interface DeploySettings extends RunContext {
  mode: 'deploy';
  datasetId: DatasetId;
  version: Version;
  /** Explicit `docker-image`, or null to use `{image-repository}:{sha}`. */
  dockerImage: string | null;
  imageRepository: string | null;
  sha: string;
  config: string;
  namespace: string | null;
  kubeconfig: string | null;
  scheduleOffsetMinutes: number;
  /** Branch the version must differ from; null: the default branch. */
  baseBranch: string | null;
  eventDefaultBranch: string | null;
}

export function readDeploySettings(inputs: InputSource, env: NodeJS.ProcessEnv): DeploySettings {
  const event = readEvent(env);
  const base = readContext(inputs, env);
  const target = readTarget(inputs, env.GITHUB_REF || null);
  const sha = inputs.get('sha') || env.GITHUB_SHA || '';
  const dockerImage = inputs.get('docker-image') || null;
  const imageRepository = inputs.get('image-repository') || null;
  if (!dockerImage && (!imageRepository || !/^[0-9a-f]{40}$/.test(sha))) {
    throw new InputError(
      "Set 'docker-image' (e.g. ghcr.io/org/app:<sha>), or 'image-repository' to use {image-repository}:{github.sha}" +
        (imageRepository ? ` (the commit SHA '${sha}' is not a full 40-character SHA).` : '.')
    );
  }
  return {
    ...base,
    mode: 'deploy',
    datasetId: validateDatasetId(target.datasetId),
    version: validateVersion(target.version),
    dockerImage,
    imageRepository,
    sha,
    config: inputs.get('config') || DEFAULT_CONFIG,
    namespace: inputs.get('namespace') || null,
    kubeconfig: inputs.get('kubeconfig') || null,
    scheduleOffsetMinutes: parseInteger(
      'schedule-offset-minutes',
      inputs.get('schedule-offset-minutes'),
      0
    ),
    baseBranch: optionalBranch('base-branch', inputs.get('base-branch')),
    eventDefaultBranch: eventString(event, 'repository', 'default_branch')
  };
}
