// Runs the committed bundle (`node dist/index.js`) the way the Actions runner does: inputs as
// INPUT_* variables (action.yml defaults first, then the step's `with:`), GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, and nothing else of the test process's environment.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(ROOT, 'dist', 'index.js');

export interface DistRun {
  /** Exit code (null when killed). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** What the action wrote to GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** What the action wrote to GITHUB_STEP_SUMMARY. */
  summary: string;
}

/** The runner's name for an input's variable: `INPUT_` + uppercased name, spaces → `_`. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * Parses GITHUB_OUTPUT: `name<<DELIMITER\nvalue\nDELIMITER` blocks (what @actions/core writes)
 * and plain `name=value` lines.
 */
export function parseGithubOutput(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      if (i >= lines.length) throw new Error(`GITHUB_OUTPUT: '${name}' is not closed`);
      outputs[name] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
    else if (line !== '') throw new Error(`GITHUB_OUTPUT: unexpected line '${line}'`);
  }
  return outputs;
}

interface ActionYaml {
  inputs?: Record<string, { default?: unknown } | null>;
}

/**
 * The INPUT_* variables the runner sets for a step: every action.yml default (expressions
 * resolved by `expressions`, e.g. `${{ github.token }}`), overridden by the step's `with:`.
 */
export async function stepInputEnv(
  withInputs: Record<string, string>,
  expressions: Record<string, string>
): Promise<Record<string, string>> {
  const action = parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYaml;
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    const value = spec?.default;
    if (value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new Error(`action.yml: the default of '${name}' is not a scalar`);
    }
    const raw = String(value);
    const expression = /^\$\{\{\s*(.+?)\s*\}\}$/.exec(raw);
    if (expression && !(expression[1] in expressions)) {
      throw new Error(`action.yml: no value for the default expression of '${name}': ${raw}`);
    }
    env[inputVariable(name)] = expression ? expressions[expression[1]] : raw;
  }
  for (const [name, value] of Object.entries(withInputs)) env[inputVariable(name)] = value;
  return env;
}

interface WorkflowYaml {
  jobs?: Record<string, { steps?: Array<{ uses?: string; with?: Record<string, unknown> }> }>;
}

/** The `with:` of the step whose `uses` is `uses`, values as the runner passes them (strings). */
export function stepWith(workflowYaml: string, uses: string): Record<string, string> {
  const workflow = parse(workflowYaml) as WorkflowYaml;
  for (const job of Object.values(workflow.jobs ?? {})) {
    for (const step of job.steps ?? []) {
      if (step.uses === uses) {
        return Object.fromEntries(
          Object.entries(step.with ?? {}).map(([k, v]) => [
            k,
            typeof v === 'string' ? v : String(v)
          ])
        );
      }
    }
  }
  throw new Error(`no step uses '${uses}'`);
}

/** The YAML between `<!-- {marker}:start -->` and `<!-- {marker}:end -->`, without the fence. */
export function markedBlock(markdown: string, marker: string): string {
  const match = new RegExp(
    `<!-- ${marker}:start -->\\n\`\`\`ya?ml\\n([\\s\\S]*?)\`\`\`\\n<!-- ${marker}:end -->`
  ).exec(markdown);
  if (!match) throw new Error(`no ${marker} block`);
  return match[1];
}

/** Spawns `node dist/index.js` (this Node: the project's Node 24) and collects what it wrote. */
export async function runDist(env: Record<string, string>, timeoutMs = 60_000): Promise<DistRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'staging-action-run-'));
  try {
    const output = path.join(dir, 'output');
    const summary = path.join(dir, 'summary');
    await writeFile(output, '');
    await writeFile(summary, '');
    const childEnv: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      // The action's git must not see this machine's git configuration either.
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: os.devNull,
      RUNNER_TEMP: dir,
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      ...env
    };
    const { code, stdout, stderr } = await new Promise<{
      code: number | null;
      stdout: string;
      stderr: string;
    }>((resolve, reject) => {
      const child = spawn(process.execPath, [DIST], {
        cwd: env.GITHUB_WORKSPACE ?? dir,
        env: childEnv,
        stdio: ['ignore', 'pipe', 'pipe']
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', reject);
      child.on('close', exitCode => {
        clearTimeout(timer);
        resolve({
          code: exitCode,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8')
        });
      });
    });
    return {
      code,
      stdout,
      stderr,
      outputs: parseGithubOutput(await readFile(output, 'utf8')),
      summary: await readFile(summary, 'utf8')
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
