import { describe, expect, it } from '@jest/globals';
import {
  conflictPaths,
  isLeaseLost,
  isTransient,
  mergeBases,
  parseVersion
} from '../../../src/io/git-parse.js';

const sha = (c: string): string => c.repeat(40);

describe('mergeBases', () => {
  it("finds each head's one boundary commit, null for a head already in base", () => {
    // a <- b (head 1) on top of base commit m; head 2 (m itself) is not listed: reachable.
    const revList = [`${sha('b')} ${sha('a')}`, `${sha('a')} ${sha('m')}`, `-${sha('m')}`, ''];
    const bases = mergeBases(revList.join('\n'), [sha('b'), sha('m')]);
    expect(bases).toEqual(
      new Map([
        [sha('b'), sha('m')],
        [sha('m'), null]
      ])
    );
  });

  it('leaves out a head with two candidate merge bases (criss-cross)', () => {
    const revList = [`${sha('c')} ${sha('x')} ${sha('y')}`, `-${sha('x')}`, `-${sha('y')}`];
    expect(mergeBases(revList.join('\n'), [sha('c')]).has(sha('c'))).toBe(false);
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
