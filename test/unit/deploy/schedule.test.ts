import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ValidationError } from '../../../src/dataset/errors.js';
import { offsetSchedule } from '../../../src/dataset/schedule.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.message;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('offsetSchedule', () => {
  it.each(['@hourly', '*/5 * * * *', 'CRON_TZ=UTC 0 6 * * *', 'not a schedule'])(
    'leaves %j untouched with offset 0',
    schedule => {
      expect(offsetSchedule(schedule, 0)).toBe(schedule);
    }
  );

  it.each([
    ['0 * * * *', 10, '10 * * * *'],
    ['50 * * * *', 15, '5 * * * *'],
    ['5 * * * *', -10, '55 * * * *'],
    ['0,30 * * * *', 45, '45,15 * * * *'],
    ['50 6 * * *', 15, '5 7 * * *'],
    ['5 7 * * *', -15, '50 6 * * *'],
    ['50 6,18 * * *', 15, '5 7,19 * * *'],
    ['50 23 * * *', 15, '5 0 * * *'],
    ['5 0 * * ?', -15, '50 23 * * ?'],
    ['10 6-8 * * 1-5', 15, '25 6-8 * * 1-5'],
    ['10 */2 1 * *', -10, '0 */2 1 * *'],
    ['  0   6 * * *  ', 5, '5 6 * * *']
  ])('shifts %j by %i minutes to %j', (schedule, minutes, expected) => {
    expect(offsetSchedule(schedule, minutes)).toBe(expected);
  });

  it.each([
    ['@hourly', 5, 'write it as "0 * * * *" instead'],
    ['@daily', 5, 'write it as "0 0 * * *" instead'],
    ['*/15 * * * *', 5, 'the minute field "*/15" is not a list of numbers 0-59'],
    ['0-10 * * * *', 5, 'the minute field "0-10"'],
    ['60 * * * *', 5, 'the minute field "60"'],
    ['0 * * *', 5, 'it has 4 fields instead of 5'],
    ['CRON_TZ=UTC 0 6 * * *', 5, 'spec.timeZone'],
    ['50 6-8 * * *', 15, 'cannot be applied to the hour field "6-8"'],
    ['50 */2 * * *', 15, 'the hour field "*/2"'],
    ['0,30 6 * * *', 45, 'some runs move into another hour and others do not'],
    ['50 23 * * 1', 15, 'across midnight'],
    ['5 0 1 * *', -10, 'across midnight'],
    ['50 23 * 6 *', 15, 'across midnight']
  ])('refuses to shift %j by %i and says what is supported', (schedule, minutes, reason) => {
    const message = messageOf(() => offsetSchedule(schedule, minutes));
    expect(message).toContain(`Cannot offset the schedule ${JSON.stringify(schedule)}`);
    expect(message).toContain(reason);
    expect(message).toContain('minute field is a number or a comma-separated list of numbers');
  });

  it.each([60, -60, 1.5, Number.NaN])('rejects the offset %p', minutes => {
    expect(messageOf(() => offsetSchedule('0 * * * *', minutes))).toContain(
      'whole number of minutes from -59 to 59'
    );
  });

  it('accepts the whole -59..59 range', () => {
    expect(offsetSchedule('0 * * * *', 59)).toBe('59 * * * *');
    expect(offsetSchedule('0 * * * *', -59)).toBe('1 * * * *');
  });

  const minuteLists = fc.uniqueArray(fc.integer({ min: 0, max: 59 }), {
    minLength: 1,
    maxLength: 6
  });
  const offsets = fc.integer({ min: -59, max: 59 });
  const restFields = fc.constantFrom('* * *', '1 * *', '* * 1-5', '*/2 1,6 *');

  it('returns the original schedule after shifting by k and then -k (hour field *)', () => {
    fc.assert(
      fc.property(minuteLists, offsets, restFields, (runMinutes, k, rest) => {
        const schedule = `${runMinutes.join(',')} * ${rest}`;
        expect(offsetSchedule(offsetSchedule(schedule, k), -k)).toBe(schedule);
      })
    );
  });

  it('moves every run by exactly k minutes (hour field *)', () => {
    fc.assert(
      fc.property(minuteLists, offsets, (runMinutes, k) => {
        const [minuteField, ...rest] = offsetSchedule(`${runMinutes.join(',')} * * * *`, k).split(
          ' '
        );
        expect(rest).toEqual(['*', '*', '*', '*']);
        expect(minuteField?.split(',').map(Number)).toEqual(runMinutes.map(m => (m + k + 60) % 60));
      })
    );
  });

  it('keeps the run time exact when carrying into a numeric hour field', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 23 }),
        offsets,
        (m, h, k) => {
          const [minute, hour] = offsetSchedule(`${m} ${h} * * *`, k).split(' ').map(Number);
          const before = (h * 60 + m + k + 24 * 60) % (24 * 60);
          expect((hour ?? NaN) * 60 + (minute ?? NaN)).toBe(before);
        }
      )
    );
  });
});
