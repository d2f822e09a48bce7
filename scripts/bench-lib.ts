// Shared by the benchmark's scenarios: a git PATH shim that counts the processes the action
// spawns, the median of repeated runs, and the table every scenario prints.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One measured run of the action: what the README's performance table shows. */
export interface Measurement {
  seconds: number;
  github: number;
  kube: number;
  gitProcesses: number;
  fetchedBytes: number;
  /** How long the fake servers took to answer the API requests, latency included (summed). */
  serverSeconds: number;
  result: string;
}

export interface GitCounter {
  /** `git version` of the git the action runs. */
  version: string;
  /** PATH for the action: the shim ahead of the real git. */
  path: string;
  reset(): void;
  count(): number;
}

/** A `git` shim in `dir` that logs each call, then runs the real git (the one in `gitDir`, or on PATH). */
export function gitCounter(dir: string, gitDir?: string): GitCounter {
  const realGit = gitDir
    ? join(gitDir, 'git')
    : execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const log = join(dir, 'git-calls.log');
  writeFileSync(join(dir, 'git'), `#!/bin/sh\necho "$1" >> '${log}'\nexec '${realGit}' "$@"\n`);
  chmodSync(join(dir, 'git'), 0o755);
  writeFileSync(log, '');
  return {
    version: execFileSync(realGit, ['version'], { encoding: 'utf8' }).trim(),
    path: `${dir}:${process.env.PATH ?? ''}`,
    reset: () => writeFileSync(log, ''),
    count: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(l => l !== '').length
  };
}

/** The median of the runs by wall time (the row shown is that run's, counters included). */
export function median<T extends { seconds: number }>(runs: T[]): T {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!middle) throw new Error('no runs to take the median of');
  return middle;
}

/** Prints one row per label: the median of its runs, with the spread when there were several. */
export function printTable(heading: string, rows: Array<[string, Measurement[]]>): void {
  const headers = [
    'run',
    'wall time',
    'GitHub requests',
    'Kubernetes requests',
    'git processes',
    'fetched',
    'API server time',
    'result'
  ];
  const cells = rows.map(([label, runs]) => {
    const m = median(runs);
    const times = runs.map(r => r.seconds.toFixed(2)).join(', ');
    return [
      label,
      `${m.seconds.toFixed(2)} s${runs.length > 1 ? ` (runs: ${times})` : ''}`,
      String(m.github),
      String(m.kube),
      String(m.gitProcesses),
      `${(m.fetchedBytes / 1024).toFixed(0)} KiB`,
      `${m.serverSeconds.toFixed(2)} s`,
      m.result
    ];
  });
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map(r => (r[i] ?? '').length)));
  const line = (c: string[]): string => c.map((x, i) => x.padEnd(widths[i] ?? 0)).join('  ');
  process.stdout.write(
    `${heading}\n\n` +
      [line(headers), line(widths.map(w => '-'.repeat(w))), ...cells.map(line)].join('\n') +
      '\n'
  );
}
