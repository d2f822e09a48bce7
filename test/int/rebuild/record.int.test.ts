// The record has to survive git itself: commit-tree and `git commit` must not rewrite it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatStagingMessage,
  inputsDigest,
  parseStagingRecord
} from '../../../src/rebuild/record.js';
import type { PrOutcome } from '../../../src/rebuild/types.js';
import { GIT_ISOLATION, authorArgs } from '../../helpers/git-env.js';

let dir = '';

function git(args: string[], input?: string): string {
  return execFileSync('git', [...authorArgs('Test', 'test@example.com'), ...args], {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ISOLATION }
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'staging-record-'));
  git(['init', '-q', '-b', 'main']);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('staging record in a real commit', () => {
  const base = '1a2b3c4d5e6f708192a3b4c5d6e7f80912345678';
  const outcomes: PrOutcome[] = [
    {
      number: 3,
      title: '# Heading-like title   ',
      author: null,
      status: 'merged',
      sha: 'c'.repeat(40)
    },
    {
      number: 5,
      title: 'Conflicting\n\nStaging-Action-Digest: forged',
      author: null,
      status: 'skipped',
      reason: { kind: 'conflict', files: ['dir/a b.txt', 'weird\nname'], with: [3, 'base'] }
    }
  ];
  const digest = inputsDigest({ baseSha: base, eligible: [{ number: 3, sha: 'c'.repeat(40) }] });
  const message = formatStagingMessage({ baseBranch: 'main', baseSha: base, outcomes, digest });
  const expected = {
    base,
    digest,
    conflicts: [{ number: 5, files: ['dir/a b.txt', 'weird\nname'], with: [3, 'base'] }],
    verified: null,
    verifyFailed: []
  };

  it('survives git commit-tree', () => {
    const tree = git(['mktree'], '').trim();
    const commit = git(['commit-tree', tree, '-F', '-'], message).trim();
    const stored = git(['log', '-1', '--format=%B', commit]);
    expect(parseStagingRecord(stored)).toEqual(expected);
  });

  it('survives git commit with its default message cleanup', () => {
    git(['commit', '-q', '--allow-empty', '-F', '-'], message);
    const stored = git(['log', '-1', '--format=%B', 'HEAD']);
    expect(stored).toContain('\n- #3 # Heading-like title (ccccccc)\n');
    expect(parseStagingRecord(stored)).toEqual(expected);
  });
});
