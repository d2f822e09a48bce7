// `npx staging-action <mode> --flag value ...`: the action's modes from a laptop. Flags are the
// action's inputs in kebab-case; tokens come from the environment; the report prints as text.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readSettings, InputError, type InputSource } from './inputs.js';
import { runMode } from './main.js';
import { renderText } from './summary.js';

const STRING_FLAGS = [
  'repository',
  'github-token',
  'base-branch',
  'staging-branch',
  'ignore-checks',
  'labels',
  'exclude-labels',
  'commit-status',
  'flux-source',
  'dataset-id',
  'version',
  'config',
  'docker-image',
  'image-repository',
  'sha',
  'namespace',
  'kubeconfig',
  'schedule-offset-minutes',
  'sentry-org',
  'sentry-project',
  'sentry-url'
] as const;
const BOOLEAN_FLAGS = ['dry-run', 'include-drafts', 'include-forks', 'require-checks'] as const;

export const HELP = `Usage: staging-action <mode> [flags]

Modes:
  rebuild                  rebuild the staging branch from base + every open PR whose CI passes
  deploy (deploy-staging)  stage one dataset version's CronJobs on Kubernetes
  cleanup (cleanup-staging)
                           delete a staged version's CronJobs, stage branch and Sentry monitors

Common flags:
  --repository owner/repo  default: GITHUB_REPOSITORY, else the 'origin' remote of this checkout
  --dry-run                report what would happen; change nothing
  --json                   also print the outputs as one JSON line
  --help                   show this help

deploy / cleanup:
  --dataset-id ID --version X.Y.Z
  --config PATH            default .github/staging.yml
  --namespace NS           default: the config's namespace
  --kubeconfig PATH        default: KUBECONFIG, ~/.kube/config, in-cluster
  --docker-image IMAGE | --image-repository REPO --sha SHA      (deploy)
  --schedule-offset-minutes N                                   (deploy)
  --base-branch BRANCH     the branch the version must differ from (deploy; default: default branch)
  --sentry-org ORG [--sentry-project P] [--sentry-url URL]      (cleanup, with SENTRY_AUTH_TOKEN;
                           --sentry-org defaults to SENTRY_ORG)

rebuild:
  --base-branch --staging-branch --ignore-checks --labels --exclude-labels --commit-status
  --flux-source --include-drafts --include-forks --require-checks

Environment: GITHUB_TOKEN (or GH_TOKEN), SENTRY_AUTH_TOKEN, SENTRY_ORG, GITHUB_API_URL.

Example:
  GITHUB_TOKEN=$(gh auth token) npx staging-action cleanup-staging \\
    --dataset-id noaa-gfs-forecast --version 0.3.0
`;

/** owner/repo of a GitHub remote URL (https or ssh), or null. */
export function repositoryFromRemote(url: string): string | null {
  const match = /[/:]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url.trim());
  return match ? `${match[1]}/${match[2]}` : null;
}

function originRepository(): string {
  try {
    const url = execFileSync('git', ['remote', 'get-url', 'origin'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    });
    return repositoryFromRemote(url) ?? '';
  } catch {
    return '';
  }
}

/** The top of the checkout around the current directory, or null outside one. */
function checkoutRoot(): string | null {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    }).trim();
    return top === '' ? null : top;
  } catch {
    return null;
  }
}

function readKubeconfig(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError(`Cannot read the --kubeconfig file '${path}' (${reason}).`);
  }
}

function parseFlags(argv: string[]): ReturnType<typeof parseArgs> {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        ...Object.fromEntries(STRING_FLAGS.map(f => [f, { type: 'string' as const }])),
        ...Object.fromEntries(BOOLEAN_FLAGS.map(f => [f, { type: 'boolean' as const }]))
      }
    });
  } catch (error) {
    // Node's own hint (pass it after '--' as a positional) is wrong advice for this CLI.
    const unknown = /^Unknown option '([^']*)'/.exec((error as Error).message);
    if ((error as { code?: string }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || !unknown) {
      throw error;
    }
    const flag = unknown[1] ?? '';
    const hint = /token/.test(flag)
      ? 'Tokens are read from GITHUB_TOKEN (or GH_TOKEN) and SENTRY_AUTH_TOKEN, never from flags.'
      : 'See staging-action --help for the flags.';
    throw new InputError(`Unknown option '${flag}'. ${hint}`, { cause: error });
  }
}

/** Turns argv into the same input names the action reads. */
export function cliInputs(
  argv: string[],
  env: NodeJS.ProcessEnv
): { inputs: InputSource; json: boolean } | 'help' {
  const { values, positionals } = parseFlags(argv);
  if (values.help || positionals.length === 0) return 'help';
  if (positionals.length > 1) {
    throw new InputError(`Expected one mode, got '${positionals.join(' ')}'. See --help.`);
  }
  const flags = values as Record<string, string | boolean | undefined>;
  const kubeconfigPath = flags.kubeconfig as string | undefined;
  // `||`, not `??`: an exported but empty variable (GITHUB_TOKEN= in a shell) means unset.
  const inputs: Record<string, string> = {
    mode: positionals[0],
    'github-token':
      (flags['github-token'] as string | undefined) || env.GITHUB_TOKEN || env.GH_TOKEN || '',
    'sentry-auth-token': env.SENTRY_AUTH_TOKEN || '',
    repository:
      (flags.repository as string | undefined) || env.GITHUB_REPOSITORY || originRepository(),
    kubeconfig: kubeconfigPath ? readKubeconfig(kubeconfigPath) : ''
  };
  for (const flag of STRING_FLAGS) {
    if (flag === 'kubeconfig' || flag === 'repository' || flag === 'github-token') continue;
    const value = flags[flag];
    if (typeof value === 'string') inputs[flag] = value;
  }
  for (const flag of BOOLEAN_FLAGS) if (flags[flag] === true) inputs[flag] = 'true';
  // SENTRY_AUTH_TOKEN is often exported for sentry-cli, which reads SENTRY_ORG next to it.
  inputs['sentry-org'] ||= env.SENTRY_ORG || '';
  if (inputs['sentry-auth-token'] && !inputs['sentry-org'] && /^cleanup/i.test(inputs.mode)) {
    throw new InputError(
      'SENTRY_AUTH_TOKEN is set, so cleanup deletes the Sentry cron monitors too: pass ' +
        '--sentry-org (or set SENTRY_ORG), or unset SENTRY_AUTH_TOKEN to leave the monitors alone.'
    );
  }
  return { inputs: { get: name => (inputs[name] ?? '').trim() }, json: flags.json === true };
}

/**
 * @actions/core speaks workflow commands on stdout; on a terminal they become plain lines
 * (groups as headings, masks and debug hidden unless RUNNER_DEBUG=1).
 */
function humaniseWorkflowCommands(): void {
  const write = process.stdout.write.bind(process.stdout);
  const debug = process.env.RUNNER_DEBUG === '1';
  process.stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const out = text
      .split('\n')
      .flatMap(line => {
        const m = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
        if (!m) return [line];
        const [, command, message] = m;
        if (command === 'group') return [`== ${message}`];
        if (command === 'debug') return debug ? [`debug: ${message}`] : [];
        if (command === 'warning' || command === 'error' || command === 'notice') {
          return [`${command}: ${message}`];
        }
        return [];
      })
      .join('\n');
    return (write as (c: string, ...r: unknown[]) => boolean)(out, ...rest);
  };
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  try {
    const parsed = cliInputs(argv, env);
    if (parsed === 'help') {
      process.stdout.write(HELP);
      return 0;
    }
    // Paths in the config are relative to the repository root, wherever in it the CLI is run:
    // from a subdirectory, cleanup would otherwise miss the config and look in the wrong namespace.
    const workspace = env.GITHUB_WORKSPACE || checkoutRoot() || process.cwd();
    const settings = readSettings(parsed.inputs, { ...env, GITHUB_WORKSPACE: workspace });
    humaniseWorkflowCommands();
    const { report, outputs } = await runMode(settings);
    process.stdout.write('\n' + renderText(report));
    if (parsed.json) process.stdout.write(JSON.stringify(outputs) + '\n');
    return 0;
  } catch (error) {
    process.stderr.write(
      `staging-action: ${error instanceof Error ? error.message : String(error)}\n`
    );
    return 1;
  }
}
