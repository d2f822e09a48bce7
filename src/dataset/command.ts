// Commands from the staging config (catalog-command, cronjobs-command): run from an argument list,
// never a shell, and without the GitHub token in their environment (the repository's code must
// not be able to push, merge or read other repositories with the action's token).
import { execFile } from 'node:child_process';
import { ConfigError } from './errors.js';

/** Variables that hold the GitHub token in a workflow step or on a laptop. */
const TOKEN_VARIABLES = ['GITHUB_TOKEN', 'GH_TOKEN', 'INPUT_GITHUB-TOKEN', 'INPUT_GITHUB_TOKEN'];
/** Enough for a catalog of many datasets with full manifests. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;
const TAIL_LINES = 20;
const TAIL_CHARS = 2000;

/** `env` without the token variables, and without any other variable holding a token's value. */
export function commandEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const tokens = new Set(TOKEN_VARIABLES.map(n => env[n]).filter((v): v is string => !!v));
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || TOKEN_VARIABLES.includes(name.toUpperCase())) continue;
    if (tokens.has(value)) continue;
    result[name] = value;
  }
  return result;
}

/** The end of a command's output: where the error usually is, short enough for a log line. */
export function outputTail(output: string): string {
  const tail = output.trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
  return tail.length > TAIL_CHARS ? `…${tail.slice(-TAIL_CHARS)}` : tail;
}

export function stderrTail(stderr: string): string {
  const tail = outputTail(stderr);
  return tail.trim() === '' ? '(nothing on stderr)' : tail;
}

/**
 * Runs `argv` in `cwd` and returns its stdout; `what` names the command in errors (e.g.
 * "catalog-command 'uv run main print-catalog'"). A failure is a ConfigError with stderr's tail.
 */
export function runCommand(argv: readonly string[], cwd: string, what: string): Promise<string> {
  const [program, ...args] = argv;
  return new Promise((resolve, reject) => {
    execFile(
      program ?? '',
      args,
      { cwd, env: commandEnv(process.env), maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error === null) return resolve(stdout);
        // execFile's error carries the exit code as a number, or a string code when it never ran.
        const { code, signal } = error as { code?: number | string | null; signal?: string | null };
        if (code === 'ENOENT') {
          return reject(
            new ConfigError(
              `${what} could not start: ${program} was not found (in ${cwd}, on PATH). Install it in an earlier step, or fix the command.`
            )
          );
        }
        const how =
          typeof code === 'number'
            ? `exit ${code}`
            : signal
              ? `killed by ${signal}`
              : String(code ?? error.message);
        reject(
          new ConfigError(
            `${what} failed (${how}) in ${cwd}; the end of its stderr:\n${stderrTail(stderr)}`
          )
        );
      }
    );
  });
}
