// verify-command: the combined tree checked before the push, the PRs that break it left out,
// against real git (each run in a real temporary worktree) and the fake GitHub.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PrOutcome } from '../../../src/rebuild/types.js';
import { startHub, type Hub, type Scenario } from '../../helpers/rebuild-harness.js';

let hub: Hub;
let dir: string;
beforeAll(async () => {
  hub = await startHub();
  dir = mkdtempSync(path.join(os.tmpdir(), 'verify-int-'));
});
afterAll(async () => hub.close());

let counter = 0;
/**
 * A check like a manifest build's: every `name:` under apps/ must be unique. Each run appends the
 * PR files it saw to a log, so tests can count runs and see what each one checked.
 */
function duplicateCheck(): { command: string; runs: () => string[] } {
  const log = path.join(dir, `runs-${(counter += 1)}.log`);
  const command = [
    `ls apps | tr '\\n' ' ' >> '${log}'; echo >> '${log}'`,
    `dups=$(cat apps/*.yaml | grep '^name:' | sort | uniq -d)`,
    `if [ -n "$dups" ]; then echo "duplicate resource: $dups"; exit 1; fi`,
    'echo ok'
  ].join('\n');
  const runs = (): string[] =>
    existsSync(log) ? readFileSync(log, 'utf8').trimEnd().split('\n') : [];
  return { command, runs };
}

const reasonOf = (outcomes: PrOutcome[], n: number): unknown =>
  outcomes.find(o => o.number === n && o.status === 'skipped')?.status === 'skipped'
    ? (outcomes.find(o => o.number === n) as Extract<PrOutcome, { status: 'skipped' }>).reason
    : undefined;

async function scenarioWithApps(): Promise<Scenario> {
  return hub.scenario({ 'README.md': 'app\n', 'apps/base.yaml': 'name: base\n' });
}

describe('verify-command', () => {
  it('leaves out the later of two PRs that pass alone but fail together, naming the earlier', async () => {
    const s = await scenarioWithApps();
    await s.pr(1, { 'apps/one.yaml': 'name: svc\n' }, { title: 'Add svc as one' });
    await s.pr(2, { 'apps/other.yaml': 'name: other\n' });
    await s.pr(3, { 'apps/two.yaml': 'name: svc\n' }, { title: 'Add svc as two' });
    const check = duplicateCheck();

    const result = await s.rebuild({ 'verify-command': check.command });

    expect(result.result).toBe('pushed');
    expect(result.outcomes.map(o => [o.number, o.status])).toEqual([
      [1, 'merged'],
      [2, 'merged'],
      [3, 'skipped']
    ]);
    expect(reasonOf(result.outcomes, 3)).toEqual({
      kind: 'verify-failed',
      with: [1, 2],
      output: expect.stringContaining('duplicate resource: name: svc')
    });
    expect(await s.files()).toEqual([
      'README.md',
      'apps/base.yaml',
      'apps/one.yaml',
      'apps/other.yaml'
    ]);
    // full (fails), base alone, then the search; the last passing run is what was pushed
    expect(result.verify?.runs.map(r => [r.prs, r.passed])).toEqual([
      [[1, 2, 3], false],
      [[], true],
      [[1], true],
      [[1, 2], true]
    ]);
    expect(check.runs()).toHaveLength(4);
    // No worktree is left behind in the checkout's git directory.
    const worktrees = path.join(await s.checkout(), '.git', 'worktrees');
    expect(existsSync(worktrees) ? readdirSync(worktrees) : []).toEqual([]);
  });

  it('the fast path after a verified build runs nothing, and reports the same PR left out', async () => {
    const s = await scenarioWithApps();
    await s.pr(1, { 'apps/one.yaml': 'name: svc\n' });
    await s.pr(2, { 'apps/two.yaml': 'name: svc\n' });
    const check = duplicateCheck();
    const inputs = { 'verify-command': check.command };
    const first = await s.rebuild(inputs);
    const runs = check.runs().length;

    const again = await s.rebuild(inputs);

    expect(first.result).toBe('pushed');
    expect(again).toMatchObject({ result: 'unchanged', fastPath: true });
    expect(check.runs()).toHaveLength(runs);
    expect(reasonOf(again.outcomes, 2)).toMatchObject({ kind: 'verify-failed', with: [1] });
  });

  it('a PR left out is not tried again when only a later PR changes, and is when an earlier one does', async () => {
    const s = await scenarioWithApps();
    await s.pr(1, { 'apps/one.yaml': 'name: svc\n' });
    await s.pr(2, { 'apps/two.yaml': 'name: svc\n' });
    const check = duplicateCheck();
    const inputs = { 'verify-command': check.command };
    await s.rebuild(inputs);

    await s.pr(3, { 'apps/three.yaml': 'name: three\n' });
    const later = await s.rebuild(inputs);
    // One run: the new combination (base + #1 + #3); #2 stays out without a run of its own.
    expect(later.verify?.runs.map(r => r.prs)).toEqual([[1, 3]]);
    expect(reasonOf(later.outcomes, 2)).toMatchObject({ kind: 'verify-failed', with: [1] });

    // #1 renames its resource: #2 no longer clashes and is tried again.
    await s.pr(1, { 'apps/one.yaml': 'name: svc-one\n' });
    const fixed = await s.rebuild(inputs);
    expect(fixed.outcomes.map(o => o.status)).toEqual(['merged', 'merged', 'merged']);
    expect(fixed.verify?.runs.map(r => [r.prs, r.passed])).toEqual([[[1, 2, 3], true]]);
  });

  it('finds three culprits among twenty PRs within the run cap', async () => {
    const s = await scenarioWithApps();
    const clashes: Record<number, string> = { 4: 'a', 9: 'b', 13: 'a', 17: 'c', 19: 'b', 20: 'c' };
    for (let n = 1; n <= 20; n += 1) {
      await s.pr(n, { [`apps/pr-${n}.yaml`]: `name: ${clashes[n] ?? `svc-${n}`}\n` });
    }
    const check = duplicateCheck();

    const result = await s.rebuild({ 'verify-command': check.command, 'verify-max-runs': '20' });

    expect(result.result).toBe('pushed');
    const left = result.outcomes.filter(o => o.status === 'skipped').map(o => o.number);
    expect(left).toEqual([13, 19, 20]);
    expect(reasonOf(result.outcomes, 13)).toMatchObject({ kind: 'verify-failed' });
    expect((reasonOf(result.outcomes, 13) as { with: number[] }).with).toContain(4);
    expect(result.verify?.runs.length).toBeLessThanOrEqual(20);
    // What was pushed is a combination that passed.
    const merged = result.outcomes.filter(o => o.status === 'merged').map(o => o.number);
    expect(result.verify?.runs.filter(r => r.passed).at(-1)?.prs).toEqual(merged);
  });

  it('stops at verify-max-runs: nothing new pushed, and the result says why', async () => {
    const s = await scenarioWithApps();
    await s.pr(1, { 'apps/ok.yaml': 'name: ok\n' });
    await s.rebuild();
    const before = await s.staging();
    await s.pr(2, { 'apps/one.yaml': 'name: svc\n' });
    await s.pr(3, { 'apps/two.yaml': 'name: svc\n' });
    const check = duplicateCheck();

    const result = await s.rebuild({ 'verify-command': check.command, 'verify-max-runs': '2' });

    expect(result.result).toBe('not-verified');
    expect(result.verify).toMatchObject({ ended: 'cap-reached', maxRuns: 2 });
    expect(check.runs()).toHaveLength(2);
    expect(await s.staging()).toBe(before);
  });

  it('fails the step with the output when the base itself fails, pushing nothing', async () => {
    const s = await hub.scenario({
      'README.md': 'app\n',
      'apps/a.yaml': 'name: x\n',
      'apps/b.yaml': 'name: x\n'
    });
    await s.pr(1, { 'apps/c.yaml': 'name: c\n' });
    const check = duplicateCheck();

    await expect(s.rebuild({ 'verify-command': check.command })).rejects.toThrow(
      /verify-command fails on main@[0-9a-f]{7} alone[\s\S]*duplicate resource: name: x/
    );
    expect(await s.staging()).toBeNull();
  });

  it('a command that hangs is killed at verify-timeout and counts as failed', async () => {
    const s = await scenarioWithApps();
    await s.pr(1, { 'apps/one.yaml': 'name: one\n' });
    // Hangs only with #1: the base passes, #1 is left out as timed out.
    const command = 'if [ -f apps/one.yaml ]; then sleep 60 & wait; fi';

    const result = await s.rebuild({ 'verify-command': command, 'verify-timeout': '2s' });

    expect(result.outcomes.map(o => o.status)).toEqual(['skipped']);
    expect(reasonOf(result.outcomes, 1)).toMatchObject({
      kind: 'verify-failed',
      output: expect.stringContaining('timed out after 2s')
    });
    expect(result.verify?.runs[0]).toMatchObject({ passed: false, timedOut: true });
    expect(await s.files()).toEqual(['README.md', 'apps/base.yaml']);
  });

  it('runs the command without the GitHub token in its environment', async () => {
    const s = await scenarioWithApps();
    await s.pr(1, { 'apps/one.yaml': 'name: one\n' });
    const seen = path.join(dir, 'env.txt');
    await s.rebuild(
      { 'verify-command': `env > '${seen}'` },
      { env: { GITHUB_TOKEN: 'ghs_fake-write' } }
    );
    const env = readFileSync(seen, 'utf8');
    expect(env).not.toContain('ghs_fake-write');
    expect(env).not.toMatch(/^GITHUB_TOKEN=/m);
  });

  it('posts a failure status on a PR it leaves out, naming the PRs it breaks with', async () => {
    const s = await scenarioWithApps();
    await s.pr(1, { 'apps/one.yaml': 'name: svc\n' });
    const two = await s.pr(2, { 'apps/two.yaml': 'name: svc\n' });

    await s.rebuild({ 'verify-command': duplicateCheck().command, 'commit-status': 'staging' });

    const statuses = (s.fake.repo(s.slug).checks.get(two) ?? []).filter(
      c => c.kind === 'StatusContext'
    );
    expect(statuses).toEqual([
      expect.objectContaining({
        state: 'FAILURE',
        description: 'Not in staging: verify-command fails with it combined with #1'
      })
    ]);
  });
});
