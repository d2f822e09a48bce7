// Staggering staging runs after (or before) production ones, so two versions of a dataset do not hit
// upstream sources at the same minute. Only shifts that keep the exact meaning of the schedule are
// applied; anything else is refused with an explanation rather than silently approximated.
import { ValidationError, quote } from './errors.js';

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *'
};
const NUMBER_LIST = /^[0-9]+(,[0-9]+)*$/;
const SUPPORTED =
  'A non-zero offset works only on 5-field schedules whose minute field is a number or a ' +
  'comma-separated list of numbers (e.g. "15 * * * *" or "0,30 6 * * *"); when runs move into ' +
  'another hour, the hour field must be "*" or plain numbers. Set the offset to 0 to keep the ' +
  'production schedule.';

function fail(schedule: string, minutes: number, problem: string): never {
  throw new ValidationError(
    `Cannot offset the schedule ${quote(schedule)} by ${minutes} minutes: ${problem}. ${SUPPORTED}`
  );
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

function numbers(field: string, max: number): number[] | null {
  if (!NUMBER_LIST.test(field)) return null;
  const values = field.split(',').map(Number);
  return values.every(v => v <= max) ? values : null;
}

function checkOffset(minutes: number): void {
  if (!Number.isInteger(minutes) || minutes < -59 || minutes > 59) {
    throw new ValidationError(
      `Schedule offset ${quote(String(minutes))} is not valid: it must be a whole number of ` +
        'minutes from -59 to 59 (e.g. 10 runs staging 10 minutes after production).'
    );
  }
}

/** `schedule` shifted by `minutes` (-59..59); 0 returns it unchanged, whatever its form. */
export function offsetSchedule(schedule: string, minutes: number): string {
  checkOffset(minutes);
  if (minutes === 0) return schedule;
  const trimmed = schedule.trim();
  const macro = MACROS[trimmed.toLowerCase()];
  if (trimmed.startsWith('@')) {
    const hint = macro === undefined ? '' : ` (write it as ${quote(macro)} instead)`;
    fail(schedule, minutes, `macros such as ${trimmed} cannot be shifted${hint}`);
  }
  const fields = trimmed.split(/\s+/);
  if (fields.length !== 5) {
    fail(
      schedule,
      minutes,
      `it has ${fields.length} fields instead of 5 (minute hour day-of-month month day-of-week; ` +
        'set a time zone with spec.timeZone, not CRON_TZ=)'
    );
  }
  const [minuteField, hourField, dayOfMonth, month, dayOfWeek] = fields as [
    string,
    string,
    string,
    string,
    string
  ];
  const runMinutes = numbers(minuteField, 59);
  if (runMinutes === null) {
    fail(schedule, minutes, `the minute field ${quote(minuteField)} is not a list of numbers 0-59`);
  }
  const shifted = runMinutes.map(m => m + minutes);
  const newMinutes = shifted.map(m => mod(m, 60)).join(',');
  const carries = new Set(shifted.map(m => Math.floor(m / 60)));
  const rest = [dayOfMonth, month, dayOfWeek];
  // Every hour runs anyway, so moving a run into the neighbouring hour changes nothing else.
  if ((carries.size === 1 && carries.has(0)) || hourField === '*') {
    return [newMinutes, hourField, ...rest].join(' ');
  }
  const hours = numbers(hourField, 23);
  if (hours === null) {
    fail(
      schedule,
      minutes,
      `runs move into another hour, which cannot be applied to the hour field ${quote(hourField)}`
    );
  }
  if (carries.size > 1) {
    fail(
      schedule,
      minutes,
      `some runs move into another hour and others do not, which one hour field cannot express`
    );
  }
  const [carry] = [...carries] as [number];
  const movedHours = hours.map(h => h + carry);
  const crossesMidnight = movedHours.some(h => h < 0 || h > 23);
  const daysRestricted = rest.some(field => field !== '*' && field !== '?');
  if (crossesMidnight && daysRestricted) {
    fail(
      schedule,
      minutes,
      'runs move across midnight while day-of-month, month or day-of-week is restricted, so they ' +
        'would land on other days; choose an offset that stays within the day'
    );
  }
  return [newMinutes, movedHours.map(h => mod(h, 24)).join(','), ...rest].join(' ');
}
