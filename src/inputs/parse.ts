// The generic input parsers every mode's settings use: one rule each for booleans, lists,
// numbers, repositories and branch names, with errors that say what was expected.

/** Where input values come from: the action's `INPUT_*` variables, or the CLI's flags. */
export interface InputSource {
  /** The raw value, trimmed; '' when not set. */
  get(name: string): string;
}

export class InputError extends Error {
  override name = 'InputError';
}

export interface Repository {
  owner: string;
  repo: string;
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

const MAX_COMPONENT_BYTES = 250;

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
  ],
  // Refs are files: a component is a file name (255 bytes on ext4, APFS and NTFS) and git writes
  // `<component>.lock` first. Without this, a long name fails at the push, after the whole merge.
  [
    b => b.split('/').some(c => Buffer.byteLength(c) > MAX_COMPONENT_BYTES),
    `a component of it is {bytes} bytes long; git stores a branch name component as a file name of at most ${MAX_COMPONENT_BYTES} bytes (255 minus '.lock')`
  ]
];

/** `git check-ref-format --branch` rules, minus shell syntax: bad names fail before any work. */
export function validateBranchName(name: string, raw: string): string {
  const branch = raw.trim();
  const broken = BRANCH_RULES.find(([test]) => test(branch));
  if (broken) {
    const longest = Math.max(...branch.split('/').map(c => Buffer.byteLength(c)));
    // A name too long to read is cut in the message; the problem says how long it is.
    const shown = raw.length > 80 ? `${raw.slice(0, 60)}…` : raw;
    throw new InputError(
      `Invalid branch name '${shown}' for input '${name}': ${broken[1].replace('{bytes}', String(longest))}. Expected a git branch name such as 'staging'.`
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

export function optionalBranch(name: string, raw: string): string | null {
  return raw === '' ? null : validateBranchName(name, raw);
}
