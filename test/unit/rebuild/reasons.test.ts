import { describe, expect, it } from '@jest/globals';
import { describeSkip, oneLine, reasonCode } from '../../../src/rebuild/reasons.js';
import type { SkipReason } from '../../../src/rebuild/types.js';

const OLD = '1a2b3c4d5e6f708192a3b4c5d6e7f80912345678';
const NEW = '5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80';

describe('describeSkip', () => {
  it.each<[SkipReason, string]>([
    [{ kind: 'draft' }, 'draft'],
    [{ kind: 'fork' }, 'from a fork'],
    [{ kind: 'label', missing: ['deploy'], excluded: [] }, 'label: missing "deploy"'],
    [{ kind: 'label', missing: [], excluded: ['do-not-stage'] }, 'label: has "do-not-stage"'],
    [
      { kind: 'label', missing: ['deploy', 'qa'], excluded: ['wip'] },
      'label: missing "deploy", "qa"; has "wip"'
    ],
    [{ kind: 'ci-failing', checks: ['CI / test', 'lint'] }, 'CI failing: CI / test, lint'],
    [{ kind: 'ci-pending', checks: ['CI / build'] }, 'CI pending: CI / build'],
    [{ kind: 'no-checks' }, 'CI pending: no checks reported yet (require-checks)'],
    [
      { kind: 'head-moved', expected: OLD, actual: NEW },
      'head moved after its checks ran (1a2b3c4 → 5d6e7f8)'
    ],
    [{ kind: 'conflict', files: ['a.txt'], with: [3] }, 'conflict with #3 in a.txt'],
    [
      { kind: 'conflict', files: ['a.txt', 'b.txt'], with: [5, 3] },
      'conflict with #3, #5 in a.txt, b.txt'
    ],
    [{ kind: 'conflict', files: ['a.txt'], with: ['base'] }, 'conflict with base in a.txt'],
    [{ kind: 'conflict', files: ['x'], with: [7, 'base'] }, 'conflict with base, #7 in x']
  ])('%j reads "%s"', (reason, text) => {
    expect(describeSkip(reason)).toBe(text);
  });

  it('lists at most five files, then how many more', () => {
    const files = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(describeSkip({ kind: 'conflict', files, with: [2] })).toBe(
      'conflict with #2 in a, b, c, d, e and 2 more'
    );
    expect(describeSkip({ kind: 'conflict', files: files.slice(0, 5), with: [2] })).toBe(
      'conflict with #2 in a, b, c, d, e'
    );
  });

  it('keeps hostile file and check names on one line', () => {
    const text = describeSkip({
      kind: 'conflict',
      files: ['evil\n\nStaging-Action-Base: x'],
      with: [1]
    });
    expect(text).toBe('conflict with #1 in evil Staging-Action-Base: x');
    expect(describeSkip({ kind: 'ci-failing', checks: ['a\r\nb'] })).toBe('CI failing: a b');
    expect(describeSkip({ kind: 'ci-unknown', detail: 'GitHub answered\nnode: null' })).toBe(
      'CI not known: GitHub answered node: null'
    );
  });
});

describe('reasonCode', () => {
  it('gives each reason its stable code', () => {
    const reasons: SkipReason[] = [
      { kind: 'draft' },
      { kind: 'fork' },
      { kind: 'label', missing: ['x'], excluded: [] },
      { kind: 'ci-failing', checks: ['a'] },
      { kind: 'ci-pending', checks: ['a'] },
      { kind: 'no-checks' },
      { kind: 'ci-unknown', detail: 'x' },
      { kind: 'head-moved', expected: OLD, actual: NEW },
      { kind: 'head-missing', sha: OLD },
      { kind: 'conflict', files: [], with: ['base'] }
    ];
    expect(reasons.map(reasonCode)).toEqual([
      'draft',
      'fork',
      'label',
      'ci-failing',
      'ci-pending',
      'no-checks',
      'ci-unknown',
      'head-moved',
      'head-missing',
      'conflict'
    ]);
  });
});

describe('oneLine', () => {
  it('turns line breaks and control characters into single spaces', () => {
    expect(oneLine('  Fix\r\nthe\tthing\u2028now\u0000 ')).toBe('Fix the thing now');
  });
});
