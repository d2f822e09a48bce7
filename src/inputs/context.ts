// What every mode knows about the run it is in: the repository, the API endpoints, the workspace,
// the event payload. Read from the GITHUB_* environment (or the CLI's flags) once.
import { readFileSync } from 'node:fs';
import { DEFAULT_REQUEST_TIMEOUT_S } from '../util/timeout.js';
import {
  InputError,
  parseBoolean,
  parseInteger,
  parseRepository,
  type InputSource,
  type Repository
} from './parse.js';

export interface RunContext {
  repository: Repository;
  apiUrl: string;
  serverUrl: string;
  dryRun: boolean;
  /** `request-timeout`: how long one GitHub, Kubernetes or Sentry request may take. */
  requestTimeoutMs: number;
  /** The checkout the action works in (GITHUB_WORKSPACE, else the current directory). */
  workspace: string;
  /** Link to this workflow run, for commit statuses; null outside Actions. */
  runUrl: string | null;
  /** How a person runs this action's CLI: from the action's own repository and ref when known. */
  cliCommand: string;
}

/** The event payload, when the run has one (absent for the CLI). */
export function readEvent(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** A non-empty string at `path` in the payload, else null. */
export function eventString(event: Record<string, unknown>, ...path: string[]): string | null {
  let cur: unknown = event;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return null;
    cur = (cur as Record<string, unknown>)[key];
  }
  return typeof cur === 'string' && cur !== '' ? cur : null;
}

/** The package is not on the npm registry: npx fetches it from the action's own repository. */
function cliCommand(env: NodeJS.ProcessEnv): string {
  const repository = env.GITHUB_ACTION_REPOSITORY;
  if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return 'npx staging-action';
  const ref = env.GITHUB_ACTION_REF ?? '';
  return `npx --yes github:${repository}${/^[\w./-]+$/.test(ref) ? `#${ref}` : ''}`;
}

function parseRequestTimeout(raw: string): number {
  const seconds = parseInteger('request-timeout', raw, DEFAULT_REQUEST_TIMEOUT_S);
  if (seconds < 1 || seconds > 600) {
    throw new InputError(
      `Invalid value '${raw}' for input 'request-timeout'. Expected whole seconds from 1 to 600.`
    );
  }
  return seconds;
}

export function readContext(inputs: InputSource, env: NodeJS.ProcessEnv): RunContext {
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  const repository = parseRepository(inputs.get('repository') || env.GITHUB_REPOSITORY || '');
  const runId = env.GITHUB_RUN_ID;
  return {
    repository,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, ''),
    serverUrl,
    dryRun: parseBoolean('dry-run', inputs.get('dry-run'), false),
    requestTimeoutMs: parseRequestTimeout(inputs.get('request-timeout')) * 1000,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runUrl: runId
      ? `${serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${runId}`
      : null,
    cliCommand: cliCommand(env)
  };
}
