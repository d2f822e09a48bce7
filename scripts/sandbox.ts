// Shared by `npm run demo` and `npm run bench`: run dist/ as GitHub runs it (INPUT_*/GITHUB_*
// env, output and summary files) and read back what it wrote. Node strips the types itself.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** GitHub's convention: INPUT_ + the name upper-cased, spaces as underscores, dashes kept. */
export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v])
  );
}

/** Parses GITHUB_OUTPUT's `name<<DELIMITER\nvalue\nDELIMITER` records. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] ?? '');
    outputs[m[1]] = value.join('\n');
  }
  return outputs;
}

/** Spawns `node <entry>` like a runner: async, on this Node (24), with a clean INPUT_* set. */
export async function runNode(
  entry: string,
  args: string[],
  env: Record<string, string>,
  cwd?: string
): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_'))
  );
  const child = spawn(process.execPath, [entry, ...args], {
    cwd,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>(resolve => child.on('close', c => resolve(c ?? 1)));
  return { code, stdout, stderr };
}

export async function runAction(
  distEntry: string,
  inputs: Record<string, string>,
  env: Record<string, string>,
  event: object = {}
): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'staging-action-run-'));
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_EVENT_PATH: join(dir, 'event.json')
  };
  await writeFile(files.GITHUB_OUTPUT, '');
  await writeFile(files.GITHUB_STEP_SUMMARY, '');
  await writeFile(files.GITHUB_EVENT_PATH, JSON.stringify(event));
  const result = await runNode(distEntry, [], {
    ...inputEnv(inputs),
    ...files,
    RUNNER_TEMP: dir,
    ...env
  });
  return {
    ...result,
    outputs: parseOutputFile(await readFile(files.GITHUB_OUTPUT, 'utf8')),
    summary: await readFile(files.GITHUB_STEP_SUMMARY, 'utf8')
  };
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  '#64': '@'
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
