import { describe, expect, it } from '@jest/globals';
import { fitStatusDescription } from '../../../src/io/github-rules.js';

describe('fitStatusDescription', () => {
  it('keeps a description of up to 140 characters as it is', () => {
    const fits = 'x'.repeat(140);
    expect(fitStatusDescription(fits)).toBe(fits);
  });

  it('cuts a longer one to 140 characters, ending in an ellipsis', () => {
    const cut = fitStatusDescription('y'.repeat(141));
    expect(cut).toHaveLength(140);
    expect(cut.endsWith('y…')).toBe(true);
  });
});
