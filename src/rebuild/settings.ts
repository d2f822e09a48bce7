// rebuild's settings: every input it reads, parsed once into a typed object.
import { readContext, eventString, readEvent, type RunContext } from '../inputs/context.js';
import {
  InputError,
  optionalBranch,
  parseBoolean,
  parseInteger,
  parseList,
  validateBranchName,
  type InputSource
} from '../inputs/parse.js';
import { isDnsLabel, isDnsSubdomain } from '../kube/rules.js';
import { parseDuration } from '../util/duration.js';
import type { SelfIdentity } from './gate.js';
import type { VerifySettings } from './verify.js';

export interface RebuildSettings extends RunContext {
  mode: 'rebuild';
  githubToken: string;
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
  /** With `verify-command`: the check of the combined tree before it is pushed. */
  verify: VerifySettings | null;
  /** `argocd-application`: the Argo CD Application to refresh after a push. */
  argocdApplication: { namespace: string; name: string } | null;
  /** `dispatch-workflows`: workflow files (`deploy.yml`) or names to dispatch on staging after a push. */
  dispatchWorkflows: string[];
  kubeconfig: string | null;
  self: SelfIdentity;
  /** Default branch named by the event payload, which saves a GraphQL query. */
  eventDefaultBranch: string | null;
  /** Set when the event is known to carry a read-only token (fork or Dependabot PR runs). */
  readOnlyReason: string | null;
}

/**
 * `.github/workflows/staging.yml` from GITHUB_WORKFLOW_REF
 * (`octo/repo/.github/workflows/staging.yml@refs/heads/main`); null when it has no path.
 */
export function workflowPathFromRef(workflowRef: string): string | null {
  const withoutRepo = workflowRef.split('/').slice(2).join('/');
  const at = withoutRepo.indexOf('@refs/');
  const path = at >= 0 ? withoutRepo.slice(0, at) : withoutRepo.replace(/@[^@]*$/, '');
  return path === '' ? null : path;
}

/** `namespace/name` of a namespaced object: a DNS-1123 label and a DNS-1123 subdomain. */
function parseObjectRef(
  input: string,
  raw: string,
  expected: string
): { namespace: string; name: string } | null {
  if (raw === '') return null;
  const [namespace = '', name = '', ...rest] = raw.split('/');
  if (rest.length > 0 || !isDnsLabel(namespace) || !isDnsSubdomain(name)) {
    throw new InputError(`Invalid ${input} '${raw}'. Expected {namespace}/{name} of ${expected}.`);
  }
  return { namespace, name };
}

const DEFAULT_VERIFY_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_VERIFY_MAX_RUNS = 8;

function parseVerify(inputs: InputSource): VerifySettings | null {
  const command = inputs.get('verify-command');
  const timeoutMs = parseDuration('verify-timeout', inputs.get('verify-timeout'));
  const maxRuns = parseInteger(
    'verify-max-runs',
    inputs.get('verify-max-runs'),
    DEFAULT_VERIFY_MAX_RUNS
  );
  if (maxRuns < 1 || maxRuns > 100) {
    throw new InputError(
      `Invalid verify-max-runs '${maxRuns}': expected 1 to 100 (each run is one verify-command in a temporary worktree).`
    );
  }
  if (command.trim() === '') return null;
  return { command, timeoutMs: timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS, maxRuns };
}

/** Workflow files are dispatched by file name; `.github/workflows/x.yml` is accepted as `x.yml`. */
function parseDispatchWorkflows(raw: string): string[] {
  const items = parseList('dispatch-workflows', raw).map(w =>
    w.replace(/^\.?\/?\.github\/workflows\//, '')
  );
  for (const item of items) {
    if (/\.ya?ml$/.test(item) && item.includes('/')) {
      throw new InputError(
        `Invalid dispatch-workflows entry '${item}': a workflow file lives directly in .github/workflows; give its file name (e.g. deploy-staging.yml) or the workflow's name.`
      );
    }
  }
  return [...new Set(items)];
}

/** Fork PRs and Dependabot get a read-only GITHUB_TOKEN on `pull_request` events. */
function readOnlyReason(env: NodeJS.ProcessEnv, event: Record<string, unknown>): string | null {
  const name = env.GITHUB_EVENT_NAME;
  if (name !== 'pull_request' && name !== 'pull_request_review') return null;
  const head = eventString(event, 'pull_request', 'head', 'repo', 'full_name');
  const base = eventString(event, 'pull_request', 'base', 'repo', 'full_name');
  if (head && base && head !== base) {
    return `this ${name} run comes from the fork ${head}`;
  }
  if (env.GITHUB_ACTOR === 'dependabot[bot]') return `this ${name} run was started by Dependabot`;
  return null;
}

/** Force-pushing the default branch would replace it with base + PRs: never the staging branch. */
export function defaultBranchError(branch: string): InputError {
  return new InputError(
    `staging-branch '${branch}' is the repository's default branch. The staging branch is force-pushed on every run, which would replace it: use a separate branch such as 'staging'.`
  );
}

export function readRebuildSettings(inputs: InputSource, env: NodeJS.ProcessEnv): RebuildSettings {
  const event = readEvent(env);
  const base = readContext(inputs, env);
  const baseBranch = optionalBranch('base-branch', inputs.get('base-branch'));
  const stagingBranch = validateBranchName(
    'staging-branch',
    inputs.get('staging-branch') || 'staging'
  );
  const eventDefaultBranch = eventString(event, 'repository', 'default_branch');
  if (stagingBranch === (baseBranch ?? eventDefaultBranch)) {
    throw new InputError(
      `staging-branch and base-branch are both '${stagingBranch}'. The staging branch is rebuilt and force-pushed on every run: it must be a separate branch such as 'staging'.`
    );
  }
  if (stagingBranch === eventDefaultBranch) throw defaultBranchError(stagingBranch);
  const commitStatus = inputs.get('commit-status');
  const githubToken = inputs.get('github-token');
  if (!githubToken) {
    throw new InputError(
      "Input 'github-token' is empty. Pass a token with contents: write (the default is the workflow's GITHUB_TOKEN)."
    );
  }
  return {
    ...base,
    mode: 'rebuild',
    githubToken,
    baseBranch,
    stagingBranch,
    ignoreChecks: parseList('ignore-checks', inputs.get('ignore-checks')),
    includeDrafts: parseBoolean('include-drafts', inputs.get('include-drafts'), false),
    includeForks: parseBoolean('include-forks', inputs.get('include-forks'), false),
    labels: parseList('labels', inputs.get('labels')),
    excludeLabels: parseList('exclude-labels', inputs.get('exclude-labels')),
    requireChecks: parseBoolean('require-checks', inputs.get('require-checks'), false),
    commitStatus: commitStatus === '' ? null : commitStatus,
    verify: parseVerify(inputs),
    fluxSource: parseObjectRef(
      'flux-source',
      inputs.get('flux-source'),
      'a Flux GitRepository, e.g. flux-system/flux-system-staging'
    ),
    argocdApplication: parseObjectRef(
      'argocd-application',
      inputs.get('argocd-application'),
      'an Argo CD Application, e.g. argocd/app-staging'
    ),
    dispatchWorkflows: parseDispatchWorkflows(inputs.get('dispatch-workflows')),
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
