// The CLI is the action from a laptop: flags must land on the very input names the action reads, so
// `readSettings` sees the same thing either way.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import {
  cliInputs,
  HELP,
  installSpec,
  main,
  repositoryFromRemote,
  TOOL_VERSION
} from '../../src/cli.js';
import { readCleanupSettings } from '../../src/cleanup/settings.js';
import type { InputSource } from '../../src/inputs/parse.js';
import { readRebuildSettings } from '../../src/rebuild/settings.js';

// Always set, so no test falls back to the `origin` remote of whatever directory jest runs in.
const ENV = { GITHUB_REPOSITORY: 'octo/app' };

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'staging-cli-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function parse(
  argv: string[],
  env: NodeJS.ProcessEnv = {}
): { inputs: InputSource; json: boolean } {
  const parsed = cliInputs(argv, { ...ENV, ...env });
  if (typeof parsed === 'string') throw new Error(`expected inputs, got ${parsed}`);
  return parsed;
}

/** Runs `fn` with process.stdout/stderr writes captured instead of printed. */
async function capture(
  fn: () => Promise<number>
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    out += chunk.toString();
    return true;
  });
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(chunk => {
    err += chunk.toString();
    return true;
  });
  try {
    const code = await fn();
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('cliInputs', () => {
  it('maps the mode and kebab-case flags to input names', () => {
    const { inputs, json } = parse(
      ['cleanup-staging', '--dataset-id', 'x', '--version', '1.2.3', '--dry-run'],
      { GITHUB_TOKEN: 'ghp_env' }
    );
    expect(json).toBe(false);
    expect(inputs.get('mode')).toBe('cleanup-staging');
    expect(inputs.get('dataset-id')).toBe('x');
    expect(inputs.get('version')).toBe('1.2.3');
    expect(inputs.get('dry-run')).toBe('true');
    expect(inputs.get('github-token')).toBe('ghp_env');
    expect(inputs.get('repository')).toBe('octo/app');
    // Unset flags read as the action's unset inputs.
    expect(inputs.get('config')).toBe('');
    expect(inputs.get('include-drafts')).toBe('');
    expect(inputs.get('no-such-input')).toBe('');

    expect(readCleanupSettings(inputs, ENV)).toMatchObject({
      mode: 'cleanup',
      datasetId: 'x',
      version: '1.2.3',
      dryRun: true,
      githubToken: 'ghp_env',
      repository: { owner: 'octo', repo: 'app' }
    });
  });

  it('passes every rebuild flag through, booleans as true', () => {
    const { inputs } = parse([
      'rebuild',
      '--base-branch=develop',
      '--staging-branch',
      'env/staging',
      '--ignore-checks',
      'codecov/*,lint',
      '--labels',
      'ready',
      '--exclude-labels',
      'wip',
      '--commit-status',
      'staging',
      '--flux-source',
      'flux-system/staging',
      '--include-drafts',
      '--include-forks',
      '--require-checks',
      '--repository',
      'other/repo',
      '--github-token',
      'ghp_flag',
      '--json'
    ]);
    const settings = readRebuildSettings(inputs, ENV);
    expect(settings).toMatchObject({
      mode: 'rebuild',
      baseBranch: 'develop',
      stagingBranch: 'env/staging',
      ignoreChecks: ['codecov/*', 'lint'],
      labels: ['ready'],
      excludeLabels: ['wip'],
      commitStatus: 'staging',
      fluxSource: { namespace: 'flux-system', name: 'staging' },
      includeDrafts: true,
      includeForks: true,
      requireChecks: true,
      repository: { owner: 'other', repo: 'repo' },
      githubToken: 'ghp_flag'
    });
  });

  it('accepts a negative number with --flag=value', () => {
    const { inputs } = parse(['deploy', '--schedule-offset-minutes=-15', '--sha', 'f'.repeat(40)]);
    expect(inputs.get('schedule-offset-minutes')).toBe('-15');
    expect(inputs.get('sha')).toBe('f'.repeat(40));
  });

  it('sets json with --json', () => {
    expect(parse(['rebuild', '--json']).json).toBe(true);
  });

  describe('tokens from the environment', () => {
    it('prefers GITHUB_TOKEN, then GH_TOKEN', () => {
      expect(
        parse(['rebuild'], { GITHUB_TOKEN: 'a', GH_TOKEN: 'b' }).inputs.get('github-token')
      ).toBe('a');
      expect(parse(['rebuild'], { GH_TOKEN: 'b' }).inputs.get('github-token')).toBe('b');
      expect(parse(['rebuild']).inputs.get('github-token')).toBe('');
    });

    it('treats an exported but empty GITHUB_TOKEN as unset', () => {
      expect(
        parse(['rebuild'], { GITHUB_TOKEN: '', GH_TOKEN: 'b' }).inputs.get('github-token')
      ).toBe('b');
    });

    it('reads SENTRY_AUTH_TOKEN', () => {
      const { inputs } = parse(['cleanup', '--sentry-org', 'acme'], {
        SENTRY_AUTH_TOKEN: 'sntrys_x'
      });
      expect(inputs.get('sentry-auth-token')).toBe('sntrys_x');
      expect(inputs.get('sentry-org')).toBe('acme');
    });

    it('takes the Sentry token only from the environment', () => {
      expect(() => parse(['cleanup', '--sentry-auth-token', 'x'])).toThrow(/Unknown option/);
    });
  });

  describe('--kubeconfig', () => {
    it("passes the file's content, as the action's kubeconfig input carries it", () => {
      const file = join(dir, 'kubeconfig.yaml');
      writeFileSync(file, 'apiVersion: v1\nkind: Config\n');
      expect(parse(['deploy', '--kubeconfig', file]).inputs.get('kubeconfig')).toBe(
        'apiVersion: v1\nkind: Config'
      );
    });

    it('names the file it cannot read', () => {
      const missing = join(dir, 'missing.yaml');
      expect(() => parse(['deploy', '--kubeconfig', missing])).toThrow(
        `Cannot read the --kubeconfig file '${missing}' (ENOENT).`
      );
    });
  });

  it('rejects unknown flags and a flag without its value', () => {
    expect(() => parse(['rebuild', '--bogus'])).toThrow(/Unknown option '--bogus'/);
    expect(() => parse(['deploy', '--dataset-id'])).toThrow(/--dataset-id/);
    expect(() => parse(['deploy', '--dataset-id', '--version', '1.0.0'])).toThrow(/--dataset-id/);
    expect(() => parse(['deploy', '--dry-run=false'])).toThrow(/--dry-run/);
  });

  it('shows help without a mode or with --help / -h', () => {
    expect(cliInputs([], ENV)).toBe('help');
    expect(cliInputs(['--dry-run'], ENV)).toBe('help');
    expect(cliInputs(['rebuild', '--help'], ENV)).toBe('help');
    expect(cliInputs(['-h'], ENV)).toBe('help');
  });

  it('rejects two modes', () => {
    expect(() => cliInputs(['rebuild', 'deploy'], ENV)).toThrow(
      "Expected one mode, got 'rebuild deploy'. See --help."
    );
  });
});

describe('repositoryFromRemote', () => {
  it.each([
    ['https://github.com/octo/app.git', 'octo/app'],
    ['https://github.com/octo/app', 'octo/app'],
    ['https://github.com/octo/app/', 'octo/app'],
    ['https://x-access-token:ghs_x@github.com/octo/app.git', 'octo/app'],
    ['git@github.com:octo/app.git', 'octo/app'],
    ['git@github.com:octo/app', 'octo/app'],
    ['ssh://git@github.com/octo/my.app.git', 'octo/my.app'],
    ['https://github.com/octo/app.git\n', 'octo/app']
  ])('%j → %s', (url, expected) => {
    expect(repositoryFromRemote(url)).toBe(expected);
  });

  it('returns null for something that is not a remote URL', () => {
    expect(repositoryFromRemote('')).toBeNull();
    expect(repositoryFromRemote('app')).toBeNull();
  });
});

describe('main', () => {
  it('prints the help and exits 0 on --help', async () => {
    const { code, out, err } = await capture(() => main(['--help'], ENV));
    expect(code).toBe(0);
    expect(out).toBe(HELP);
    expect(err).toBe('');
    expect(HELP).toMatch(/^Usage: staging-action <mode>/);
  });

  it('prints the input error and exits 1 before doing any work', async () => {
    const { code, out, err } = await capture(() => main(['rebiuld'], ENV));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      "staging-action: Invalid mode 'rebiuld'. Expected one of: rebuild, deploy, cleanup, status, trigger, sweep.\n"
    );
  });

  it('reports an unknown flag as an error, not a crash', async () => {
    const { code, err } = await capture(() => main(['rebuild', '--bogus'], ENV));
    expect(code).toBe(1);
    // Inside jest's VM, Node's own errors come from another realm and print with their class name.
    expect(err).toMatch(/^staging-action: (TypeError \[\w+\]: )?Unknown option '--bogus'/);
  });

  it("prints the tool's version with --tool-version, whatever else is given", async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(TOOL_VERSION).toBe(pkg.version);
    for (const argv of [['--tool-version'], ['cleanup', '--tool-version', '--version', '0.3.0']]) {
      const { code, out, err } = await capture(() => main(argv, ENV));
      expect({ code, out, err }).toEqual({
        code: 0,
        out: `staging-action ${pkg.version}\n`,
        err: ''
      });
    }
  });

  it.each(['cleanup', 'cleanup-staging', 'rebuild'])(
    '%s without a token names where one comes from, before any work',
    async mode => {
      const { code, out, err } = await capture(() =>
        main([mode, '--dataset-id', 'x', '--version', '1.0.0'], { ...ENV, GITHUB_TOKEN: '' })
      );
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toBe(
        `staging-action: ${mode.replace('-staging', '')} uses the GitHub API and no token is set: ` +
          'export GITHUB_TOKEN or GH_TOKEN (with the GitHub CLI: export GITHUB_TOKEN=$(gh auth token)).\n'
      );
    }
  );

  it('deploy asks for no GitHub token', async () => {
    // Stops at the first thing deploy does need (an image), not at a token.
    const { code, err } = await capture(() =>
      main(['deploy', '--dataset-id', 'x', '--version', '1.0.0'], ENV)
    );
    expect(code).toBe(1);
    expect(err).toMatch(/^staging-action: Set 'docker-image'/);
    expect(err).not.toMatch(/token/i);
  });
});

describe('--help', () => {
  it('says how to run this release without installing it', () => {
    expect(HELP).toContain(
      `Without installing: npx --yes ${installSpec({ version: TOOL_VERSION })}`
    );
    expect(HELP).not.toMatch(/npx staging-action/);
    expect(HELP).toMatch(/^ {2}--tool-version +print this tool's version/m);
  });

  it('names the modes that need a GitHub token', () => {
    expect(HELP).toContain('is needed by: rebuild, cleanup, status, sweep.');
  });
});

describe('installSpec', () => {
  it.each([
    [undefined, 'github:OWNER/staging-action#v1.2.3'],
    ['acme/staging-action', 'github:acme/staging-action#v1.2.3'],
    ['github:acme/staging-action', 'github:acme/staging-action#v1.2.3'],
    [
      { type: 'git', url: 'git+https://github.com/acme/staging-action.git' },
      'github:acme/staging-action#v1.2.3'
    ],
    ['https://gitlab.com/acme/staging-action', 'github:OWNER/staging-action#v1.2.3']
  ])('repository %j → %s', (repository, expected) => {
    expect(installSpec({ version: '1.2.3', repository })).toBe(expected);
  });
});
