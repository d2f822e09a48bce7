// `npm run local-action`: the action's TypeScript source (src/main.ts, not dist/) under
// @github/local-action, against the demo's rebuild sandbox: an origin repository with open PRs,
// served by the fake GitHub on 127.0.0.1, and a checkout of it. It writes the sandbox's INPUT_*
// and GITHUB_* variables to an env file and runs `local-action run . src/main.ts <env file>`;
// `npm run local-action -- --keep` keeps the env file, the event payload and the job summary (the
// sandbox repositories and the fake GitHub go either way). The action writes workflow commands
// itself (src/io/runner.ts), so the log shows them as written. To debug against a real repository
// instead, copy .env.example to .env and run `npx local-action run . src/main.ts .env`.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GIT_ISOLATION } from '../test/helpers/git-env.ts';
import { startRebuildSandbox } from './demo.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');

const dir = await mkdtemp(path.join(os.tmpdir(), 'staging-action-local-'));
let events = 0;
const files = {
  dir,
  async event(payload: unknown): Promise<string> {
    events += 1;
    const file = path.join(dir, `event-${events}.json`);
    await writeFile(file, JSON.stringify(payload));
    return file;
  },
  cleanup: () => rm(dir, { recursive: true, force: true })
};

/** One dotenv line; values are double-quoted, where dotenv turns `\n` back into a newline. */
function dotenvLine(name: string, value: string): string {
  if (/["\\]/.test(value)) throw new Error(`${name}: the env file cannot hold " or \\`);
  return `${name}="${value.replace(/\r?\n/g, '\\n')}"`;
}

const sandbox = await startRebuildSandbox(files).catch(async (error: unknown) => {
  await files.cleanup();
  throw error;
});
let code = 1;
const summary = path.join(dir, 'summary.html');
try {
  const variables: Record<string, string> = {
    ACTIONS_STEP_DEBUG: process.env.ACTIONS_STEP_DEBUG ?? 'false',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: dir,
    GITHUB_STEP_SUMMARY: summary,
    // The runner's input names: INPUT_ + the name upper-cased, dashes kept.
    ...Object.fromEntries(
      Object.entries(sandbox.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])
    ),
    ...sandbox.env,
    // Git reads none of this machine's configuration, as in the tests and the demo.
    ...GIT_ISOLATION
  };
  const envFile = path.join(dir, 'local-action.env');
  await writeFile(
    envFile,
    `${Object.entries(variables)
      .map(([k, v]) => dotenvLine(k, v))
      .join('\n')}\n`
  );
  // Nothing of this shell's Actions or cluster context reaches the action: only the env file.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_|KUBECONFIG$)/.test(k)
    )
  );
  // npx and the tsx it starts find this Node (the project's Node 24) first on PATH.
  env.PATH = `${path.dirname(process.execPath)}${path.delimiter}${env.PATH ?? ''}`;
  const args = ['local-action', 'run', '.', 'src/main.ts', envFile];
  process.stdout.write(`Sandbox: ${sandbox.origin.dir}\n$ npx ${args.join(' ')}\n`);
  code = await new Promise<number>((resolve, reject) => {
    const child = spawn('npx', args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', status => resolve(status ?? 1));
  });
} finally {
  await sandbox.close();
  if (keep) process.stdout.write(`\nKept ${dir} (the env file; the job summary: ${summary})\n`);
  else await files.cleanup();
}
process.exitCode = code;
