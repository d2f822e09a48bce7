// Why a PR stayed out of staging, in words a person reads at a glance.

import type { SkipReason } from './types.js';

const MAX_LISTED = 5;

/**
 * Names from GitHub or git (titles, labels, check names, file names) on one line: a newline in
 * one could otherwise forge a line in a commit message or break a table.
 */
export function oneLine(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

/** What a verify run checked. */
export function describeRun(prs: number[]): string {
  return prs.length === 0 ? 'base alone' : `base + ${prs.map(n => `#${n}`).join(' ')}`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

function list(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).map(oneLine).join(', ');
  const more = items.length - MAX_LISTED;
  return more > 0 ? `${shown} and ${more} more` : shown;
}

function quoted(labels: string[]): string {
  return labels.map(l => `"${oneLine(l)}"`).join(', ');
}

function conflictPartners(partners: Array<number | 'base'>): string {
  const prs = [...new Set(partners.filter((p): p is number => p !== 'base'))].sort((a, b) => a - b);
  const names = [...(partners.includes('base') ? ['base'] : []), ...prs.map(n => `#${n}`)];
  return names.join(', ');
}

/** The stable code for a reason, as in the `skipped` output. */
export function reasonCode(reason: SkipReason): string {
  return reason.kind;
}

export function describeSkip(reason: SkipReason): string {
  switch (reason.kind) {
    case 'draft':
      return 'draft';
    case 'fork':
      return 'from a fork';
    case 'label': {
      const parts: string[] = [];
      if (reason.missing.length > 0) parts.push(`missing ${quoted(reason.missing)}`);
      if (reason.excluded.length > 0) parts.push(`has ${quoted(reason.excluded)}`);
      return `label: ${parts.join('; ')}`;
    }
    case 'ci-failing':
      return `CI failing: ${list(reason.checks)}`;
    case 'ci-pending':
      return `CI pending: ${list(reason.checks)}`;
    case 'no-checks':
      return 'CI pending: no checks reported yet (require-checks)';
    case 'ci-unknown':
      return `CI not known: ${oneLine(reason.detail)}`;
    case 'head-moved':
      return `head moved after its checks ran (${shortSha(reason.expected)} → ${shortSha(reason.actual)})`;
    case 'head-missing':
      return `head ${shortSha(reason.sha)} cannot be fetched: GitHub has no refs/pull head for it (a new push to the PR restores it)`;
    case 'verify-failed':
      return reason.with.length === 0
        ? 'verify-command fails with it on the base'
        : `verify-command fails with it combined with ${list(reason.with.map(n => `#${n}`))}`;
    case 'conflict': {
      const partners = conflictPartners(reason.with);
      const withText = partners === '' ? 'conflict' : `conflict with ${partners}`;
      return reason.files.length > 0 ? `${withText} in ${list(reason.files)}` : withText;
    }
  }
}
