import { describe, expect, it } from '@jest/globals';
import {
  conflictPaths,
  forkPoints,
  isLeaseLost,
  isTransient,
  parseVersion
} from '../../../src/io/git-parse.js';

const sha = (c: string): string => c.repeat(40);

describe('forkPoints', () => {
  it("finds each head's one boundary commit and the commits only it has, null for a head in base", () => {
    // a <- b (head 1) on top of base commit m; head 2 (m itself) is not listed: reachable.
    const revList = [`${sha('b')} ${sha('a')}`, `${sha('a')} ${sha('m')}`, `-${sha('m')}`, ''];
    const forks = forkPoints(revList.join('\n'), [sha('b'), sha('m')]);
    expect(forks).toEqual(
      new Map([
        [sha('b'), { base: sha('m'), exclusive: new Set([sha('b'), sha('a')]) }],
        [sha('m'), null]
      ])
    );
  });

  it('gives two heads that share a commit each their own history, the shared commit in both', () => {
    // s <- c (head 1), s <- d (head 2): a stacked pair on top of base commit m.
    const revList = [
      `${sha('c')} ${sha('s')}`,
      `${sha('d')} ${sha('s')}`,
      `${sha('s')} ${sha('m')}`,
      `-${sha('m')}`
    ];
    const forks = forkPoints(revList.join('\n'), [sha('c'), sha('d')]);
    expect(forks.get(sha('c'))?.exclusive).toEqual(new Set([sha('c'), sha('s')]));
    expect(forks.get(sha('d'))?.exclusive).toEqual(new Set([sha('d'), sha('s')]));
  });

  it('leaves out a head with two candidate merge bases (criss-cross)', () => {
    const revList = [`${sha('c')} ${sha('x')} ${sha('y')}`, `-${sha('x')}`, `-${sha('y')}`];
    expect(forkPoints(revList.join('\n'), [sha('c')]).has(sha('c'))).toBe(false);
  });
});

describe('git output', () => {
  it('reads the version, and 0.0 when it cannot', () => {
    expect(parseVersion('git version 2.43.0\n')).toEqual({
      major: 2,
      minor: 43,
      text: 'git version 2.43.0'
    });
    expect(parseVersion('?')).toMatchObject({ major: 0, minor: 0 });
  });

  it("names a file/directory clash by the PRs' path, not merge-tree's path~side", () => {
    expect(conflictPaths(['b.txt', `a~${sha('d')}`, 'a'], [sha('c'), sha('d')])).toEqual([
      'a',
      'b.txt'
    ]);
  });

  it('tells a lost race from another refusal, whatever SHAs the message holds', () => {
    const race = `! refs/heads/staging [remote rejected] (cannot lock ref 'refs/heads/staging': is at ${sha('1')} but expected ${sha('2')})`;
    expect(isLeaseLost(race)).toBe(true);
    expect(isLeaseLost('! [remote rejected] staging (pre-receive hook declined)')).toBe(false);
    expect(isTransient('error: RPC failed; HTTP 502 curl 22')).toBe(true);
    expect(isTransient('fatal: Authentication failed')).toBe(false);
  });
});
