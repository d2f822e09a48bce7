// cleanup's settings: every input it reads, parsed once into a typed object.
import { DEFAULT_CONFIG } from '../dataset/config.js';
import {
  stageBranchName,
  validateDatasetId,
  validateVersion,
  type DatasetId,
  type Version
} from '../dataset/ref.js';
import { readTarget } from '../dataset/target.js';
import { eventString, readContext, readEvent, type RunContext } from '../inputs/context.js';
import { InputError, type InputSource } from '../inputs/parse.js';
import type { SentryOptions } from '../io/sentry.js';

interface CleanupCommon extends RunContext {
  mode: 'cleanup';
  githubToken: string;
  config: string;
  namespace: string | null;
  kubeconfig: string | null;
  sentry: (SentryOptions & { url: string }) | null;
}

export type CleanupSettings =
  | (CleanupCommon & { notAStageBranch: null; datasetId: DatasetId; version: Version })
  /** A `delete` event for a branch that is not a stage branch: nothing to do. */
  | (CleanupCommon & { notAStageBranch: string });

/** `refs/heads/stage/{id}/v{version}` or a `delete` event's short ref; null when neither applies. */
function stageRefFromEvent(env: NodeJS.ProcessEnv, event: Record<string, unknown>): string | null {
  if (env.GITHUB_EVENT_NAME === 'delete') {
    const ref = eventString(event, 'ref');
    const refType = eventString(event, 'ref_type');
    // `on: delete` fires for tags too: a tag is never a stage branch, so nothing to clean up.
    if (ref !== null && refType === 'tag') return `refs/tags/${ref}`;
    return refType === 'branch' ? ref : null;
  }
  return env.GITHUB_REF || null;
}

/** The Sentry inputs (cleanup, sweep): null without a token, which leaves monitors alone. */
export function readSentry(inputs: InputSource, timeoutMs: number): CleanupCommon['sentry'] {
  const token = inputs.get('sentry-auth-token');
  const org = inputs.get('sentry-org');
  if (token && !org) {
    throw new InputError("Input 'sentry-org' is required with 'sentry-auth-token'.");
  }
  return token
    ? {
        token,
        org,
        project: inputs.get('sentry-project') || null,
        url: (inputs.get('sentry-url') || 'https://sentry.io').replace(/\/$/, ''),
        timeoutMs
      }
    : null;
}

export function readCleanupSettings(inputs: InputSource, env: NodeJS.ProcessEnv): CleanupSettings {
  const event = readEvent(env);
  const base = readContext(inputs, env);
  const ref = stageRefFromEvent(env, event);
  const explicit = inputs.get('dataset-id') !== '' && inputs.get('version') !== '';
  const isDelete = env.GITHUB_EVENT_NAME === 'delete';
  const notAStageBranch =
    !explicit && isDelete && ref !== null && !ref.startsWith('stage/') ? ref : null;
  const target = notAStageBranch ? null : readTarget(inputs, ref);
  const common: CleanupCommon = {
    ...base,
    mode: 'cleanup',
    githubToken: inputs.get('github-token'),
    config: inputs.get('config') || DEFAULT_CONFIG,
    namespace: inputs.get('namespace') || null,
    kubeconfig: inputs.get('kubeconfig') || null,
    sentry: readSentry(inputs, base.requestTimeoutMs)
  };
  if (notAStageBranch !== null || target === null) {
    return { ...common, notAStageBranch: notAStageBranch ?? '' };
  }
  // Everything is validated before anything is deleted.
  const datasetId = validateDatasetId(target.datasetId);
  const version = validateVersion(target.version);
  if (!common.githubToken) {
    throw new InputError(
      `cleanup deletes the branch ${stageBranchName(datasetId, version)} through the GitHub API: set GITHUB_TOKEN (from a laptop: GITHUB_TOKEN=$(gh auth token)).`
    );
  }
  return { ...common, notAStageBranch: null, datasetId, version };
}
