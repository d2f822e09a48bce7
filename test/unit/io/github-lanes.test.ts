// The reads client's global lane: the throttling plugin's cap of 10 requests at once, kept
// without Bottleneck's timers.
import { describe, expect, it } from '@jest/globals';
import { concurrencyLane } from '../../../src/io/github.js';

interface Schedule {
  schedule: (options: unknown, job: () => Promise<unknown>) => Promise<unknown>;
}

function laneOf(max: number): Schedule {
  return (concurrencyLane(max) as unknown as { key: (id: string) => Schedule }).key('no-id');
}

/** A job that runs until released, counting how many run at once. */
function gatedJobs(count: number) {
  let running = 0;
  let peak = 0;
  const releases: Array<() => void> = [];
  const jobs = Array.from({ length: count }, (_, i) => async () => {
    running += 1;
    peak = Math.max(peak, running);
    await new Promise<void>(resolve => releases.push(resolve));
    running -= 1;
    if (i === 3) throw new Error('job 3 failed');
    return i;
  });
  return { jobs, releases, peak: () => peak, running: () => running };
}

const turn = (): Promise<void> => new Promise(resolve => setImmediate(resolve));

describe('concurrencyLane', () => {
  it('runs at most `max` jobs at once and starts a waiting one as each finishes', async () => {
    const lane = laneOf(10);
    const { jobs, releases, peak, running } = gatedJobs(40);
    const settle = (job: () => Promise<unknown>): Promise<unknown> =>
      lane.schedule({}, job).catch((e: Error) => e.message);
    const results = jobs.slice(0, 25).map(settle);
    await turn();
    expect(running()).toBe(10);
    // A job arriving just after one finished must wait: the freed slot went to a waiting job.
    for (const job of jobs.slice(25)) {
      releases.shift()?.();
      results.push(settle(job));
      await turn();
      expect(running()).toBe(10);
    }
    while (releases.length > 0) {
      releases.shift()?.();
      await turn();
    }
    expect(peak()).toBe(10);
    expect(await Promise.all(results)).toEqual(
      Array.from({ length: 40 }, (_, i) => (i === 3 ? 'job 3 failed' : i))
    );
  });

  it('frees the slot of a job that failed', async () => {
    const lane = laneOf(1);
    await expect(lane.schedule({}, () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(lane.schedule({}, () => Promise.resolve('next'))).resolves.toBe('next');
  });
});
