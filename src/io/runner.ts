// The runner's side of a step: inputs, workflow commands on stdout, the GITHUB_OUTPUT file and the
// job summary, spoken exactly as @actions/core 3.0.1 speaks them (lib/command.js,
// file-command.js, utils.js, core.js, summary.js), for the calls this action makes.
// Why not @actions/core itself: it imports its OIDC client at the top, and with it
// @actions/http-client and undici (1 MB bundled), which ncc cannot leave out
// (actions/toolkit#1621, #1697). That alone cost every run about 0.1 s of its 0.16 s start-up.
// test/int/runner.int.test.ts holds this module to @actions/core's output, byte for byte.
import { randomUUID } from 'node:crypto';
import { appendFileSync, constants, existsSync } from 'node:fs';
import { access, appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';

/** What a command carries: strings as they are, null/undefined as '', anything else as JSON. */
function toCommandValue(input: unknown): string {
  if (input === null || input === undefined) return '';
  if (typeof input === 'string' || input instanceof String) return String(input);
  return JSON.stringify(input);
}

function escapeData(value: unknown): string {
  return toCommandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: unknown): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value,key=value::message` on a line of its own; empty properties are left out. */
function issueCommand(command: string, properties: Record<string, string>, message: unknown): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  const head = Object.keys(properties).length > 0 ? ` ${props}` : '';
  process.stdout.write(`::${command}${head}::${escapeData(message)}${EOL}`);
}

function annotation(message: string | Error): string {
  return message instanceof Error ? message.toString() : message;
}

/** `name<<delimiter`, the value, `delimiter`: the file-command form of a key and a value. */
export function keyValueMessage(key: string, value: unknown, uuid: string = randomUUID()): string {
  const delimiter = `ghadelimiter_${uuid}`;
  const converted = toCommandValue(value);
  // As @actions/core: a name or value holding the delimiter could end the block early.
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (converted.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${EOL}${converted}${EOL}${delimiter}`;
}

/** The input `name` (INPUT_<NAME>, spaces as `_`), trimmed; '' when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}

/** An output: appended to GITHUB_OUTPUT, or the old `::set-output::` command without one. */
export function setOutput(name: string, value: unknown): void {
  const file = process.env.GITHUB_OUTPUT || '';
  if (file) {
    if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
    appendFileSync(file, `${keyValueMessage(name, value)}${EOL}`, { encoding: 'utf8' });
    return;
  }
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

/** Masks `secret` in every later line of the log. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function notice(message: string | Error): void {
  issueCommand('notice', {}, annotation(message));
}

export function warning(message: string | Error): void {
  issueCommand('warning', {}, annotation(message));
}

export function error(message: string | Error): void {
  issueCommand('error', {}, annotation(message));
}

/** An error annotation, and the step fails once the process exits (exit code 1). */
export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

/** `fn`'s log lines folded under `name`; the group is closed even when `fn` throws. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issueCommand('group', {}, name);
  try {
    return await fn();
  } finally {
    issueCommand('endgroup', {}, '');
  }
}

/**
 * Appends `text` to the job summary (GITHUB_STEP_SUMMARY), with @actions/core's errors when the
 * variable is unset or the file cannot be read and written. (@actions/core also remembers the
 * first path and keeps text that failed to write for the next call; one write per run needs
 * neither.)
 */
export async function appendSummary(text: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) {
    throw new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.'
    );
  }
  try {
    await access(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(
      `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`
    );
  }
  await appendFile(file, text, { encoding: 'utf8' });
}
