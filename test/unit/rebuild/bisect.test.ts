import { describe, expect, it } from '@jest/globals';
import { planVerify, type Check } from '../../../src/rebuild/bisect.js';

/** A verify command that fails when any of `pairs` is entirely in the combination (or `base` fails). */
function oracle(pairs: Array<[number, number]>, baseFails = false): Check {
  return prs => {
    const set = new Set(prs);
    const broken = pairs.find(([a, b]) => set.has(a) && set.has(b));
    const passed = !baseFails && broken === undefined;
    const output = passed
      ? 'ok'
      : baseFails
        ? 'base is broken'
        : `#${broken?.[0]} + #${broken?.[1]}`;
    return Promise.resolve({ passed, output, durationMs: 1 });
  };
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('planVerify', () => {
  it('runs once when the combination passes', async () => {
    const plan = await planVerify([1, 2, 3], oracle([]), 8);
    expect(plan).toMatchObject({ kind: 'passed', kept: [1, 2, 3], culprits: [] });
    expect(plan.runs.map(r => r.prs)).toEqual([[1, 2, 3]]);
  });

  it('leaves out the later of two PRs that fail together, naming the PRs it was combined with', async () => {
    const plan = await planVerify([1, 2, 3, 4], oracle([[2, 4]]), 8);
    expect(plan.kind).toBe('passed');
    if (plan.kind !== 'passed') return;
    expect(plan.kept).toEqual([1, 2, 3]);
    expect(plan.culprits).toEqual([{ number: 4, with: [1, 2, 3], output: '#2 + #4' }]);
    // full, base, then the binary search over the merge order
    expect(plan.runs[0]?.prs).toEqual([1, 2, 3, 4]);
    expect(plan.runs[1]?.prs).toEqual([]);
    expect(plan.runs.length).toBeLessThanOrEqual(5);
  });

  it('finds three culprits among twenty PRs, each run within the cap', async () => {
    const plan = await planVerify(
      range(1, 20),
      oracle([
        [3, 7],
        [5, 12],
        [1, 18]
      ]),
      20
    );
    expect(plan.kind).toBe('passed');
    if (plan.kind !== 'passed') return;
    expect(plan.culprits.map(c => c.number)).toEqual([7, 12, 18]);
    expect(plan.kept).toEqual(range(1, 20).filter(n => ![7, 12, 18].includes(n)));
    expect(plan.runs.length).toBeLessThanOrEqual(20);
    // Every combination it kept was verified: the last passing run is exactly what stays.
    const last = plan.runs.filter(r => r.passed).at(-1);
    expect(last?.prs).toEqual(plan.kept);
  });

  it('is deterministic: the same outcomes give the same runs', async () => {
    const a = await planVerify(range(1, 12), oracle([[2, 9]]), 8);
    const b = await planVerify(range(1, 12), oracle([[2, 9]]), 8);
    expect(a.runs.map(r => r.prs)).toEqual(b.runs.map(r => r.prs));
  });

  it('stops at the cap with what it found so far and no passing combination', async () => {
    const plan = await planVerify(
      range(1, 20),
      oracle([
        [3, 7],
        [5, 12]
      ]),
      4
    );
    expect(plan.kind).toBe('cap-reached');
    expect(plan.runs).toHaveLength(4);
  });

  it('reports a failing base without a search', async () => {
    const plan = await planVerify([1, 2], oracle([], true), 8);
    expect(plan.kind).toBe('base-failed');
    expect(plan.runs.map(r => r.prs)).toEqual([[1, 2], []]);
    expect(plan.runs.at(-1)?.output).toBe('base is broken');
  });

  it('with no PRs merged, one run of the base decides', async () => {
    expect((await planVerify([], oracle([], true), 8)).kind).toBe('base-failed');
    expect((await planVerify([], oracle([]), 8)).runs).toHaveLength(1);
  });

  it('a PR that breaks verify on its own is left out with the PRs before it', async () => {
    const alone: Check = prs =>
      Promise.resolve({ passed: !prs.includes(3), output: 'bad #3', durationMs: 1 });
    const plan = await planVerify([1, 2, 3, 4], alone, 8);
    expect(plan).toMatchObject({ kind: 'passed', kept: [1, 2, 4] });
    if (plan.kind === 'passed') expect(plan.culprits[0]).toMatchObject({ number: 3, with: [1, 2] });
  });
});
