// Every input is read once, up front: a typo must fail the run before any git or API work, with a
// message that names the input and says what was expected.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCleanupSettings, type CleanupSettings } from '../../src/cleanup/settings.js';
import { readDeploySettings, type DeploySettings } from '../../src/deploy/settings.js';
import {
  InputError,
  parseBoolean,
  parseList,
  validateBranchName,
  type InputSource
} from '../../src/inputs/parse.js';
import { parseMode } from '../../src/mode.js';
import { readRebuildSettings, type RebuildSettings } from '../../src/rebuild/settings.js';
import { readStatusSettings, type StatusSettings } from '../../src/status/settings.js';
import { readSweepSettings, type SweepSettings } from '../../src/sweep/settings.js';
import { readTriggerSettings, type TriggerSettings } from '../../src/trigger/settings.js';

type Settings =
  | RebuildSettings
  | DeploySettings
  | CleanupSettings
  | StatusSettings
  | TriggerSettings
  | SweepSettings;
// What main.ts does through the mode table, without loading the modes' I/O.
const READERS = {
  rebuild: readRebuildSettings,
  deploy: readDeploySettings,
  cleanup: readCleanupSettings,
  status: readStatusSettings,
  trigger: readTriggerSettings,
  sweep: readSweepSettings
};

const SHA = '0123456789abcdef0123456789abcdef01234567';
const STAGE_REF = 'refs/heads/stage/noaa-gfs-forecast/v0.3.0';
const BASE_ENV = { GITHUB_REPOSITORY: 'octo/app', GITHUB_WORKSPACE: '/work/checkout' };

let dir = '';
let events = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'staging-inputs-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Inputs as the runner hands them over: trimmed, '' when not set. */
function source(values: Record<string, string>): InputSource {
  return { get: name => (values[name] ?? '').trim() };
}

/** Writes an event payload where GITHUB_EVENT_PATH points in a real run. */
function eventFile(payload: unknown): string {
  const file = join(dir, `event-${++events}.json`);
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

function read(values: Record<string, string>, env: NodeJS.ProcessEnv = {}): Settings {
  return READERS[parseMode(values.mode ?? '')](source(values), { ...BASE_ENV, ...env });
}

function rebuild(
  values: Record<string, string> = {},
  env: NodeJS.ProcessEnv = {}
): RebuildSettings {
  const settings = read({ mode: 'rebuild', 'github-token': 'ghs_token', ...values }, env);
  if (settings.mode !== 'rebuild') throw new Error(`expected rebuild, got ${settings.mode}`);
  return settings;
}

function deploy(values: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}): DeploySettings {
  const settings = read(
    {
      mode: 'deploy',
      'github-token': 'ghs_token',
      'image-repository': 'ghcr.io/octo/app',
      ...values
    },
    { GITHUB_REF: STAGE_REF, GITHUB_SHA: SHA, ...env }
  );
  if (settings.mode !== 'deploy') throw new Error(`expected deploy, got ${settings.mode}`);
  return settings;
}

function cleanup(
  values: Record<string, string> = {},
  env: NodeJS.ProcessEnv = {}
): CleanupSettings {
  const settings = read({ mode: 'cleanup', 'github-token': 'ghs_token', ...values }, env);
  if (settings.mode !== 'cleanup') throw new Error(`expected cleanup, got ${settings.mode}`);
  return settings;
}

/** A `delete` event, as GitHub sends it when a branch or tag is deleted. */
function deleteEnv(ref: string, refType = 'branch'): NodeJS.ProcessEnv {
  return {
    GITHUB_EVENT_NAME: 'delete',
    // On delete events GITHUB_REF is the default branch, not the deleted one.
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_PATH: eventFile({
      ref,
      ref_type: refType,
      repository: { full_name: 'octo/app', default_branch: 'main' }
    })
  };
}

describe('mode', () => {
  it('is required, and the error lists the modes', () => {
    expect(() => read({})).toThrow(
      new InputError(
        "Input 'mode' is required. Expected one of: rebuild, deploy, cleanup, status, trigger, sweep."
      )
    );
  });

  it('rejects an unknown mode with the modes it accepts', () => {
    expect(() => read({ mode: 'rebiuld' })).toThrow(
      "Invalid mode 'rebiuld'. Expected one of: rebuild, deploy, cleanup, status, trigger, sweep."
    );
    expect(() => read({ mode: 'rebiuld' })).toThrow(InputError);
  });

  it('accepts the design note aliases and any case', () => {
    expect(parseMode('deploy-staging')).toBe('deploy');
    expect(parseMode('cleanup-staging')).toBe('cleanup');
    expect(parseMode('Rebuild')).toBe('rebuild');
    expect(parseMode('CLEANUP-STAGING')).toBe('cleanup');
    expect(deploy({ mode: 'Deploy-Staging' }).mode).toBe('deploy');
    expect(cleanup({ mode: 'cleanup-staging', 'dataset-id': 'x', version: '1.0.0' }).mode).toBe(
      'cleanup'
    );
  });
});

describe('booleans', () => {
  it('accepts the YAML 1.2 core spellings and defaults to false', () => {
    for (const raw of ['true', 'True', 'TRUE'])
      expect(parseBoolean('dry-run', raw, false)).toBe(true);
    for (const raw of ['false', 'False', 'FALSE']) {
      expect(parseBoolean('dry-run', raw, true)).toBe(false);
    }
    const s = rebuild({ 'include-drafts': 'True', 'require-checks': 'TRUE', 'dry-run': 'false' });
    expect(s).toMatchObject({
      includeDrafts: true,
      requireChecks: true,
      includeForks: false,
      dryRun: false
    });
  });

  it('rejects yes/no/1 naming the input', () => {
    expect(() => rebuild({ 'include-forks': 'yes' })).toThrow(
      "Invalid value 'yes' for input 'include-forks'. Expected true or false."
    );
    expect(() => rebuild({ 'dry-run': '1' })).toThrow(/input 'dry-run'/);
    expect(() => parseBoolean('require-checks', 'tRuE', false)).toThrow(InputError);
  });
});

describe('lists', () => {
  it('splits on newlines, or on commas within one line; trims and drops empties', () => {
    const s = rebuild({
      'ignore-checks': 'codecov/*\n  CI / test (ubuntu-latest, 20) \n\n e2e-*  \n',
      labels: 'staging,  ready ',
      'exclude-labels': ''
    });
    // A matrix job's name keeps its comma when items are given one per line.
    expect(s.ignoreChecks).toEqual(['codecov/*', 'CI / test (ubuntu-latest, 20)', 'e2e-*']);
    expect(s.labels).toEqual(['staging', 'ready']);
    expect(s.excludeLabels).toEqual([]);
  });

  it('rejects YAML/JSON list syntax naming the input', () => {
    expect(() => rebuild({ labels: '[a, b]' })).toThrow(
      /Invalid list '\[a, b\]' for input 'labels'.*without brackets or quotes/
    );
    expect(() => rebuild({ 'ignore-checks': '"a"' })).toThrow(/input 'ignore-checks'/);
    expect(() => parseList('exclude-labels', "- 'wip'")).toThrow(InputError);
  });
});

describe('branch names', () => {
  it('defaults the staging branch to staging', () => {
    expect(rebuild().stagingBranch).toBe('staging');
    expect(rebuild({ 'staging-branch': '' }).stagingBranch).toBe('staging');
    expect(rebuild().baseBranch).toBeNull();
  });

  it('accepts ordinary branch names', () => {
    for (const name of ['staging', 'release/1.x', 'user/JIRA-12_fix', 'env/staging-2']) {
      expect(validateBranchName('staging-branch', name)).toBe(name);
    }
    expect(rebuild({ 'base-branch': 'develop', 'staging-branch': 'env/staging' })).toMatchObject({
      baseBranch: 'develop',
      stagingBranch: 'env/staging'
    });
  });

  it('refuses a name component too long for a ref file, counting bytes, not characters', () => {
    expect(validateBranchName('staging-branch', 'x'.repeat(250))).toHaveLength(250);
    expect(() => validateBranchName('staging-branch', 'x'.repeat(251))).toThrow(
      /component of it is 251 bytes long; .* at most 250 bytes/
    );
    // 130 two-byte characters: 260 bytes.
    expect(() => validateBranchName('base-branch', `env/${'é'.repeat(130)}`)).toThrow(
      /is 260 bytes long/
    );
    expect(() => rebuild({ 'staging-branch': 's'.repeat(300) })).toThrow(
      /Invalid branch name 's{60}…' for input 'staging-branch': a component of it is 300 bytes/
    );
  });

  it.each([
    'a..b',
    '-x',
    'a b',
    'x.lock',
    'refs/heads/x',
    'a~1',
    'feature/',
    '.hidden',
    'a//b',
    'a@{1}',
    '@',
    'HEAD',
    '$(id)',
    'staging;id',
    'a`id`',
    'a|b',
    'a&b',
    'a>b',
    "it's"
  ])('rejects %j naming the input', name => {
    expect(() => rebuild({ 'staging-branch': name })).toThrow(
      new RegExp(`^Invalid branch name .* for input 'staging-branch': .*Expected a git branch name`)
    );
    expect(() => rebuild({ 'base-branch': name })).toThrow(/for input 'base-branch'/);
  });

  it('refuses a staging branch equal to the explicit base branch', () => {
    expect(() => rebuild({ 'base-branch': 'main', 'staging-branch': 'main' })).toThrow(
      /staging-branch and base-branch are both 'main'/
    );
  });

  it("refuses a staging branch equal to the event's default branch", () => {
    const env = { GITHUB_EVENT_PATH: eventFile({ repository: { default_branch: 'trunk' } }) };
    expect(() => rebuild({ 'staging-branch': 'trunk' }, env)).toThrow(
      /both 'trunk'.*must be a separate branch/
    );
    // Not even with another base: force-pushing it would replace the default branch.
    expect(() => rebuild({ 'staging-branch': 'trunk', 'base-branch': 'main' }, env)).toThrow(
      /staging-branch 'trunk' is the repository's default branch/
    );
    expect(rebuild({}, env).eventDefaultBranch).toBe('trunk');
  });
});

describe('repository and run links', () => {
  it('comes from GITHUB_REPOSITORY, with the run URL and API URL', () => {
    const s = rebuild(
      {},
      {
        GITHUB_REPOSITORY: 'my-org/my.app_2',
        GITHUB_RUN_ID: '42',
        GITHUB_SERVER_URL: 'https://ghe.example.com',
        GITHUB_API_URL: 'https://ghe.example.com/api/v3/'
      }
    );
    expect(s.repository).toEqual({ owner: 'my-org', repo: 'my.app_2' });
    expect(s.runUrl).toBe('https://ghe.example.com/my-org/my.app_2/actions/runs/42');
    expect(s.apiUrl).toBe('https://ghe.example.com/api/v3');
    expect(s.workspace).toBe('/work/checkout');
  });

  it('has no run URL outside Actions and defaults to github.com', () => {
    const s = rebuild();
    expect(s.runUrl).toBeNull();
    expect(s.apiUrl).toBe('https://api.github.com');
    expect(s.serverUrl).toBe('https://github.com');
  });

  it.each(['', 'octo', 'octo/app/extra', 'octo/ app', 'https://github.com/octo/app'])(
    'rejects %j with the expected format',
    repository => {
      expect(() => rebuild({}, { GITHUB_REPOSITORY: repository })).toThrow(
        /Expected format \{owner\}\/\{repo\}/
      );
    }
  );
});

describe('rebuild', () => {
  it('knows its own workflow and commit status, so it can ignore its own checks', () => {
    const s = rebuild(
      { 'commit-status': 'staging' },
      {
        GITHUB_WORKFLOW_REF: 'octo/app/.github/workflows/staging.yml@refs/heads/main',
        GITHUB_WORKFLOW: 'Staging'
      }
    );
    expect(s.self).toEqual({
      workflowPath: '.github/workflows/staging.yml',
      workflowName: 'Staging',
      statusContext: 'staging'
    });
    expect(s.commitStatus).toBe('staging');
  });

  it('has no identity outside Actions and no commit status by default', () => {
    const s = rebuild();
    expect(s.self).toEqual({ workflowPath: null, workflowName: null, statusContext: null });
    expect(s.commitStatus).toBeNull();
    expect(s.kubeconfig).toBeNull();
    expect(s.fluxSource).toBeNull();
  });

  it('requires a github-token', () => {
    expect(() => rebuild({ 'github-token': '' })).toThrow(/Input 'github-token' is empty/);
  });

  it('parses flux-source as namespace/name', () => {
    expect(rebuild({ 'flux-source': 'flux-system/flux-system-staging' }).fluxSource).toEqual({
      namespace: 'flux-system',
      name: 'flux-system-staging'
    });
    for (const bad of ['bad', 'a/b/c', 'Flux/Source', '/name']) {
      expect(() => rebuild({ 'flux-source': bad })).toThrow(/Invalid flux-source.*\{namespace\}/);
    }
  });

  it('parses argocd-application as namespace/name, refusing anything else', () => {
    expect(rebuild({ 'argocd-application': 'argocd/app-staging' }).argocdApplication).toEqual({
      namespace: 'argocd',
      name: 'app-staging'
    });
    expect(rebuild().argocdApplication).toBeNull();
    for (const bad of ['app', 'a/b/c', 'Argo/App_1', 'argocd/']) {
      expect(() => rebuild({ 'argocd-application': bad })).toThrow(
        /Invalid argocd-application.*\{namespace\}\/\{name\} of an Argo CD Application/
      );
    }
  });

  it('reads dispatch-workflows as files and names, a workflows path as its file name', () => {
    expect(rebuild().dispatchWorkflows).toEqual([]);
    expect(
      rebuild({
        'dispatch-workflows': '.github/workflows/deploy.yml\nDeploy staging\ne2e.yaml\ndeploy.yml'
      }).dispatchWorkflows
    ).toEqual(['deploy.yml', 'Deploy staging', 'e2e.yaml']);
    expect(() => rebuild({ 'dispatch-workflows': 'ci/deploy.yml' })).toThrow(
      /Invalid dispatch-workflows entry 'ci\/deploy.yml'/
    );
  });

  describe('read-only token detection', () => {
    function pullRequest(head: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
      return {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventFile({
          pull_request: {
            head: { repo: { full_name: head } },
            base: { repo: { full_name: 'octo/app' } }
          },
          repository: { default_branch: 'main' }
        }),
        ...extra
      };
    }

    it('flags a pull_request run from a fork', () => {
      expect(rebuild({}, pullRequest('someone/app')).readOnlyReason).toMatch(
        /from the fork someone\/app/
      );
    });

    it('flags a pull_request run started by Dependabot', () => {
      const env = pullRequest('octo/app', { GITHUB_ACTOR: 'dependabot[bot]' });
      expect(rebuild({}, env).readOnlyReason).toMatch(/Dependabot/);
    });

    it('lets a same-repository pull_request run through', () => {
      expect(
        rebuild({}, pullRequest('octo/app', { GITHUB_ACTOR: 'alice' })).readOnlyReason
      ).toBeNull();
    });

    it.each(['push', 'workflow_run', 'schedule'])('never flags %s runs', eventName => {
      const env = {
        ...pullRequest('someone/app', { GITHUB_ACTOR: 'dependabot[bot]' }),
        GITHUB_EVENT_NAME: eventName
      };
      expect(rebuild({}, env).readOnlyReason).toBeNull();
    });
  });
});

describe('deploy', () => {
  it('reads the dataset and version from the stage branch and defaults the image to the SHA', () => {
    expect(deploy()).toMatchObject({
      mode: 'deploy',
      datasetId: 'noaa-gfs-forecast',
      version: '0.3.0',
      dockerImage: null,
      imageRepository: 'ghcr.io/octo/app',
      sha: SHA,
      config: '.github/staging.yml',
      namespace: null,
      kubeconfig: null,
      scheduleOffsetMinutes: 0,
      baseBranch: null
    });
  });

  it('lets explicit inputs win over the ref, one at a time', () => {
    expect(deploy({ 'dataset-id': 'other', version: '1.0.0-rc.1' })).toMatchObject({
      datasetId: 'other',
      version: '1.0.0-rc.1'
    });
    expect(deploy({ version: '0.4.0' })).toMatchObject({
      datasetId: 'noaa-gfs-forecast',
      version: '0.4.0'
    });
    // Explicit inputs need no stage ref at all.
    expect(
      deploy({ 'dataset-id': 'other', version: '1.0.0' }, { GITHUB_REF: 'refs/heads/main' })
    ).toMatchObject({ datasetId: 'other', version: '1.0.0' });
  });

  it('rejects a run on a branch that is not a stage branch', () => {
    expect(() => deploy({}, { GITHUB_REF: 'refs/heads/main' })).toThrow(
      /Branch "refs\/heads\/main" is not a staging branch.*stage\/\{dataset_id\}\/v/
    );
    expect(() => deploy({}, { GITHUB_REF: 'refs/heads/stage/noaa-gfs-forecast/0.3.0' })).toThrow(
      /must start with "v"/
    );
    expect(() => deploy({}, { GITHUB_REF: '' })).toThrow(/'dataset-id' and 'version' are required/);
  });

  it('needs docker-image, or image-repository and a full commit SHA', () => {
    expect(() => deploy({ 'image-repository': '' })).toThrow(/Set 'docker-image'/);
    expect(() => deploy({}, { GITHUB_SHA: 'abc1234' })).toThrow(
      /the commit SHA 'abc1234' is not a full 40-character SHA/
    );
    expect(deploy({ sha: 'f'.repeat(40) }, { GITHUB_SHA: '' }).sha).toBe('f'.repeat(40));
    const explicit = deploy(
      { 'docker-image': 'ghcr.io/octo/app:v1', 'image-repository': '' },
      { GITHUB_SHA: '' }
    );
    expect(explicit.dockerImage).toBe('ghcr.io/octo/app:v1');
  });

  it('parses schedule-offset-minutes as a whole number', () => {
    expect(deploy({ 'schedule-offset-minutes': '15' }).scheduleOffsetMinutes).toBe(15);
    expect(deploy({ 'schedule-offset-minutes': '-30' }).scheduleOffsetMinutes).toBe(-30);
    expect(deploy({ 'schedule-offset-minutes': '+5' }).scheduleOffsetMinutes).toBe(5);
    for (const bad of ['1.5', 'ten', '5m', '0x10']) {
      expect(() => deploy({ 'schedule-offset-minutes': bad })).toThrow(
        `Invalid value '${bad}' for input 'schedule-offset-minutes'. Expected a whole number.`
      );
    }
  });

  it('passes config, namespace, kubeconfig and base branch through', () => {
    const env = { GITHUB_EVENT_PATH: eventFile({ repository: { default_branch: 'main' } }) };
    const s = deploy(
      {
        config: 'deploy/staging.yml',
        namespace: 'data',
        kubeconfig: 'apiVersion: v1\n',
        'base-branch': 'develop'
      },
      env
    );
    expect(s).toMatchObject({
      config: 'deploy/staging.yml',
      namespace: 'data',
      kubeconfig: 'apiVersion: v1',
      baseBranch: 'develop',
      eventDefaultBranch: 'main'
    });
    expect(() => deploy({ 'base-branch': 'a..b' })).toThrow(/input 'base-branch'/);
  });
});

describe('cleanup', () => {
  it('reads the dataset and version from a delete event', () => {
    expect(cleanup({}, deleteEnv('stage/x/v1.2.3'))).toMatchObject({
      mode: 'cleanup',
      datasetId: 'x',
      version: '1.2.3',
      notAStageBranch: null,
      config: '.github/staging.yml',
      sentry: null
    });
  });

  it('does nothing, without failing, for a deleted branch that is not a stage branch', () => {
    const s = cleanup({}, deleteEnv('feature/login'));
    expect(s).toMatchObject({ notAStageBranch: 'feature/login' });
    expect('datasetId' in s || 'version' in s).toBe(false);
  });

  it('does nothing, without failing, for a deleted tag', () => {
    const s = cleanup({}, deleteEnv('v1.2.3', 'tag'));
    expect(s.notAStageBranch).toBe('refs/tags/v1.2.3');
    expect('datasetId' in s).toBe(false);
  });

  it('rejects a deleted branch that looks like a stage branch but is malformed', () => {
    expect(() => cleanup({}, deleteEnv('stage/Bad_Id/v1.2.3'))).toThrow(/not a staging branch/);
  });

  it('uses explicit inputs over any event', () => {
    expect(cleanup({ 'dataset-id': 'y', version: '2.0.0' }, deleteEnv('feature/x'))).toMatchObject({
      datasetId: 'y',
      version: '2.0.0',
      notAStageBranch: null
    });
  });

  it('reads a workflow_dispatch run on a stage branch from GITHUB_REF', () => {
    const env = { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: STAGE_REF };
    expect(cleanup({}, env)).toMatchObject({ datasetId: 'noaa-gfs-forecast', version: '0.3.0' });
  });

  it('requires sentry-org with sentry-auth-token', () => {
    const env = deleteEnv('stage/x/v1.2.3');
    expect(() => cleanup({ 'sentry-auth-token': 'sntrys_abc' }, env)).toThrow(
      "Input 'sentry-org' is required with 'sentry-auth-token'."
    );
  });

  it('defaults sentry-url to sentry.io and drops a trailing slash', () => {
    const env = deleteEnv('stage/x/v1.2.3');
    expect(
      cleanup({ 'sentry-auth-token': 'sntrys_abc', 'sentry-org': 'acme' }, env).sentry
    ).toEqual({
      token: 'sntrys_abc',
      org: 'acme',
      project: null,
      url: 'https://sentry.io',
      timeoutMs: 30_000
    });
    const custom = cleanup(
      {
        'sentry-auth-token': 'sntrys_abc',
        'sentry-org': 'acme',
        'sentry-project': 'pipelines',
        'sentry-url': 'https://sentry.example.com/'
      },
      env
    );
    expect(custom.sentry).toEqual({
      token: 'sntrys_abc',
      org: 'acme',
      project: 'pipelines',
      url: 'https://sentry.example.com',
      timeoutMs: 30_000
    });
  });
});

describe('request-timeout', () => {
  it('defaults to 30 s, takes whole seconds from 1 to 600, and reaches Sentry too', () => {
    expect(rebuild().requestTimeoutMs).toBe(30_000);
    expect(rebuild({ 'request-timeout': '5' }).requestTimeoutMs).toBe(5000);
    const env = deleteEnv('stage/x/v1.2.3');
    const inputs = { 'sentry-auth-token': 't', 'sentry-org': 'acme', 'request-timeout': '600' };
    expect(cleanup(inputs, env).sentry?.timeoutMs).toBe(600_000);
    for (const bad of ['0', '601', '1.5', 'soon', '-3']) {
      expect(() => rebuild({ 'request-timeout': bad })).toThrow(/input 'request-timeout'/);
    }
  });
});

describe('the CLI command printed in summaries', () => {
  it("comes from the action's own repository and ref, since the package is not on npm", () => {
    const s = rebuild(
      {},
      { GITHUB_ACTION_REPOSITORY: 'acme/staging-action', GITHUB_ACTION_REF: 'v1' }
    );
    expect(s.cliCommand).toBe('npx --yes github:acme/staging-action#v1');
  });

  it('is this repository at the checked-out commit for `uses: ./` at the root of the checkout', () => {
    const sha = 'a'.repeat(40);
    const local = {
      GITHUB_REPOSITORY: 'acme/staging-action',
      GITHUB_SHA: sha,
      GITHUB_WORKSPACE: '/home/runner/work/staging-action/staging-action',
      GITHUB_ACTION_PATH: '/home/runner/work/staging-action/staging-action/'
    };
    expect(rebuild({}, local).cliCommand).toBe(`npx --yes github:acme/staging-action#${sha}`);
    // An action in a subfolder of the checkout is not a package npx can fetch from git.
    expect(
      rebuild({}, { ...local, GITHUB_ACTION_PATH: `${local.GITHUB_WORKSPACE}/tools/staging` })
        .cliCommand
    ).toBe('staging-action');
  });

  it("is the bin's name outside Actions, never an npm registry name this project does not own", () => {
    expect(rebuild().cliCommand).toBe('staging-action');
    expect(rebuild({}, { GITHUB_ACTION_REPOSITORY: 'not a repo; rm -rf' }).cliCommand).toBe(
      'staging-action'
    );
    expect(
      rebuild({}, { GITHUB_ACTION_REPOSITORY: 'acme/staging-action', GITHUB_ACTION_REF: '$(id)' })
        .cliCommand
    ).toBe('npx --yes github:acme/staging-action');
  });
});
