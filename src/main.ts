import * as core from '@actions/core';
import { runCleanup } from './cleanup/run.js';
import { runDeploy } from './deploy/run.js';
import { Git } from './git.js';
import { createOctokit, GitHub } from './github.js';
import { readSettings, type InputSource, type Settings } from './inputs.js';
import { createKubernetes, loadKubeConfig } from './kubernetes.js';
import { buildRebuildReport, rebuildOutputs } from './rebuild/report.js';
import { rebuild } from './rebuild/run.js';
import { writeJobSummary, type Report } from './summary.js';

/** What a mode hands back: the report (written once) and the outputs (set at the end). */
export interface ModeResult {
  report: Report;
  outputs: Record<string, string>;
}

/** The edges of a run, so the CLI can print instead of writing a job summary. */
export interface RunIo {
  inputs: InputSource;
  env: NodeJS.ProcessEnv;
  setOutput(name: string, value: string): void;
  report(report: Report): Promise<void>;
}

export const actionsIo: RunIo = {
  inputs: { get: name => core.getInput(name) },
  env: process.env,
  setOutput: (name, value) => core.setOutput(name, value),
  report: writeJobSummary
};

function maskSecrets(settings: Settings): void {
  const secrets = [settings.githubToken, 'kubeconfig' in settings ? settings.kubeconfig : null];
  if (settings.mode === 'cleanup') secrets.push(settings.sentry?.token ?? null);
  for (const secret of secrets) {
    // Multi-line secrets (a kubeconfig) are masked line by line, as the runner needs.
    for (const line of secret?.split('\n') ?? [])
      if (line.trim().length > 3) core.setSecret(line.trim());
  }
}

function logSettings(settings: Settings): void {
  const hidden = new Set(['githubToken', 'kubeconfig', 'sentry']);
  for (const [key, value] of Object.entries(settings)) {
    if (!hidden.has(key)) core.debug(`${key}: ${JSON.stringify(value)}`);
  }
}

export async function runMode(settings: Settings): Promise<ModeResult> {
  const github = new GitHub(
    createOctokit(settings.githubToken, settings.apiUrl),
    settings.repository
  );
  switch (settings.mode) {
    case 'rebuild': {
      const result = await rebuild(settings, {
        github,
        git: new Git(settings.workspace),
        flux: () => createKubernetes(loadKubeConfig(settings.kubeconfig ?? undefined)).flux
      });
      return { report: buildRebuildReport(result), outputs: rebuildOutputs(result) };
    }
    case 'deploy':
      return runDeploy(settings, { git: new Git(settings.workspace) });
    case 'cleanup':
      return runCleanup(settings, { github });
  }
}

/** The action's entry point: read inputs once, dispatch on mode, set outputs, write the summary. */
export async function run(io: RunIo = actionsIo): Promise<void> {
  try {
    const settings = readSettings(io.inputs, io.env);
    maskSecrets(settings);
    logSettings(settings);
    const { report, outputs } = await runMode(settings);
    for (const [name, value] of Object.entries(outputs)) io.setOutput(name, value);
    await io.report(report);
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
