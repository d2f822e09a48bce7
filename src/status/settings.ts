// status's settings: every input it reads, parsed once into a typed object.
import { DEFAULT_CONFIG } from '../dataset/config.js';
import { readContext, type RunContext } from '../inputs/context.js';
import { InputError, type InputSource } from '../inputs/parse.js';

/** What status and sweep both read: where to look, and the GitHub token for the branches. */
export interface InventoryInputs extends RunContext {
  githubToken: string;
  config: string;
  namespace: string | null;
  kubeconfig: string | null;
}

export interface StatusSettings extends InventoryInputs {
  mode: 'status';
}

export function readInventoryInputs(
  mode: string,
  inputs: InputSource,
  env: NodeJS.ProcessEnv
): InventoryInputs {
  const settings = {
    ...readContext(inputs, env),
    githubToken: inputs.get('github-token'),
    config: inputs.get('config') || DEFAULT_CONFIG,
    namespace: inputs.get('namespace') || null,
    kubeconfig: inputs.get('kubeconfig') || null
  };
  if (!settings.githubToken) {
    throw new InputError(
      `${mode} reads every stage/ branch through the GitHub API: set github-token (from a laptop: GITHUB_TOKEN=$(gh auth token)).`
    );
  }
  return settings;
}

export function readStatusSettings(inputs: InputSource, env: NodeJS.ProcessEnv): StatusSettings {
  return { ...readInventoryInputs('status', inputs, env), mode: 'status' };
}
