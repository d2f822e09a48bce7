// What every mode knows about the run it is in: the repository, the API endpoints, the workspace,
// the event payload. Read from the GITHUB_* environment (or the CLI's flags) once.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

/**
 * The package is not on the npm registry (and `npx staging-action` would fetch whatever package
 * owns that name there): npx fetches it from the action's own repository at the ref the workflow
 * uses. `uses: ./` at the root of a checkout runs this repository at the checked-out commit.
 * Anywhere else (the CLI, an action in a subfolder) it is the bin's name, as the README installs it.
 */
export function cliCommand(env: NodeJS.ProcessEnv): string {
  const ref = (value: string | undefined): string =>
    value && /^[\w./-]+$/.test(value) && !value.startsWith('-') ? `#${value}` : '';
  const action = env.GITHUB_ACTION_REPOSITORY;
  if (action && REPOSITORY.test(action)) {
    return `npx --yes github:${action}${ref(env.GITHUB_ACTION_REF)}`;
  }
  const self = env.GITHUB_REPOSITORY;
  const local = env.GITHUB_ACTION_PATH && env.GITHUB_WORKSPACE;
  if (
    local &&
    resolve(env.GITHUB_ACTION_PATH ?? '') === resolve(env.GITHUB_WORKSPACE ?? '') &&
    self &&
    REPOSITORY.test(self) &&
    /^[0-9a-f]{40}$/.test(env.GITHUB_SHA ?? '')
  ) {
    return `npx --yes github:${self}${ref(env.GITHUB_SHA)}`;
  }
  return 'staging-action';
}

const REPOSITORY = /^[\w.-]+\/[\w.-]+$/;

/** Web pages of the repository a run works on, for links in the job summary. */
export interface WebLinks {
  pullRequest(number: number): string;
  /** The PR's checks tab: its workflow runs and other checks. */
  checks(number: number): string;
  commit(sha: string): string;
  branch(name: string): string;
}

export function webLinks(context: Pick<RunContext, 'serverUrl' | 'repository'>): WebLinks {
  const repo = `${context.serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(context.repository.owner)}/${encodeURIComponent(context.repository.repo)}`;
  return {
    pullRequest: number => `${repo}/pull/${number}`,
    checks: number => `${repo}/pull/${number}/checks`,
    commit: sha => `${repo}/commit/${encodeURIComponent(sha)}`,
    branch: name => `${repo}/tree/${name.split('/').map(encodeURIComponent).join('/')}`
  };
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
