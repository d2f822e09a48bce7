// Durations as people write them in workflow inputs (`30m`, `2h`, `7d`, `1h30m`), and back.
import { InputError } from '../inputs/parse.js';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;
const PART = /(\d+)([smhd])/g;
const WHOLE = /^(\d+[smhd])+$/;
// setTimeout and Date arithmetic stay exact far beyond this; anything longer is a typo.
const MAX_MS = 366 * UNIT_MS.d;

/** Milliseconds of `raw` (`90s`, `30m`, `2h`, `7d`, `1h30m`); null when empty; throws otherwise. */
export function parseDuration(name: string, raw: string): number | null {
  const value = raw.trim();
  if (value === '') return null;
  const expected =
    'Expected a duration: a whole number and a unit s, m, h or d, e.g. 30m, 2h, 7d or 1h30m.';
  if (/^\d+$/.test(value)) {
    throw new InputError(
      `Invalid duration '${raw}' for input '${name}': it has no unit. ${expected}`
    );
  }
  if (!WHOLE.test(value))
    throw new InputError(`Invalid duration '${raw}' for input '${name}'. ${expected}`);
  let ms = 0;
  for (const [, amount, unit] of value.matchAll(PART)) ms += Number(amount) * UNIT_MS[unit as Unit];
  if (ms === 0) {
    throw new InputError(
      `Invalid duration '${raw}' for input '${name}': it must be longer than 0. ${expected}`
    );
  }
  if (ms > MAX_MS) {
    throw new InputError(`Invalid duration '${raw}' for input '${name}': at most 366d.`);
  }
  return ms;
}

/** The largest two units of `ms`, e.g. `2d 3h`, `45m`, `12s`; `0s` for anything under a second. */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.floor(ms / 1000));
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1]
  ] as const) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || (parts.length > 0 && parts.length < 2)) parts.push(`${amount}${unit}`);
    if (parts.length === 2) break;
  }
  const shown = parts.filter((p, i) => i === 0 || !p.startsWith('0'));
  return shown.length > 0 ? shown.join(' ') : '0s';
}
