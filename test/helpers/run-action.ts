// Runs the bundled action (dist/index.js) and the CLI (package.json's bin) as child processes, the
// way a runner and a shell do: inputs as INPUT_* variables with action.yml's defaults filled in,
// outputs read back from GITHUB_OUTPUT and the job summary from GITHUB_STEP_SUMMARY. The
// environment is built from scratch, so nothing of the machine running the tests, the demo or the
// benchmark (nor a CI job's own GITHUB_*, INPUT_* or KUBECONFIG) leaks in.
//
// Shared by the e2e tests and by `npm run demo` / `npm run bench`, which load it with Node's own
// type stripping: relative imports name `.ts` files, and no TypeScript-only runtime syntax.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { GIT_ISOLATION } from './git-env.ts';

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
  /** Exit code (null when killed). */
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions {
  /** The child's environment, on top of PATH, HOME, LANG and a git that reads no configuration. */
  env: Record<string, string>;
  cwd: string;
  /** Killed (SIGKILL) after this long; 30 s unless given, 0 for no limit. */
  timeoutMs?: number;
}

/** Runs `process.execPath args` (the project's Node 24) with exactly `env`; never via a shell. */
export function spawnNode(args: string[], options: SpawnOptions): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: baseEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 30_000,
      killSignal: 'SIGKILL'
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
    ...GIT_ISOLATION,
    ...extra
  };
}

/** The runner's name for an input's variable: `INPUT_` + the name upper-cased, spaces as `_`. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Inputs as the INPUT_* variables the runner sets (dashes kept). */
export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVariable(k), v]));
}

/**
 * Parses GITHUB_OUTPUT: `name<<DELIMITER\nvalue\nDELIMITER` blocks (what @actions/core writes)
 * and plain `name=value` lines.
 */
export function parseOutputFile(text: string): Record<string, string> {
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

/** The files a runner provides to a job's steps; removed with `cleanup()`. */
export interface RunnerFiles {
  dir: string;
  /** Writes an event payload (for GITHUB_EVENT_PATH) and returns its path. */
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

export interface ActionRun extends Spawned {
  /** What the action wrote to GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** What the action wrote to GITHUB_STEP_SUMMARY (HTML). */
  summary: string;
}

let runs = 0;

/**
 * `node dist/index.js` as a runner starts a step: `inputs` become INPUT_* variables, `env` is the
 * rest of the step's environment (it wins over both). The working directory is GITHUB_WORKSPACE.
 */
export async function runAction(
  files: RunnerFiles,
  inputs: Record<string, string>,
  env: Record<string, string>,
  options: { timeoutMs?: number } = {}
): Promise<ActionRun> {
  runs += 1;
  const output = path.join(files.dir, `output-${runs}`);
  const summary = path.join(files.dir, `summary-${runs}`);
  await Promise.all([writeFile(output, ''), writeFile(summary, '')]);
  const result = await spawnNode([ACTION_ENTRY], {
    cwd: env.GITHUB_WORKSPACE ?? files.dir,
    env: {
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      RUNNER_TEMP: files.dir,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      ...inputEnv(inputs),
      ...env
    },
    timeoutMs: options.timeoutMs
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

/**
 * action.yml's input defaults, as the runner fills them in for inputs a workflow leaves out
 * (inputs without a default are left unset).
 */
export function actionDefaults(expressions: Expressions): Record<string, string> {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, { default?: unknown } | null>;
  };
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    const value = input?.default;
    if (value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new Error(`action.yml: the default of '${name}' is not a scalar`);
    }
    defaults[name] = substitute(String(value), expressions, `action.yml inputs.${name}.default`);
  }
  return defaults;
}

/** The yaml block of README.md between `<!-- marker:start -->` and `<!-- marker:end -->`, unfenced. */
export function readmeWorkflow(marker: string): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const match = new RegExp(
    `<!-- ${marker}:start -->\\n\`\`\`ya?ml\\n([\\s\\S]*?)\`\`\`\\n<!-- ${marker}:end -->`
  ).exec(readme);
  if (!match) throw new Error(`README.md has no ${marker} section with a yaml code block`);
  return match[1];
}

/** A workflow of docs/examples. */
export function exampleWorkflow(file: string): string {
  return readFileSync(path.join(ROOT, 'docs', 'examples', file), 'utf8');
}

interface WorkflowStep {
  uses?: string;
  with?: Record<string, unknown>;
}

/**
 * The `with:` of the workflow's one step that uses this action (`uses: ./`), values as the runner
 * passes them: strings, with expressions substituted.
 */
export function stepWith(workflow: string, expressions: Expressions = {}): Record<string, string> {
  const parsed = parse(workflow) as { jobs?: Record<string, { steps?: WorkflowStep[] }> };
  const steps = Object.values(parsed.jobs ?? {}).flatMap(job => job.steps ?? []);
  const ours = steps.filter(s => s.uses === './');
  if (ours.length !== 1) throw new Error(`expected one step with uses: ./, found ${ours.length}`);
  const withInputs: Record<string, string> = {};
  for (const [name, value] of Object.entries(ours[0].with ?? {})) {
    withInputs[name] = substitute(String(value), expressions, `with.${name}`);
  }
  return withInputs;
}

/** Every input of the workflow's step that uses this action: action.yml's defaults, then `with:`. */
export function stepInputs(workflow: string, expressions: Expressions): Record<string, string> {
  return { ...actionDefaults(expressions), ...stepWith(workflow, expressions) };
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  '#64': '@',
  '#13': '',
  '#10': '\n'
};

/** The job summary (HTML) as a terminal would show it: headings, bullets, aligned tables. */
export function summaryAsText(html: string): string {
  const text = (s: string): string =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&(amp|lt|gt|quot|#39|#64|#13|#10);/g, (_, e: string) => ENTITIES[e] ?? ' ')
      .trim();
  const out: string[] = [];
  for (const block of html.split('\n')) {
    if (block.startsWith('<table>')) {
      const rows = [...block.matchAll(/<tr>(.*?)<\/tr>/g)].map(r =>
        [...(r[1] ?? '').matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map(c => text(c[1] ?? ''))
      );
      const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map(r => (r[i] ?? '').length)));
      rows.forEach((r, n) => {
        out.push(
          '  ' +
            r
              .map((c, i) => c.padEnd(widths[i] ?? 0))
              .join('  ')
              .trimEnd()
        );
        if (n === 0) out.push('  ' + widths.map(w => '-'.repeat(w)).join('  '));
      });
    } else if (block.startsWith('<ul>')) {
      for (const li of block.matchAll(/<li>(.*?)<\/li>/g)) out.push(`  - ${text(li[1] ?? '')}`);
    } else if (block.startsWith('<details>')) {
      // A folded table: its line, then the table as if unfolded.
      out.push(`  ▸ ${text(block)}`);
    } else if (block === '</details>') {
      continue;
    } else if (block.startsWith('<h2>')) {
      out.push(`## ${text(block)}`);
    } else if (block.startsWith('<pre>')) {
      out.push(
        ...text(block)
          .split('\n')
          .map(l => `    ${l}`)
      );
    } else if (block.trim() !== '') {
      out.push(text(block));
    }
  }
  return out.join('\n') + '\n';
}
