import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mergeOrder } from '../../../src/rebuild/outcome.js';

describe('mergeOrder', () => {
  it('merges the oldest PR (lowest number) first', () => {
    const prs = [{ number: 30 }, { number: 4 }, { number: 12 }];
    expect(mergeOrder(prs).map(p => p.number)).toEqual([4, 12, 30]);
  });

  it('gives the same order whatever order GitHub listed the PRs in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 100000 })), numbers => {
        const prs = numbers.map(number => ({ number, title: `PR ${number}` }));
        const reversed = [...prs].reverse();
        expect(mergeOrder(prs)).toEqual(mergeOrder(reversed));
        expect(mergeOrder(prs).map(p => p.number)).toEqual([...numbers].sort((a, b) => a - b));
      })
    );
  });

  it('leaves the caller list as it was', () => {
    const prs = [{ number: 2 }, { number: 1 }];
    mergeOrder(prs);
    expect(prs.map(p => p.number)).toEqual([2, 1]);
  });
});
