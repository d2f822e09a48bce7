import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface ActionYaml {
  runs: { using: string; main: string };
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description?: string }>;
}

const action = parse(readFileSync('action.yml', 'utf8')) as ActionYaml;
const readme = readFileSync('README.md', 'utf8');
const inputsSource = readFileSync('src/inputs.ts', 'utf8');
// Flags only the CLI has: in Actions they come from the GITHUB_* context.
const CLI_ONLY = new Set(['repository', 'sha']);

describe('action.yml and README', () => {
  it('runs dist/index.js on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('describes every input, with a default unless it is required', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(`${name}: ${input.description ?? ''}`.length).toBeGreaterThan(name.length + 10);
      if (!input.required) expect(typeof input.default).toBe('string');
    }
  });

  it('declares every input the code reads, and the code reads every declared input', () => {
    const read = new Set([...inputsSource.matchAll(/get\('([a-z-]+)'\)/g)].map(m => m[1]));
    const declared = new Set(Object.keys(action.inputs));
    expect([...read].filter(n => !declared.has(n) && !CLI_ONLY.has(n))).toEqual([]);
    expect([...declared].filter(n => !read.has(n))).toEqual([]);
  });

  it('documents every input and output in the README tables', () => {
    const rows = readme.split('\n').filter(l => l.startsWith('| `'));
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect([name, rows.some(r => r.split('|')[1]?.includes(`\`${name}\``))]).toEqual([
        name,
        true
      ]);
    }
  });

  it('keeps the README workflow examples identical to the files the tests and CI use', () => {
    const blocks: Array<[string, string]> = [
      ['staging-workflow', '.github/workflows/staging.yml'],
      ['deploy-workflow', 'docs/examples/stage-dataset.yml'],
      ['cleanup-workflow', 'docs/examples/cleanup-dataset.yml']
    ];
    for (const [marker, file] of blocks) {
      const block = new RegExp(
        `<!-- ${marker}:start -->\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\`\\n<!-- ${marker}:end -->`
      ).exec(readme);
      expect(block?.[1]).toBe(readFileSync(file, 'utf8'));
    }
  });

  it('pins third-party actions in workflows to a commit SHA and gives every step an id', () => {
    for (const file of [
      '.github/workflows/ci.yml',
      '.github/workflows/check-dist.yml',
      '.github/workflows/staging.yml',
      'docs/examples/stage-dataset.yml',
      'docs/examples/cleanup-dataset.yml'
    ]) {
      const workflow = parse(readFileSync(file, 'utf8')) as {
        jobs: Record<string, { steps: Array<{ id?: string; uses?: string }> }>;
      };
      for (const step of Object.values(workflow.jobs).flatMap(j => j.steps)) {
        expect(step.id).toBeTruthy();
        if (step.uses && step.uses !== './')
          expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      }
    }
  });

  it('has .ci/run run exactly the README setup commands', () => {
    const commands = readFileSync('.ci/run', 'utf8')
      .split('\n')
      .filter(l => /^npm /.test(l));
    expect(commands).toEqual(['npm ci', 'npm test', 'npm run demo']);
    for (const c of commands) expect(readme).toContain(c);
  });
});
