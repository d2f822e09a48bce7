import { describe, expect, it } from '@jest/globals';
import { currentStatuses, statusUnchanged } from '../../../src/rebuild/statuses.js';
import type { PullRequestInfo } from '../../../src/rebuild/types.js';

function pr(checksOid: string, statuses: Array<[string, string, string | null]>): PullRequestInfo {
  return {
    number: 1,
    title: 't',
    author: null,
    isDraft: false,
    isCrossRepository: false,
    headRefOid: checksOid,
    labels: [],
    checksOid,
    checks: statuses.map(([name, state, description]) => ({
      kind: 'status' as const,
      name,
      state,
      description,
      createdAt: null
    }))
  };
}

describe('statuses only when they change', () => {
  const current = currentStatuses(
    [
      pr('aaa', [
        ['staging', 'SUCCESS', 'In staging'],
        ['ci', 'FAILURE', 'x']
      ]),
      pr('bbb', [])
    ],
    'staging'
  );

  it('reads only the own context, by the checked commit', () => {
    expect([...current]).toEqual([['aaa', { state: 'SUCCESS', description: 'In staging' }]]);
  });

  it('skips a status GitHub already shows, posts one that differs or is missing', () => {
    const ok = { state: 'success', description: 'In staging' };
    expect(statusUnchanged(current.get('aaa'), ok)).toBe(true);
    expect(statusUnchanged(current.get('aaa'), { ...ok, state: 'failure' })).toBe(false);
    expect(statusUnchanged(current.get('aaa'), { ...ok, description: 'Not in staging' })).toBe(
      false
    );
    expect(statusUnchanged(current.get('bbb'), ok)).toBe(false);
  });

  it('compares a long description as GitHub stores it, cut to 140 characters', () => {
    const long = `Not in staging: ${'x'.repeat(200)}`;
    const stored = { state: 'FAILURE', description: `${long.slice(0, 139)}…` };
    expect(statusUnchanged(stored, { state: 'failure', description: long })).toBe(true);
  });
});
