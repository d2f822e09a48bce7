import { describe, expect, it } from '@jest/globals';
import { formatDuration, parseDuration } from '../../../src/util/duration.js';

describe('parseDuration', () => {
  it.each([
    ['30m', 30 * 60_000],
    ['2h', 2 * 3_600_000],
    ['7d', 7 * 86_400_000],
    ['90s', 90_000],
    ['1h30m', 90 * 60_000],
    [' 5m ', 5 * 60_000]
  ])('%s is %d ms', (raw, ms) => {
    expect(parseDuration('wait', raw)).toBe(ms);
  });

  it('is null when empty (never wait, never expire)', () => {
    expect(parseDuration('wait', '')).toBeNull();
  });

  it.each([
    ['30', 'it has no unit'],
    ['30 m', 'Expected a duration'],
    ['1.5h', 'Expected a duration'],
    ['-5m', 'Expected a duration'],
    ['2w', 'Expected a duration'],
    ['PT30M', 'Expected a duration'],
    ['0m', 'longer than 0'],
    ['400d', 'at most 366d']
  ])('refuses %s, naming the input', (raw, problem) => {
    expect(() => parseDuration('max-age', raw)).toThrow(
      new RegExp(
        `Invalid duration '${raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' for input 'max-age'.*${problem}`
      )
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [12_000, '12s'],
    [45 * 60_000, '45m'],
    [(2 * 24 + 3) * 3_600_000 + 5 * 60_000, '2d 3h'],
    [3 * 3_600_000, '3h'],
    [3_600_000 + 59_000, '1h']
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
