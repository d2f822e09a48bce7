import { describe, expect, it } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { readCleanupSettings } from '../../../src/cleanup/settings.js';
import { readDeploySettings } from '../../../src/deploy/settings.js';
import type { InputSource } from '../../../src/inputs/parse.js';
import { INPUTS, MODE_NAMES, OUTPUTS, type ModeName } from '../../../src/inputs/spec.js';
import { readRebuildSettings } from '../../../src/rebuild/settings.js';
import { readStatusSettings } from '../../../src/status/settings.js';
import { readSweepSettings } from '../../../src/sweep/settings.js';
import { readTriggerSettings } from '../../../src/trigger/settings.js';

interface ActionYaml {
  runs: { using: string; main: string };
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description?: string }>;
}

const action = parse(readFileSync('action.yml', 'utf8')) as ActionYaml;
const readme = readFileSync('README.md', 'utf8');
// Every workflow the project runs or documents (npm run lint runs actionlint on the same files).
const WORKFLOW_DIRS = ['.github/workflows', 'docs/examples'];

function workflowFiles(): string[] {
  return WORKFLOW_DIRS.flatMap(dir =>
    readdirSync(dir)
      .filter(f => /\.ya?ml$/.test(f))
      .map(f => `${dir}/${f}`)
  );
}

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

  it('is generated from the one description of the inputs and outputs', async () => {
    // Fails (exit 1) when action.yml differs from what scripts/action-yml.ts writes.
    await promisify(execFile)(process.execPath, [
      '--no-warnings',
      'scripts/action-yml.ts',
      '--check'
    ]);
    expect(Object.keys(action.inputs)).toEqual(INPUTS.filter(i => !i.cliOnly).map(i => i.name));
    expect(Object.keys(action.outputs)).toEqual(OUTPUTS.map(o => o.name));
  });

  it('has each mode read exactly the inputs the spec gives it', () => {
    const valid: Record<ModeName, Record<string, string>> = {
      rebuild: { 'github-token': 'ghs_x' },
      deploy: { 'dataset-id': 'x', version: '1.0.0', 'docker-image': 'ghcr.io/o/a:1' },
      cleanup: {
        'dataset-id': 'x',
        version: '1.0.0',
        'github-token': 'ghs_x',
        'sentry-auth-token': 't',
        'sentry-org': 'o'
      },
      status: { 'github-token': 'ghs_x' },
      trigger: { 'dataset-id': 'x', version: '1.0.0', kind: 'update', wait: '5m' },
      sweep: { 'github-token': 'ghs_x', 'sentry-auth-token': 't', 'sentry-org': 'o' }
    };
    const readers = {
      rebuild: readRebuildSettings,
      deploy: readDeploySettings,
      cleanup: readCleanupSettings,
      status: readStatusSettings,
      trigger: readTriggerSettings,
      sweep: readSweepSettings
    };
    for (const mode of MODE_NAMES) {
      const asked = new Set<string>();
      const source: InputSource = {
        get: name => {
          asked.add(name);
          return valid[mode][name] ?? '';
        }
      };
      readers[mode](source, { GITHUB_REPOSITORY: 'o/a' });
      const declared = INPUTS.filter(i => i.modes === 'all' || i.modes.includes(mode))
        .map(i => i.name)
        .filter(name => name !== 'mode'); // read by main.ts to pick the mode
      expect([mode, [...asked].sort()]).toEqual([mode, declared.sort()]);
    }
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
      ['deploy-eks-workflow', 'docs/examples/stage-dataset-eks.yml'],
      ['cleanup-workflow', 'docs/examples/cleanup-dataset.yml'],
      ['sweep-workflow', 'docs/examples/sweep-staged.yml']
    ];
    for (const [marker, file] of blocks) {
      const block = new RegExp(
        `<!-- ${marker}:start -->\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\`\\n<!-- ${marker}:end -->`
      ).exec(readme);
      expect(block?.[1]).toBe(readFileSync(file, 'utf8'));
    }
  });

  it('pins third-party actions in workflows to a commit SHA and gives every step an id', () => {
    const files = workflowFiles();
    expect(files).toEqual(expect.arrayContaining(['.github/workflows/release.yml']));
    for (const file of files) {
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

  it('pins each third-party action to one SHA in every workflow, with its version as a comment', () => {
    const pins = new Map<string, Set<string>>();
    for (const file of workflowFiles()) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const uses = /^\s*(?:- )?uses: ([\w.-]+\/[\w.-]+)@(\S+)(.*)$/.exec(line);
        if (!uses) continue;
        const [, action, ref, rest] = uses;
        expect([file, line, rest]).toEqual([
          file,
          line,
          expect.stringMatching(/^ # v\d+\.\d+\.\d+$/)
        ]);
        pins.set(action, (pins.get(action) ?? new Set()).add(`${ref}${rest}`));
      }
    }
    expect(pins.size).toBeGreaterThan(0);
    for (const [action, refs] of pins) expect([action, [...refs].length]).toEqual([action, 1]);
  });

  it('has .ci/run run exactly the README setup commands', () => {
    const commands = readFileSync('.ci/run', 'utf8')
      .split('\n')
      .filter(l => /^npm /.test(l));
    expect(commands).toEqual(['npm ci', 'npm test', 'npm run demo', 'npm run check-dist']);
    for (const c of commands) expect(readme).toContain(c);
  });
});

describe('release', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
    version: string;
    packages: Record<string, { version?: string }>;
  };

  it('has one version in package.json and package-lock.json', () => {
    expect([lock.version, lock.packages['']?.version]).toEqual([pkg.version, pkg.version]);
  });

  it("has a dated CHANGELOG section for package.json's version: the release notes", () => {
    const changelog = readFileSync('CHANGELOG.md', 'utf8');
    expect(changelog).toContain('## [Unreleased]');
    expect(changelog).toMatch(new RegExp(`^## \\[${pkg.version}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
    const notes = execFileSync(process.execPath, ['scripts/changelog-section.mjs', pkg.version], {
      encoding: 'utf8'
    });
    expect(notes).toContain('### ');
    expect(notes).not.toContain('## [');
  });

  it('runs on version tags with contents: write, and no run: interpolates an expression', () => {
    const release = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as {
      on: { push: { tags: string[] } };
      permissions: Record<string, string>;
    };
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } });
    expect(release.permissions).toEqual({ contents: 'write' });
    for (const file of workflowFiles()) {
      const workflow = parse(readFileSync(file, 'utf8')) as {
        jobs: Record<string, { steps: Array<{ id?: string; run?: string }> }>;
      };
      for (const step of Object.values(workflow.jobs).flatMap(j => j.steps))
        expect([file, step.id, step.run?.includes('${{') ?? false]).toEqual([file, step.id, false]);
    }
  });
});
