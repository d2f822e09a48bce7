// `staging-action <mode> --flag value ...`: the action's modes from a laptop. Flags are the
// action's inputs in kebab-case (from the one description in inputs/spec.ts); tokens come from the
// environment; the log is plain lines and the report prints as text.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
// ncc inlines the JSON: the bundle knows its version without a package.json next to it.
import packageJson from '../package.json' with { type: 'json' };
import { InputError, type InputSource } from './inputs/parse.js';
import { INPUTS, MODE_ALIASES, MODE_NAMES, MODE_SUMMARIES, type InputSpec } from './inputs/spec.js';
import { setLogSink, terminalSink } from './log.js';
import { runMode } from './main.js';
import { parseMode } from './mode.js';
import { renderText } from './summary.js';
import { errorMessage } from './util/errors.js';

/** The tool's own version; `--version` is the dataset version, as in the action. */
export const TOOL_VERSION: string = packageJson.version;

/**
 * `github:OWNER/REPO#vX.Y.Z`: what npx installs this release from (the package is not on the npm
 * registry). OWNER/REPO come from package.json's `repository` when it names a GitHub repository.
 */
export function installSpec(pkg: { version: string; repository?: unknown }): string {
  const field = pkg.repository;
  const url = typeof field === 'object' && field !== null && 'url' in field ? field.url : field;
  const raw = typeof url === 'string' ? url : '';
  const repo =
    /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw)?.[1] ??
    (/github\.com[/:]/.test(raw) ? repositoryFromRemote(raw) : null) ??
    'OWNER/staging-action';
  return `github:${repo}#v${pkg.version}`;
}

type FlagInput = InputSpec & { cli: Extract<InputSpec['cli'], { flag: string }> };
const FLAGS = INPUTS.filter((i): i is FlagInput => 'flag' in i.cli);

function column(left: string, right: string): string {
  return left.length < 25
    ? `  ${left.padEnd(25)}${right}`
    : `  ${left}\n  ${' '.repeat(25)}${right}`;
}

function helpText(): string {
  const modes = MODE_NAMES.map(mode => {
    const aliases = Object.keys(MODE_ALIASES).filter(a => MODE_ALIASES[a] === mode);
    const name = aliases.length > 0 ? `${mode} (${aliases.join(', ')})` : mode;
    return column(name, MODE_SUMMARIES[mode]);
  });
  const groups = new Map<string, string[]>([
    [
      'Flags for every mode',
      [
        column('--json', 'also print the outputs as one JSON line'),
        column('--tool-version', "print this tool's version (--version is the dataset's)"),
        column('--help', 'show this help')
      ]
    ]
  ]);
  for (const input of FLAGS) {
    const group = input.modes === 'all' ? 'Flags for every mode' : input.modes.join(', ');
    const flag = `--${input.name}${input.cli.arg ? ` ${input.cli.arg}` : ''}`;
    groups.set(group, [...(groups.get(group) ?? []), column(flag, input.cli.help)]);
  }
  const environment = [...new Set(INPUTS.flatMap(i => ('env' in i.cli ? (i.cli.env ?? []) : [])))];
  return [
    'Usage: staging-action <mode> [flags]',
    `Without installing: npx --yes ${installSpec(packageJson)} <mode> [flags]`,
    '',
    'Modes:',
    ...modes,
    ...[...groups].flatMap(([group, lines]) => ['', `${group}:`, ...lines]),
    '',
    `Environment: ${environment.join(', ')}, GITHUB_API_URL.`,
    `A GitHub token (GITHUB_TOKEN or GH_TOKEN, e.g. from gh auth token) is needed by: ${tokenModes().join(', ')}.`,
    '',
    'Example:',
    '  GITHUB_TOKEN=$(gh auth token) staging-action cleanup-staging \\',
    '    --dataset-id noaa-gfs-forecast --version 0.3.0',
    ''
  ].join('\n');
}

export const HELP = helpText();

/** The modes that read the GitHub token, from the input spec (deploy never does). */
function tokenModes(): readonly string[] {
  const modes = INPUTS.find(i => i.name === 'github-token')?.modes ?? [];
  return modes === 'all' ? MODE_NAMES : modes;
}

/**
 * From a laptop the token comes from the environment: say which variables before any work, rather
 * than octokit's "Parameter token or opts.auth is required" (or a mode's workflow-input wording).
 */
export function requireToken(inputs: InputSource): void {
  const mode = parseMode(inputs.get('mode'));
  if (!tokenModes().includes(mode) || inputs.get('github-token') !== '') return;
  throw new InputError(
    `${mode} uses the GitHub API and no token is set: export GITHUB_TOKEN or GH_TOKEN ` +
      '(with the GitHub CLI: export GITHUB_TOKEN=$(gh auth token)).'
  );
}

/** owner/repo of a GitHub remote URL (https or ssh), or null. */
export function repositoryFromRemote(url: string): string | null {
  const match = /[/:]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url.trim());
  return match ? `${match[1]}/${match[2]}` : null;
}

/** `git args` in the current directory; '' when git fails (not a checkout, no such remote). */
function gitOutput(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
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
        'tool-version': { type: 'boolean' },
        ...Object.fromEntries(
          FLAGS.map(i => [
            i.name,
            { type: i.cli.flag === 'boolean' ? 'boolean' : 'string' } as const
          ])
        )
      }
    });
  } catch (error) {
    // Node's own hint (pass it after '--' as a positional) is wrong advice for this CLI.
    const unknown = /^Unknown option '([^']*)'/.exec(errorMessage(error));
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
): { inputs: InputSource; json: boolean } | 'help' | 'tool-version' {
  const { values, positionals } = parseFlags(argv);
  if (values['tool-version']) return 'tool-version';
  if (values.help || positionals.length === 0) return 'help';
  if (positionals.length > 1) {
    throw new InputError(`Expected one mode, got '${positionals.join(' ')}'. See --help.`);
  }
  const flags = values as Record<string, string | boolean | undefined>;
  const inputs: Record<string, string> = { mode: positionals[0] ?? '' };
  for (const input of INPUTS) {
    const flag = flags[input.name];
    let value = typeof flag === 'string' ? flag : flag === true ? 'true' : '';
    if (value !== '' && 'flag' in input.cli && input.cli.flag === 'file')
      value = readKubeconfig(value);
    // `||`, not `??`: an exported but empty variable (GITHUB_TOKEN= in a shell) means unset.
    for (const name of 'env' in input.cli ? (input.cli.env ?? []) : []) value ||= env[name] || '';
    if (value !== '') inputs[input.name] = value;
  }
  inputs.repository ||= repositoryFromRemote(gitOutput(['remote', 'get-url', 'origin'])) ?? '';
  if (inputs['sentry-auth-token'] && !inputs['sentry-org'] && /^cleanup/i.test(inputs.mode ?? '')) {
    throw new InputError(
      'SENTRY_AUTH_TOKEN is set, so cleanup deletes the Sentry cron monitors too: pass ' +
        '--sentry-org (or set SENTRY_ORG), or unset SENTRY_AUTH_TOKEN to leave the monitors alone.'
    );
  }
  return { inputs: { get: name => (inputs[name] ?? '').trim() }, json: flags.json === true };
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  try {
    const parsed = cliInputs(argv, env);
    if (parsed === 'help') {
      process.stdout.write(HELP);
      return 0;
    }
    if (parsed === 'tool-version') {
      process.stdout.write(`staging-action ${TOOL_VERSION}\n`);
      return 0;
    }
    requireToken(parsed.inputs);
    // Paths in the config are relative to the repository root, wherever in it the CLI is run:
    // from a subdirectory, cleanup would otherwise miss the config and look in the wrong namespace.
    const root = gitOutput(['rev-parse', '--show-toplevel']).trim();
    const workspace = env.GITHUB_WORKSPACE || root || process.cwd();
    setLogSink(terminalSink(text => process.stdout.write(text), env.RUNNER_DEBUG === '1'));
    const { report, outputs, failure } = await runMode({
      inputs: parsed.inputs,
      env: { ...env, GITHUB_WORKSPACE: workspace },
      // A terminal is the user's own: nothing to mask.
      mask: () => undefined
    });
    process.stdout.write('\n' + renderText(report));
    if (parsed.json) process.stdout.write(JSON.stringify(outputs) + '\n');
    if (failure === undefined) return 0;
    process.stderr.write(`staging-action: ${failure}\n`);
    return 1;
  } catch (error) {
    process.stderr.write(`staging-action: ${errorMessage(error)}\n`);
    return 1;
  }
}
