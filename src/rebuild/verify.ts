// verify-command: the combined tree checked before it is pushed, and the PRs that break it left
// out (the plan is bisect.ts; this is its I/O: candidate commits, worktrees, the command).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { commandEnv, outputTail } from '../dataset/command.js';
import type { Git } from '../io/git.js';
import { log } from '../log.js';
import { formatDuration } from '../util/duration.js';
import { planVerify, type VerifyPlan, type VerifyRun } from './bisect.js';
import { mergeAll } from './merge.js';
import { describeRun, seconds } from './reasons.js';
import { priorDigest, type StagingRecord, type VerifyFailure } from './record.js';
import type { PrOutcome, PullRequestInfo, RebuildInputs, RebuildResult } from './types.js';

/** Only the tail is ever shown: what is kept of a chatty command's output while it runs. */
const KEPT_OUTPUT_CHARS = 8000;
// After SIGTERM at the timeout, a command that ignores it gets this long before SIGKILL.
const KILL_GRACE_MS = 2000;

export interface VerifySettings {
  command: string;
  timeoutMs: number;
  maxRuns: number;
}

/** What the record keeps of a verify-command, so a changed command is verified again. */
export function verifyCommandHash(command: string): string {
  return createHash('sha256').update(command, 'utf8').digest('hex');
}

/**
 * Runs `script` with `bash -e` in `cwd`, without the GitHub token in its environment, killing
 * its whole process group at `timeoutMs` (a `kustomize build | ...` pipeline leaves children).
 */
export function runScript(
  script: string,
  cwd: string,
  timeoutMs: number
): Promise<Omit<VerifyRun, 'prs'>> {
  const started = Date.now();
  return new Promise(resolve => {
    const child = spawn('bash', ['-e', '-c', script], {
      cwd,
      env: commandEnv(process.env),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT_CHARS);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const kill = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill('SIGTERM');
      setTimeout(() => kill('SIGKILL'), KILL_GRACE_MS).unref();
    }, timeoutMs);
    const done = (passed: boolean, extra: string): void => {
      clearTimeout(timer);
      const text = outputTail(output + extra);
      resolve({ passed, output: text, durationMs: Date.now() - started, timedOut });
    };
    child.on('error', error => done(false, `\ncould not start bash: ${error.message}`));
    child.on('close', (code, signal) => {
      if (timedOut)
        return done(false, `\nverify-command timed out after ${formatDuration(timeoutMs)}`);
      if (code === 0) return done(true, '');
      done(false, code === null ? `\nkilled by ${signal}` : `\nexit ${code}`);
    });
  });
}

/** The command on one commit, in a temporary detached worktree removed whatever happens. */
function verifyCommit(
  git: Git,
  commit: string,
  settings: VerifySettings
): Promise<Omit<VerifyRun, 'prs'>> {
  return git.withWorktree(commit, 'staging-verify-', dir =>
    runScript(settings.command, dir, settings.timeoutMs)
  );
}

export type Built = Awaited<ReturnType<typeof mergeAll>>;

export interface Verified {
  plan: VerifyPlan;
  /** The build of the PRs kept (the full build when nothing failed). */
  built: Built;
}

/**
 * Verifies `built` (the merge of `eligible`); when it fails, leaves out the PRs the plan finds,
 * building each combination it checks from the same merges.
 */
export async function verifyBuild(
  git: Git,
  settings: VerifySettings,
  baseSha: string,
  eligible: Array<{ pr: PullRequestInfo; sha: string }>,
  available: Set<string>,
  built: Built
): Promise<Verified> {
  const merged = [...built.outcomes.values()]
    .filter((o): o is Extract<PrOutcome, { status: 'merged' }> => o.status === 'merged')
    .map(o => o.number)
    .sort((a, b) => a - b);
  const builds = new Map<string, Built>([[merged.join(','), built]]);
  const buildOf = async (prs: number[]): Promise<Built> => {
    const key = prs.join(',');
    let b = builds.get(key);
    if (!b) {
      const wanted = new Set(prs);
      b = await mergeAll(
        git,
        baseSha,
        eligible.filter(e => wanted.has(e.pr.number)),
        available
      );
      builds.set(key, b);
    }
    return b;
  };
  const plan = await planVerify(
    merged,
    async prs => {
      const b = await buildOf(prs);
      const run = await verifyCommit(git, b.head, settings);
      log.info(
        `verify ${describeRun(prs)}: ${run.passed ? 'passed' : run.timedOut ? 'timed out' : 'failed'} in ${seconds(run.durationMs)}`
      );
      return run;
    },
    settings.maxRuns
  );
  const kept = plan.kind === 'passed' ? plan.kept : merged;
  return { plan, built: await buildOf(kept) };
}

/** The verify step of one rebuild, as run.ts uses it. */
export interface VerifyStage {
  built: Built;
  /** Each PR left out (this run or remembered), by number. */
  failed: Map<number, VerifyFailure>;
  /** Set when the command ran. */
  summary?: NonNullable<RebuildResult['verify']>;
  /** verify-max-runs was reached: push nothing new. */
  capped: boolean;
}

/**
 * PRs the record left out whose head, base and earlier PRs are what they were: verify would fail
 * the same way, so they stay out without a run.
 */
export function stillFailing(
  record: StagingRecord | null,
  commandHash: string,
  inputs: RebuildInputs
): VerifyFailure[] {
  if (!record || record.verified !== commandHash) return [];
  const heads = new Map(inputs.eligible.map(e => [e.number, e.sha]));
  return record.verifyFailed.filter(
    f => heads.get(f.number) === f.sha && priorDigest(inputs, f.number) === f.prior
  );
}

export async function verifyStage(args: {
  git: Git;
  settings: VerifySettings;
  baseBranch: string;
  inputs: RebuildInputs;
  eligible: Array<{ pr: PullRequestInfo; sha: string }>;
  available: Set<string>;
  built: Built;
  known: VerifyFailure[];
  /** Staging's tree already passed this command: nothing to run. */
  alreadyVerified: boolean;
}): Promise<VerifyStage> {
  const failed = new Map(args.known.map(f => [f.number, f]));
  if (args.alreadyVerified) return { built: args.built, failed, capped: false };
  const { plan, built } = await verifyBuild(
    args.git,
    args.settings,
    args.inputs.baseSha,
    args.eligible,
    args.available,
    args.built
  );
  if (plan.kind === 'base-failed') {
    const last = plan.runs.at(-1);
    throw new Error(
      `verify-command fails on ${args.baseBranch}@${args.inputs.baseSha.slice(0, 7)} alone, so no combination of PRs can pass: nothing was pushed. Fix ${args.baseBranch} (or the command). The end of its output:\n${last?.output ?? ''}`
    );
  }
  const heads = new Map(args.inputs.eligible.map(e => [e.number, e.sha]));
  for (const c of plan.culprits) {
    failed.set(c.number, {
      number: c.number,
      sha: heads.get(c.number) ?? '',
      prior: priorDigest(args.inputs, c.number),
      with: c.with,
      output: c.output
    });
  }
  const summary = {
    runs: plan.runs.map(r => ({
      prs: r.prs,
      passed: r.passed,
      durationMs: r.durationMs,
      ...(r.timedOut ? { timedOut: true } : {})
    })),
    ended: plan.kind === 'passed' ? ('passed' as const) : ('cap-reached' as const),
    maxRuns: args.settings.maxRuns
  };
  return { built, failed, summary, capped: plan.kind === 'cap-reached' };
}
