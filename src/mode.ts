// The contract every mode implements, and the table `main.ts` dispatches over. A mode reads its
// settings (typed, parsed once), connects to the edges it needs, runs with them, and hands back
// a result that its pure report turns into the job summary and the outputs.
import { InputError, type InputSource } from './inputs/parse.js';
import { MODE_ALIASES, MODE_NAMES, type ModeName } from './inputs/spec.js';
import type { Report } from './summary.js';

export type { ModeName } from './inputs/spec.js';

/** What a run hands back: the report (written once) and the outputs (set at the end). */
export interface ModeReport {
  report: Report;
  outputs: Record<string, string>;
  /**
   * Set when the step must fail after reporting (a triggered Job that failed or timed out): the
   * summary and the outputs are still written, then the step fails with this message.
   */
  failure?: string;
}

export interface Mode<Settings, Deps, Result> {
  /** Every input the mode uses, checked once; bad input throws before anything is changed. */
  readSettings(inputs: InputSource, env: NodeJS.ProcessEnv): Settings;
  /** Values to mask in the log (tokens, credentials); may load what it needs to find them. */
  secrets(settings: Settings): Array<string | null> | Promise<Array<string | null>>;
  /** The real edges (git, GitHub, Kubernetes, Sentry); tests hand in their own instead. */
  connect(settings: Settings): Deps;
  run(settings: Settings, deps: Deps): Promise<Result>;
  /** Pure: the summary a person reads and the outputs later steps read. */
  report(result: Result, settings: Settings): ModeReport;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table holds modes of every shape
export type AnyMode = Mode<any, any, any>;

/**
 * Each mode is loaded only when it runs (a separate chunk of the bundle): a rebuild never loads
 * the Kubernetes client, a deploy never loads octokit's GraphQL.
 */
export const MODES: Readonly<Record<ModeName, () => Promise<AnyMode>>> = {
  rebuild: async () => (await import('./rebuild/mode.js')).rebuildMode,
  deploy: async () => (await import('./deploy/mode.js')).deployMode,
  cleanup: async () => (await import('./cleanup/mode.js')).cleanupMode,
  status: async () => (await import('./status/mode.js')).statusMode,
  trigger: async () => (await import('./trigger/mode.js')).triggerMode,
  sweep: async () => (await import('./sweep/mode.js')).sweepMode
};

export function parseMode(raw: string): ModeName {
  const value = raw.trim().toLowerCase();
  if (value === '') {
    throw new InputError(`Input 'mode' is required. Expected one of: ${MODE_NAMES.join(', ')}.`);
  }
  const mode = Object.hasOwn(MODE_ALIASES, value) ? MODE_ALIASES[value] : value;
  if ((MODE_NAMES as readonly string[]).includes(mode)) return mode as ModeName;
  throw new InputError(`Invalid mode '${raw}'. Expected one of: ${MODE_NAMES.join(', ')}.`);
}
