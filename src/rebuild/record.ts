// The record kept in the staging head commit message: what the build was made from, so a rerun
// with the same inputs can stop after the GraphQL round trip, and report the same conflicts.

import { createHash } from 'node:crypto';
import { mergeOrder } from './outcome.js';
import { describeSkip, oneLine, shortSha } from './reasons.js';
import type { PrOutcome, RebuildInputs } from './types.js';

export interface StagingRecord {
  base: string;
  digest: string;
  conflicts: Array<{ number: number; files: string[]; with: Array<number | 'base'> }>;
  /** sha256 of the verify-command this staging passed; null when none ran. */
  verified: string | null;
  /** PRs verify left out, with what they were checked on (`prior`: see priorDigest). */
  verifyFailed: VerifyFailure[];
}

export interface VerifyFailure {
  number: number;
  sha: string;
  /** The base and the eligible PRs before this one: the same again means the same verdict. */
  prior: string;
  with: number[];
  output: string;
}

const BASE_TRAILER = 'Staging-Action-Base';
const DIGEST_TRAILER = 'Staging-Action-Digest';
const CONFLICTS_TRAILER = 'Staging-Action-Conflicts';
const VERIFIED_TRAILER = 'Staging-Action-Verified';
const VERIFY_FAILED_TRAILER = 'Staging-Action-Verify-Failed';
// The commit message keeps the end of each left-out PR's output, not pages of it.
const RECORDED_OUTPUT_CHARS = 600;
// Bump when the encoding or the way staging is built changes: older records then never match.
const DIGEST_VERSION = 'staging-action/inputs/v1';

/** sha256 hex of the base commit and every eligible PR's (number, sha), in merge order. */
export function inputsDigest(inputs: RebuildInputs): string {
  const lines = [DIGEST_VERSION, `base ${inputs.baseSha.toLowerCase()}`];
  for (const pr of mergeOrder(inputs.eligible))
    lines.push(`pr ${pr.number} ${pr.sha.toLowerCase()}`);
  return createHash('sha256')
    .update(lines.join('\n') + '\n', 'utf8')
    .digest('hex');
}

/**
 * What a left-out PR was verified on: the base and every eligible PR before it in merge order.
 * While it and they are the same, verify would fail the same way: the PR is not tried again.
 */
export function priorDigest(inputs: RebuildInputs, number: number): string {
  return inputsDigest({ ...inputs, eligible: inputs.eligible.filter(e => e.number < number) });
}

type Conflict = StagingRecord['conflicts'][number];

function conflictsOf(outcomes: PrOutcome[]): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const o of mergeOrder(outcomes)) {
    if (o.status === 'skipped' && o.reason.kind === 'conflict') {
      conflicts.push({ number: o.number, files: o.reason.files, with: o.reason.with });
    }
  }
  return conflicts;
}

export function formatStagingMessage(args: {
  baseBranch: string;
  baseSha: string;
  outcomes: PrOutcome[];
  digest: string;
  verified?: string | null;
  verifyFailed?: VerifyFailure[];
}): string {
  const ordered = mergeOrder(args.outcomes);
  const merged = ordered.filter(o => o.status === 'merged');
  const conflicted = ordered.filter(o => o.status === 'skipped' && o.reason.kind === 'conflict');
  const count = `${merged.length} PR${merged.length === 1 ? '' : 's'}`;
  const paragraphs = [`staging: ${oneLine(args.baseBranch)}@${shortSha(args.baseSha)} + ${count}`];
  // Titles and file names are untrusted: one line each, so none can start the trailer paragraph.
  if (merged.length > 0) {
    const lines = merged.map(o => `- #${o.number} ${oneLine(o.title)} (${shortSha(o.sha)})`);
    paragraphs.push(['Merged:', ...lines].join('\n'));
  }
  if (conflicted.length > 0) {
    const lines = conflicted.map(o => {
      const detail = o.status === 'skipped' ? describeSkip(o.reason) : '';
      return `- #${o.number} ${oneLine(o.title)}: ${detail}`;
    });
    paragraphs.push(['Skipped (conflicts):', ...lines].join('\n'));
  }
  paragraphs.push(
    [
      `${BASE_TRAILER}: ${args.baseSha}`,
      `${DIGEST_TRAILER}: ${args.digest}`,
      // JSON.stringify escapes newlines in file names, so this stays one line.
      `${CONFLICTS_TRAILER}: ${JSON.stringify(conflictsOf(args.outcomes))}`,
      // Only with verify-command, so records written without it stay byte for byte as before.
      ...(args.verified ? [`${VERIFIED_TRAILER}: ${args.verified}`] : []),
      ...(args.verifyFailed && args.verifyFailed.length > 0
        ? [
            `${VERIFY_FAILED_TRAILER}: ${JSON.stringify(
              args.verifyFailed.map(f => ({ ...f, output: f.output.slice(-RECORDED_OUTPUT_CHARS) }))
            )}`
          ]
        : [])
    ].join('\n')
  );
  return paragraphs.join('\n\n') + '\n';
}

function isConflict(value: unknown): value is Conflict {
  if (typeof value !== 'object' || value === null) return false;
  const { number, files, with: partners } = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(number) &&
    (number as number) > 0 &&
    Array.isArray(files) &&
    files.every(f => typeof f === 'string') &&
    Array.isArray(partners) &&
    partners.every(p => p === 'base' || (Number.isSafeInteger(p) && (p as number) > 0))
  );
}

function parseConflicts(json: string): Conflict[] | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || !value.every(isConflict)) return null;
  return value.map(c => ({ number: c.number, files: [...c.files], with: [...c.with] }));
}

function isVerifyFailure(value: unknown): value is VerifyFailure {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(v.number) &&
    typeof v.sha === 'string' &&
    typeof v.prior === 'string' &&
    typeof v.output === 'string' &&
    Array.isArray(v.with) &&
    v.with.every(n => Number.isSafeInteger(n))
  );
}

function parseVerifyFailed(json: string): VerifyFailure[] | null {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) && value.every(isVerifyFailure) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The record in a staging head commit message, or null when there is none or it is malformed.
 * Only the last paragraph counts: everything above it quotes PR titles.
 */
export function parseStagingRecord(message: string): StagingRecord | null {
  const paragraphs = message
    .replace(/\r\n/g, '\n')
    .trim()
    .split(/\n[ \t]*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  const fields = new Map<string, string>();
  for (const line of last.split('\n')) {
    const match = /^([A-Za-z0-9-]+): ?(.*)$/.exec(line.trim());
    if (!match) return null; // not a trailer paragraph
    const [, key = '', value = ''] = match;
    if (key.startsWith('Staging-Action-') && fields.has(key)) return null;
    fields.set(key, value.trim());
  }
  const base = fields.get(BASE_TRAILER) ?? '';
  const digest = fields.get(DIGEST_TRAILER) ?? '';
  const conflictsJson = fields.get(CONFLICTS_TRAILER);
  if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(base)) return null;
  if (!/^[0-9a-f]{64}$/.test(digest)) return null;
  if (conflictsJson === undefined) return null;
  const conflicts = parseConflicts(conflictsJson);
  if (conflicts === null) return null;
  const verified = fields.get(VERIFIED_TRAILER) ?? null;
  if (verified !== null && !/^[0-9a-f]{64}$/.test(verified)) return null;
  const failedJson = fields.get(VERIFY_FAILED_TRAILER);
  const verifyFailed = failedJson === undefined ? [] : parseVerifyFailed(failedJson);
  if (verifyFailed === null) return null;
  return { base, digest, conflicts, verified, verifyFailed };
}
