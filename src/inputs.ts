import { readFileSync } from 'node:fs';
import { parseStageRef } from './deploy/ref.js';
import { workflowPathFromRef, type SelfIdentity } from './rebuild/gate.js';

/** Where input values come from: the action's `INPUT_*` variables, or the CLI's flags. */
export interface InputSource {
  /** The raw value, trimmed; '' when not set. */
  get(name: string): string;
}

export class InputError extends Error {
  override name = 'InputError';
}

export const MODES = ['rebuild', 'deploy', 'cleanup'] as const;
export type Mode = (typeof MODES)[number];
/** The design note's verbs, accepted by the CLI and the action alike. */
const MODE_ALIASES: Partial<Record<string, Mode>> = {
  'deploy-staging': 'deploy',
  'cleanup-staging': 'cleanup'
};

export interface Repository {
  owner: string;
  repo: string;
}

interface CommonSettings {
  githubToken: string;
  repository: Repository;
  apiUrl: string;
  serverUrl: string;
  dryRun: boolean;
  /** The checkout the action works in (GITHUB_WORKSPACE, else the current directory). */
  workspace: string;
  /** Link to this workflow run, for commit statuses; null outside Actions. */
  runUrl: string | null;
  /** How a person runs this action's CLI: from the action's own repository and ref when known. */
  cliCommand: string;
}

export interface RebuildSettings extends CommonSettings {
  mode: 'rebuild';
  /** null: the repository's default branch. */
  baseBranch: string | null;
  stagingBranch: string;
  ignoreChecks: string[];
  includeDrafts: boolean;
  includeForks: boolean;
  labels: string[];
  excludeLabels: string[];
  requireChecks: boolean;
  commitStatus: string | null;
  fluxSource: { namespace: string; name: string } | null;
  kubeconfig: string | null;
  self: SelfIdentity;
  /** Default branch named by the event payload, which saves a GraphQL query. */
  eventDefaultBranch: string | null;
  /** Set when the event is known to carry a read-only token (fork or Dependabot PR runs). */
  readOnlyReason: string | null;
}

export interface DeploySettings extends CommonSettings {
  mode: 'deploy';
  datasetId: string;
  version: string;
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

export interface CleanupSettings extends CommonSettings {
  mode: 'cleanup';
  datasetId: string;
  version: string;
  config: string;
  namespace: string | null;
  kubeconfig: string | null;
  sentry: { token: string; org: string; project: string | null; url: string } | null;
  /** A `delete` event for a branch that is not a stage branch: nothing to do. */
  notAStageBranch: string | null;
}

export type Settings = RebuildSettings | DeploySettings | CleanupSettings;

export const DEFAULT_CONFIG = '.github/staging.yml';

export function parseMode(raw: string): Mode {
  const value = raw.trim().toLowerCase();
  if (value === '') {
    throw new InputError(`Input 'mode' is required. Expected one of: ${MODES.join(', ')}.`);
  }
  const mode = MODE_ALIASES[value] ?? value;
  if ((MODES as readonly string[]).includes(mode)) return mode as Mode;
  throw new InputError(`Invalid mode '${raw}'. Expected one of: ${MODES.join(', ')}.`);
}

/** Strict YAML 1.2 core booleans, as `core.getBooleanInput` accepts them. */
export function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  if (raw === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new InputError(`Invalid value '${raw}' for input '${name}'. Expected true or false.`);
}

/**
 * Lists: one item per line, or comma-separated on a single line; trimmed; empties dropped.
 * A multi-line value is split on newlines only, so a matrix check such as
 * `CI / test (ubuntu-latest, 20)` stays one item.
 */
export function parseList(name: string, raw: string): string[] {
  const items = raw
    .split(raw.includes('\n') ? '\n' : ',')
    .map(s => s.trim())
    .filter(s => s !== '');
  for (const item of items) {
    if (/^[[\]"'{}]|[[\]"'{}]$/.test(item)) {
      throw new InputError(
        `Invalid list '${raw}' for input '${name}': '${item}' looks like YAML/JSON list syntax. ` +
          `Give one item per line (or comma-separated on one line), without brackets or quotes.`
      );
    }
  }
  return items;
}

/** Each rule: the name breaks it when `test` holds; checked in order, the first one is reported. */
const BRANCH_RULES: Array<[test: (branch: string) => boolean, problem: string]> = [
  [b => b === '', 'it is empty'],
  [b => b.startsWith('refs/'), "give the branch name without 'refs/heads/'"],
  [
    // eslint-disable-next-line no-control-regex
    b => /[\x00-\x20\x7f~^:?*[\\]/.test(b),
    'it contains a space, a control character or one of ~ ^ : ? * [ \\'
  ],
  // git allows these, but the staging branch is force-pushed by the action and its name ends up in
  // workflow `run:` steps and logs: a name that means something to a shell is refused.
  [b => /[$`;&|<>()'"]/.test(b), 'it contains a shell metacharacter ($ ` ; & | < > ( ) \' ")'],
  [
    b => b.startsWith('-') || b.startsWith('/') || b.endsWith('/'),
    "it starts with '-' or '/' or ends with '/'"
  ],
  [b => b.includes('..') || b.includes('//') || b.includes('@{'), "it contains '..', '//' or '@{'"],
  [b => b === '@' || b === 'HEAD', "'@' and 'HEAD' name the current commit, not a branch"],
  [
    b => b.endsWith('.') || b.split('/').some(c => c.startsWith('.') || c.endsWith('.lock')),
    "a component starts with '.' or ends with '.lock' or '.'"
  ]
];

/** `git check-ref-format --branch` rules, minus shell syntax: bad names fail before any work. */
export function validateBranchName(name: string, raw: string): string {
  const branch = raw.trim();
  const broken = BRANCH_RULES.find(([test]) => test(branch));
  if (broken) {
    throw new InputError(
      `Invalid branch name '${raw}' for input '${name}': ${broken[1]}. Expected a git branch name such as 'staging'.`
    );
  }
  return branch;
}

export function parseRepository(raw: string): Repository {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(raw.trim());
  if (!match) {
    throw new InputError(
      `Invalid repository '${raw}'. Expected format {owner}/{repo} (set GITHUB_REPOSITORY or --repository).`
    );
  }
  return { owner: match[1], repo: match[2] };
}

export function parseInteger(name: string, raw: string, fallback: number): number {
  if (raw === '') return fallback;
  if (!/^[+-]?\d+$/.test(raw)) {
    throw new InputError(`Invalid value '${raw}' for input '${name}'. Expected a whole number.`);
  }
  return Number(raw);
}

function parseFluxSource(raw: string): { namespace: string; name: string } | null {
  if (raw === '') return null;
  const match = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/([a-z0-9]([-.a-z0-9]*[a-z0-9])?)$/.exec(raw);
  if (!match) {
    throw new InputError(
      `Invalid flux-source '${raw}'. Expected {namespace}/{name} of a Flux GitRepository, e.g. flux-system/flux-system-staging.`
    );
  }
  return { namespace: match[1], name: match[3] };
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

function field(obj: unknown, ...path: string[]): unknown {
  let cur = obj;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Fork PRs and Dependabot get a read-only GITHUB_TOKEN on `pull_request` events. */
function readOnlyReason(env: NodeJS.ProcessEnv, event: Record<string, unknown>): string | null {
  const name = env.GITHUB_EVENT_NAME;
  if (name !== 'pull_request' && name !== 'pull_request_review') return null;
  const head = str(field(event, 'pull_request', 'head', 'repo', 'full_name'));
  const base = str(field(event, 'pull_request', 'base', 'repo', 'full_name'));
  if (head && base && head !== base) {
    return `this ${name} run comes from the fork ${head}`;
  }
  if (env.GITHUB_ACTOR === 'dependabot[bot]') return `this ${name} run was started by Dependabot`;
  return null;
}

/** The package is not on the npm registry: npx fetches it from the action's own repository. */
function cliCommand(env: NodeJS.ProcessEnv): string {
  const repository = env.GITHUB_ACTION_REPOSITORY;
  if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return 'npx staging-action';
  const ref = env.GITHUB_ACTION_REF ?? '';
  return `npx --yes github:${repository}${/^[\w./-]+$/.test(ref) ? `#${ref}` : ''}`;
}

function common(inputs: InputSource, env: NodeJS.ProcessEnv): CommonSettings {
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  const repository = parseRepository(inputs.get('repository') || env.GITHUB_REPOSITORY || '');
  const runId = env.GITHUB_RUN_ID;
  return {
    githubToken: inputs.get('github-token'),
    repository,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, ''),
    serverUrl,
    dryRun: parseBoolean('dry-run', inputs.get('dry-run'), false),
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runUrl: runId
      ? `${serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${runId}`
      : null,
    cliCommand: cliCommand(env)
  };
}

function optionalBranch(name: string, raw: string): string | null {
  return raw === '' ? null : validateBranchName(name, raw);
}

function readRebuild(inputs: InputSource, env: NodeJS.ProcessEnv): RebuildSettings {
  const event = readEvent(env);
  const base = common(inputs, env);
  const baseBranch = optionalBranch('base-branch', inputs.get('base-branch'));
  const stagingBranch = validateBranchName(
    'staging-branch',
    inputs.get('staging-branch') || 'staging'
  );
  const eventDefaultBranch = str(field(event, 'repository', 'default_branch'));
  if (stagingBranch === (baseBranch ?? eventDefaultBranch)) {
    throw new InputError(
      `staging-branch and base-branch are both '${stagingBranch}'. The staging branch is rebuilt and force-pushed on every run: it must be a separate branch such as 'staging'.`
    );
  }
  const commitStatus = inputs.get('commit-status');
  if (!base.githubToken) {
    throw new InputError(
      "Input 'github-token' is empty. Pass a token with contents: write (the default is the workflow's GITHUB_TOKEN)."
    );
  }
  return {
    ...base,
    mode: 'rebuild',
    baseBranch,
    stagingBranch,
    ignoreChecks: parseList('ignore-checks', inputs.get('ignore-checks')),
    includeDrafts: parseBoolean('include-drafts', inputs.get('include-drafts'), false),
    includeForks: parseBoolean('include-forks', inputs.get('include-forks'), false),
    labels: parseList('labels', inputs.get('labels')),
    excludeLabels: parseList('exclude-labels', inputs.get('exclude-labels')),
    requireChecks: parseBoolean('require-checks', inputs.get('require-checks'), false),
    commitStatus: commitStatus === '' ? null : commitStatus,
    fluxSource: parseFluxSource(inputs.get('flux-source')),
    kubeconfig: inputs.get('kubeconfig') || null,
    self: {
      workflowPath: env.GITHUB_WORKFLOW_REF ? workflowPathFromRef(env.GITHUB_WORKFLOW_REF) : null,
      workflowName: env.GITHUB_WORKFLOW || null,
      statusContext: commitStatus === '' ? null : commitStatus
    },
    eventDefaultBranch,
    readOnlyReason: readOnlyReason(env, event)
  };
}

/** `refs/heads/stage/{id}/v{version}` or a `delete` event's short ref; null when neither applies. */
function stageRefFromEvent(env: NodeJS.ProcessEnv, event: Record<string, unknown>): string | null {
  if (env.GITHUB_EVENT_NAME === 'delete') {
    const ref = str(field(event, 'ref'));
    // `on: delete` fires for tags too: a tag is never a stage branch, so nothing to clean up.
    if (ref !== null && field(event, 'ref_type') === 'tag') return `refs/tags/${ref}`;
    return field(event, 'ref_type') === 'branch' ? ref : null;
  }
  return env.GITHUB_REF || null;
}

function datasetAndVersion(
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

function readDeploy(inputs: InputSource, env: NodeJS.ProcessEnv): DeploySettings {
  const event = readEvent(env);
  const base = common(inputs, env);
  const { datasetId, version } = datasetAndVersion(inputs, env.GITHUB_REF || null);
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
    datasetId,
    version,
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
    eventDefaultBranch: str(field(event, 'repository', 'default_branch'))
  };
}

function readCleanup(inputs: InputSource, env: NodeJS.ProcessEnv): CleanupSettings {
  const event = readEvent(env);
  const base = common(inputs, env);
  const ref = stageRefFromEvent(env, event);
  const explicit = inputs.get('dataset-id') !== '' && inputs.get('version') !== '';
  const isDelete = env.GITHUB_EVENT_NAME === 'delete';
  const notAStageBranch =
    !explicit && isDelete && ref !== null && !ref.startsWith('stage/') ? ref : null;
  const { datasetId, version } = notAStageBranch
    ? { datasetId: '', version: '' }
    : datasetAndVersion(inputs, ref);
  const token = inputs.get('sentry-auth-token');
  const org = inputs.get('sentry-org');
  if (token && !org) {
    throw new InputError("Input 'sentry-org' is required with 'sentry-auth-token'.");
  }
  return {
    ...base,
    mode: 'cleanup',
    datasetId,
    version,
    config: inputs.get('config') || DEFAULT_CONFIG,
    namespace: inputs.get('namespace') || null,
    kubeconfig: inputs.get('kubeconfig') || null,
    sentry: token
      ? {
          token,
          org,
          project: inputs.get('sentry-project') || null,
          url: (inputs.get('sentry-url') || 'https://sentry.io').replace(/\/$/, '')
        }
      : null,
    notAStageBranch
  };
}

/** Reads every input once into the typed settings of the selected mode. */
export function readSettings(inputs: InputSource, env: NodeJS.ProcessEnv): Settings {
  const mode = parseMode(inputs.get('mode'));
  switch (mode) {
    case 'rebuild':
      return readRebuild(inputs, env);
    case 'deploy':
      return readDeploy(inputs, env);
    case 'cleanup':
      return readCleanup(inputs, env);
  }
}
