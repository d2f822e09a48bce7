// Runs the bundled action (dist/) and the CLI as child processes, the way a runner and a shell do:
// inputs as INPUT_* variables with action.yml's defaults filled in, outputs read back from
// GITHUB_OUTPUT and the job summary from GITHUB_STEP_SUMMARY. The environment is built from
// scratch, so nothing of the machine running the tests (or of a CI job's own GITHUB_*) leaks in.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ACTION_ENTRY = path.join(ROOT, 'dist', 'index.js');

/** The CLI as npm installs it: package.json's `bin`. */
export function cliEntry(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
  };
  const bin = pkg.bin['staging-action'];
  if (!bin) throw new Error('package.json has no staging-action bin');
  return path.join(ROOT, bin);
}

export interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `process.execPath args` with exactly `env` (plus a clean git); never through a shell. */
export function spawnNode(
  args: string[],
  options: { env: Record<string, string>; cwd: string; timeoutMs?: number }
): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: baseEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 30_000
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', code =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8')
      })
    );
  });
}

function baseEnv(extra: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: os.tmpdir(),
    LANG: 'C.UTF-8',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    ...extra
  };
}

/** `name<<delimiter` blocks, as @actions/core writes them to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, name, delimiter] = match as unknown as [string, string, string];
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    outputs[name] = value.join('\n');
  }
  return outputs;
}

export interface ActionRun extends Spawned {
  outputs: Record<string, string>;
  /** The job summary written (HTML). */
  summary: string;
}

/** The files a runner provides to a step; removed with `cleanup()`. */
export interface RunnerFiles {
  dir: string;
  /** Writes the event payload and returns its path. */
  event(payload: unknown): Promise<string>;
  cleanup(): Promise<void>;
}

export async function runnerFiles(): Promise<RunnerFiles> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'staging-action-runner-'));
  let events = 0;
  return {
    dir,
    async event(payload) {
      events += 1;
      const file = path.join(dir, `event-${events}.json`);
      await writeFile(file, JSON.stringify(payload));
      return file;
    },
    cleanup: () => rm(dir, { recursive: true, force: true })
  };
}

let runs = 0;

/**
 * `node dist/index.js` as a runner starts a step: `inputs` become INPUT_* variables (the name
 * upper-cased, spaces as `_`, dashes kept), `env` is the rest of the step's environment.
 */
export async function runAction(
  files: RunnerFiles,
  inputs: Record<string, string>,
  env: Record<string, string>
): Promise<ActionRun> {
  runs += 1;
  const output = path.join(files.dir, `output-${runs}`);
  const summary = path.join(files.dir, `summary-${runs}`);
  await Promise.all([writeFile(output, ''), writeFile(summary, '')]);
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v])
  );
  const result = await spawnNode([ACTION_ENTRY], {
    cwd: env.GITHUB_WORKSPACE ?? files.dir,
    env: {
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      RUNNER_TEMP: files.dir,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      ...inputEnv,
      ...env
    }
  });
  return {
    ...result,
    outputs: parseOutputFile(await readFile(output, 'utf8')),
    summary: await readFile(summary, 'utf8')
  };
}

/** Values the runner substitutes for `${{ ... }}` expressions in defaults and `with:`. */
export type Expressions = Record<string, string>;

function substitute(value: string, expressions: Expressions, where: string): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
    const resolved = expressions[expression];
    if (resolved === undefined) {
      throw new Error(`${where}: no test value for the expression \${{ ${expression} }}`);
    }
    return resolved;
  });
}

/** action.yml's input defaults, as the runner fills them in for inputs a workflow leaves out. */
export function actionDefaults(expressions: Expressions): Record<string, string> {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  return Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [
      name,
      substitute(String(input.default ?? ''), expressions, `action.yml inputs.${name}.default`)
    ])
  );
}

/** The text of a README section between `<!-- marker:start -->` and `<!-- marker:end -->`, unfenced. */
export function readmeWorkflow(marker: string): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`<!-- ${marker}:start -->`);
  const end = readme.indexOf(`<!-- ${marker}:end -->`);
  if (start < 0 || end < start) throw new Error(`README.md has no ${marker} section`);
  const block = readme.slice(start, end);
  const fenced = /```ya?ml\n([\s\S]*?)```/.exec(block);
  if (!fenced) throw new Error(`README.md's ${marker} section has no yaml code block`);
  return fenced[1] ?? '';
}

export function exampleWorkflow(file: string): string {
  return readFileSync(path.join(ROOT, 'docs', 'examples', file), 'utf8');
}

interface WorkflowStep {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

/**
 * Every input of a workflow's step that uses this action (`uses: ./`), as the runner passes them:
 * action.yml's defaults, overridden by the step's `with:`, with expressions substituted.
 */
export function stepInputs(workflow: string, expressions: Expressions): Record<string, string> {
  const parsed = parse(workflow) as { jobs: Record<string, { steps: WorkflowStep[] }> };
  const steps = Object.values(parsed.jobs).flatMap(job => job.steps);
  const ours = steps.filter(s => s.uses === './');
  if (ours.length !== 1) throw new Error(`expected one step with uses: ./, found ${ours.length}`);
  const withInputs: Record<string, string> = {};
  for (const [name, value] of Object.entries(ours[0]?.with ?? {})) {
    withInputs[name] = substitute(String(value), expressions, `with.${name}`);
  }
  return { ...actionDefaults(expressions), ...withInputs };
}
