// The in-process merges (src/io/git-plain-merges.ts, tree-merge.ts) against real git on random
// histories: rebuild's merge chain through Git.withMerges with a plan must give exactly what one
// merge-tree and one commit-tree per step give: the same trees, conflicts and commit SHAs. The
// histories mix what could fool a merge that does not run git's: renames of files and whole
// directories, deletions, modes, symlinks, a file against a directory, PRs stacked on each
// other, a head merged twice, a base that moved, a PR that merged the moved base into itself.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { execFile, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Git, type MergeResult } from '../../src/io/git.js';
import { gitEnv, isolateProcessGit } from '../helpers/git-env.js';

const execFileAsync = promisify(execFile);
const SCENARIOS = 80;
const SEED = Number(process.env.PLAIN_MERGES_SEED ?? 20261204);

type Files = Map<string, { mode: string; content: string }>;

/** mulberry32: a seeded generator, so a failure can be replayed with PLAIN_MERGES_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let rnd = random(SEED);
const pick = <T>(items: T[]): T => items[Math.floor(rnd() * items.length)];
const DIRS = ['', 'a/', 'a/b/', 'c/', 'd/e/'];
const lines = (tag: string): string =>
  [1, 2, 3, 4, 5].map(n => `${tag} line ${n}`).join('\n') + '\n';

function baseFiles(): Files {
  const files: Files = new Map();
  for (let i = 0; i < 8; i++) {
    files.set(`${pick(DIRS)}f${i}.txt`, { mode: '100644', content: lines(`base ${i}`) });
  }
  return files;
}

const dirsOf = (files: Files): string[] =>
  [...new Set([...files.keys()].map(p => p.slice(0, p.lastIndexOf('/') + 1)))].filter(d => d);

/** One to three random changes: what a PR (or the base moving on) does to a tree. */
function change(from: Files, tag: string): Files {
  const files: Files = new Map(from);
  for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
    const paths = [...files.keys()];
    const path = pick(paths);
    const file = files.get(path);
    const op = pick([
      'modify',
      'modify',
      'add',
      'add',
      'delete',
      'rename',
      'renameDir',
      'chmod',
      'symlink',
      'fileToDir'
    ]);
    if (!file || paths.length < 3)
      files.set(`${pick(DIRS)}${tag}-${n}.txt`, { mode: '100644', content: lines(tag) });
    else if (op === 'modify') {
      const edited = file.content.split('\n');
      edited[Math.floor(rnd() * 5)] = `${tag} edit`;
      files.set(path, { ...file, content: edited.join('\n') });
    } else if (op === 'add')
      files.set(`${pick(DIRS)}${tag}-${n}.txt`, { mode: '100644', content: lines(tag) });
    else if (op === 'delete') files.delete(path);
    else if (op === 'rename') {
      files.delete(path);
      files.set(`${pick(DIRS)}moved-${tag}-${n}.txt`, file);
    } else if (op === 'renameDir' && dirsOf(files).length > 0) {
      const dir = pick(dirsOf(files));
      for (const p of paths.filter(p => p.startsWith(dir))) {
        const moved = files.get(p);
        files.delete(p);
        if (moved) files.set(`r${tag.replace(/\W/g, '')}${n}/${p.slice(dir.length)}`, moved);
      }
    } else if (op === 'chmod')
      files.set(path, { ...file, mode: file.mode === '100755' ? '100644' : '100755' });
    else if (op === 'symlink')
      files.set(`${pick(DIRS)}link-${tag}-${n}`, { mode: '120000', content: path });
    else if (op === 'fileToDir') {
      files.delete(path);
      files.set(`${path}/inner-${tag}.txt`, { mode: '100644', content: lines(tag) });
    }
  }
  // A path cannot be a file and hold files: drop what the random changes made impossible.
  for (const p of [...files.keys()])
    if ([...files.keys()].some(q => q.startsWith(`${p}/`))) files.delete(p);
  return files;
}

let root = '';
let repo = '';
let shimLog = '';

/** Commits, each a full listing, through one `git fast-import`; returns the SHAs by mark. */
async function importCommits(
  commits: Array<{ files: Files; parents: number[] }>
): Promise<string[]> {
  const marks = join(root, 'marks');
  const stream: string[] = [];
  commits.forEach(({ files, parents }, i) => {
    stream.push(
      `commit refs/heads/c${i}`,
      `mark :${i + 1}`,
      `committer T <t@example.invalid> ${1764700000 + i} +0000`,
      `data ${String(i).length + 1}`,
      `c${i}`
    );
    parents.forEach((p, k) => stream.push(`${k === 0 ? 'from' : 'merge'} :${p + 1}`));
    stream.push('deleteall');
    for (const [path, { mode, content }] of files) {
      stream.push(`M ${mode} inline ${path}`, `data ${Buffer.byteLength(content)}`, content);
    }
    stream.push('');
  });
  await new Promise<void>((resolve, reject) => {
    const child = spawn('git', ['fast-import', '--quiet', `--export-marks=${marks}`], {
      cwd: repo,
      env: gitEnv()
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', code =>
      code === 0 ? resolve() : reject(new Error(`fast-import: ${stderr}`))
    );
    child.stdin.end(stream.join('\n') + '\n');
  });
  const byMark = new Map(
    readFileSync(marks, 'utf8')
      .trim()
      .split('\n')
      .map(l => l.slice(1).split(' ') as [string, string])
  );
  return commits.map((_, i) => byMark.get(String(i + 1)) ?? '');
}

beforeAll(async () => {
  isolateProcessGit();
  root = mkdtempSync(join(tmpdir(), 'staging-plain-merges-'));
  repo = join(root, 'repo');
  await execFileAsync('git', ['init', '--quiet', '--bare', repo], { env: gitEnv() });
  // A git shim on PATH that logs each command: how many merges went to merge-tree.
  shimLog = join(root, 'git-calls.log');
  const realGit = (await execFileAsync('sh', ['-c', 'command -v git'])).stdout.trim();
  writeFileSync(
    join(root, 'git'),
    `#!/bin/sh\necho "$1" >> '${shimLog}'\nexec '${realGit}' "$@"\n`
  );
  chmodSync(join(root, 'git'), 0o755);
  process.env.PATH = `${root}:${process.env.PATH ?? ''}`;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Scenario {
  onto: string;
  heads: string[];
}

interface History {
  commits: Array<{ files: Files; parents: number[] }>;
  onto: number;
  heads: number[];
}

const file = (content: string): { mode: string; content: string } => ({ mode: '100644', content });

/**
 * Base B, maybe moved to B2; three PRs from B (or stacked on another, or merging B2); a chain onto
 * B2. First a history no random one is likely to hit: two PRs that together empty a directory.
 */
function scenarios(): History[] {
  rnd = random(SEED);
  const emptied = new Map([
    ['keep.txt', file('k\n')],
    ['a/x.txt', file('x\n')],
    ['a/y.txt', file('y\n')]
  ]);
  const without = (path: string): Files => new Map([...emptied].filter(([p]) => p !== path));
  const all: History[] = [
    {
      commits: [
        { files: emptied, parents: [] },
        { files: without('a/x.txt'), parents: [0] },
        { files: without('a/y.txt'), parents: [0] }
      ],
      onto: 0,
      heads: [1, 2]
    }
  ];
  for (let s = 0; s < SCENARIOS; s++) {
    const commits: Array<{ files: Files; parents: number[] }> = [
      { files: baseFiles(), parents: [] }
    ];
    const at = (files: Files, parents: number[]): number => commits.push({ files, parents }) - 1;
    const moved = rnd() < 0.4 ? at(change(commits[0].files, `s${s}main`), [0]) : 0;
    const heads: number[] = [];
    for (let p = 0; p < 3; p++) {
      const from = p > 0 && rnd() < 0.25 ? heads[p - 1] : 0;
      let head = at(change(commits[from].files, `s${s}pr${p}`), [from]);
      if (moved !== 0 && rnd() < 0.3)
        head = at(change(commits[moved].files, `s${s}pr${p}up`), [head, moved]);
      heads.push(head);
    }
    if (rnd() < 0.15) heads.push(heads[0]);
    all.push({ commits, onto: moved, heads });
  }
  return all;
}

it(`merges ${SCENARIOS} random histories exactly as merge-tree and commit-tree do (seed ${SEED})`, async () => {
  // One import for every scenario: commit indices are numbered across them.
  const commits: Array<{ files: Files; parents: number[] }> = [];
  const indexed: Array<{ onto: number; heads: number[] }> = [];
  for (const p of scenarios()) {
    const start = commits.length;
    for (const c of p.commits) commits.push({ ...c, parents: c.parents.map(x => x + start) });
    indexed.push({ onto: p.onto + start, heads: p.heads.map(h => h + start) });
  }
  const shas = await importCommits(commits);
  const scenarioShas: Scenario[] = indexed.map(({ onto, heads }) => ({
    onto: shas[onto] ?? '',
    heads: heads.map(h => shas[h] ?? '')
  }));

  const g = new Git(repo);
  process.env.GIT_AUTHOR_DATE = process.env.GIT_COMMITTER_DATE = '@1764700000 +0000';
  const chain = async (
    s: Scenario,
    step: (ours: string, theirs: string) => Promise<MergeResult>,
    commit: (tree: string, parents: string[], m: string) => Promise<string>
  ) => {
    const trace: Array<MergeResult | string> = [];
    let head = s.onto;
    for (const theirs of s.heads) {
      const r = await step(head, theirs);
      trace.push(r);
      if (r.clean) head = await commit(r.tree, [head, theirs], `Merge ${theirs}\n`);
      trace.push(head);
    }
    return trace;
  };
  let merges = 0;
  let viaMergeTree = 0;
  try {
    for (const s of scenarioShas) {
      const expected = await chain(
        s,
        (o, t) => g.mergeTree(o, t),
        (tree, parents, m) => g.commitTree(tree, parents, m)
      );
      writeFileSync(shimLog, '');
      const actual = await g.withMerges(({ merge, commit }) => chain(s, merge, commit), {
        base: s.onto,
        heads: s.heads
      });
      const calls = readFileSync(shimLog, 'utf8').split('\n');
      expect({ scenario: s, trace: actual }).toEqual({ scenario: s, trace: expected });
      merges += s.heads.length;
      viaMergeTree += calls.filter(c => c === 'merge-tree').length;
    }
  } finally {
    delete process.env.GIT_AUTHOR_DATE;
    delete process.env.GIT_COMMITTER_DATE;
  }
  // Both ways were taken, often: in-process for the plain merges, merge-tree for the rest.
  expect(viaMergeTree).toBeGreaterThan(merges / 5);
  expect(merges - viaMergeTree).toBeGreaterThan(merges / 5);
}, 120_000);
