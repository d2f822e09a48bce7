// The action's entry: read the mode, load it, and run it through the one mode contract.
import type { InputSource } from './inputs/parse.js';
import * as runner from './io/runner.js';
import { log } from './log.js';
import { MODES, parseMode, type ModeReport } from './mode.js';
import { writeJobSummary, type Report } from './summary.js';
import { errorMessage } from './util/errors.js';

/** The edges of a run, so the CLI can print instead of writing a job summary. */
export interface RunIo {
  inputs: InputSource;
  env: NodeJS.ProcessEnv;
  setOutput(name: string, value: string): void;
  report(report: Report): Promise<void>;
  /** Values the log must never show. */
  mask(secret: string): void;
}

export const actionsIo: RunIo = {
  inputs: { get: name => runner.getInput(name) },
  env: process.env,
  setOutput: (name, value) => runner.setOutput(name, value),
  report: writeJobSummary,
  mask: secret => runner.setSecret(secret)
};

// Settings fields never written to the debug log.
const HIDDEN_SETTINGS = new Set(['githubToken', 'kubeconfig', 'sentry']);

/** Reads the selected mode's settings, connects it to the real edges, runs it, reports. */
export async function runMode(io: Omit<RunIo, 'setOutput' | 'report'>): Promise<ModeReport> {
  const mode = await MODES[parseMode(io.inputs.get('mode'))]();
  const settings = mode.readSettings(io.inputs, io.env) as Record<string, unknown>;
  for (const secret of await mode.secrets(settings)) {
    // The runner masks line by line: a multi-line secret is registered one line at a time.
    // (A kubeconfig arrives as its credential values only, so its structure stays readable.)
    for (const line of secret?.split('\n') ?? []) if (line.trim().length > 3) io.mask(line.trim());
  }
  for (const [key, value] of Object.entries(settings)) {
    if (!HIDDEN_SETTINGS.has(key)) log.debug(`${key}: ${JSON.stringify(value)}`);
  }
  const result: unknown = await mode.run(settings, mode.connect(settings));
  return mode.report(result, settings);
}

/** The action's entry point: read inputs once, dispatch on mode, set outputs, write the summary. */
export async function run(io: RunIo = actionsIo): Promise<void> {
  try {
    const { report, outputs, failure } = await runMode(io);
    for (const [name, value] of Object.entries(outputs)) io.setOutput(name, value);
    await io.report(report);
    if (failure !== undefined) runner.setFailed(failure);
  } catch (error) {
    runner.setFailed(errorMessage(error));
  }
}
