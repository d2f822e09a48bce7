// src/io/runner.ts against @actions/core (a devDependency kept for this test only): the same calls
// with awkward values must leave the same stdout, GITHUB_OUTPUT and job summary, byte for byte
// (only the random heredoc delimiter is normalised), and fail with the same errors.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as core from '@actions/core';
import * as runner from '../../src/io/runner.js';

interface Api {
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  setSecret(secret: string): void;
  setFailed(message: string | Error): void;
  info(message: string): void;
  debug(message: string): void;
  notice(message: string | Error): void;
  warning(message: string | Error): void;
  error(message: string | Error): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  appendSummary(text: string): Promise<void>;
}

const CORE: Api = {
  getInput: name => core.getInput(name),
  setOutput: (name, value) => core.setOutput(name, value),
  setSecret: secret => core.setSecret(secret),
  setFailed: message => core.setFailed(message),
  info: message => core.info(message),
  debug: message => core.debug(message),
  notice: message => core.notice(message),
  warning: message => core.warning(message),
  error: message => core.error(message),
  group: (name, fn) => core.group(name, fn),
  appendSummary: async text => {
    // core.summary is one object per process: it remembers the first path it checked and keeps
    // text that failed to write. Each scenario here is a fresh run.
    Object.assign(core.summary, { _filePath: undefined });
    await core.summary.emptyBuffer().addRaw(text).write();
  }
};

const TRICKY = [
  '',
  'plain',
  'two\nlines',
  'crlf\r\nend\r',
  '100% done',
  'already %0A escaped %25',
  'a:b,c=d',
  '::warning::injected',
  'ünïcødé ✓ 🚀 ß',
  '  padded  ',
  'trailing newline\n',
  '\n'
];

interface Observed {
  stdout: string;
  output: string | null;
  summary: string | null;
  result: unknown;
  error: string | null;
  exitCode: string | number | null | undefined;
}

interface Files {
  /** GITHUB_OUTPUT: an existing file (default), missing, or unset. */
  output?: 'file' | 'missing' | 'unset';
  /** GITHUB_STEP_SUMMARY: an existing file (default), in a missing directory, a directory, unset. */
  summary?: 'file' | 'missing' | 'directory' | 'unset';
  env?: Record<string, string>;
}

let root: string;
let runs = 0;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'staging-runner-'));
});
afterAll(async () => rm(root, { recursive: true, force: true }));

const normalise = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X');

async function observe(api: Api, scenario: (api: Api) => unknown, files: Files = {}) {
  const dir = path.join(root, String(runs++));
  await mkdir(dir);
  const outputFile = path.join(dir, 'output');
  const summaryFile = path.join(dir, 'summary');
  if (files.output !== 'missing') await writeFile(outputFile, 'earlier=1\n');
  if (files.summary === 'directory') await mkdir(summaryFile);
  else if (files.summary !== 'missing') await writeFile(summaryFile, '<p>earlier</p>\n');
  const env: Record<string, string | undefined> = {
    GITHUB_OUTPUT: files.output === 'unset' ? undefined : outputFile,
    GITHUB_STEP_SUMMARY:
      files.summary === 'unset'
        ? undefined
        : files.summary === 'missing'
          ? path.join(dir, 'gone', 'summary')
          : summaryFile,
    ...files.env
  };
  const saved = Object.fromEntries(Object.keys(env).map(k => [k, process.env[k]]));
  const exitCode = process.exitCode;
  const write = process.stdout.write.bind(process.stdout);
  const chunks: string[] = [];
  const observed: Observed = {
    stdout: '',
    output: null,
    summary: null,
    result: undefined,
    error: null,
    exitCode: undefined
  };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  process.stdout.write = (chunk: string | Uint8Array): boolean => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  process.exitCode = undefined;
  try {
    observed.result = await scenario(api);
  } catch (error) {
    // Each run has its own directory: errors name it as <dir>.
    const message = error instanceof Error ? error.message : String(error);
    observed.error = normalise(message.split(dir).join('<dir>'));
  } finally {
    process.stdout.write = write;
    observed.exitCode = process.exitCode;
    process.exitCode = exitCode;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  observed.stdout = normalise(chunks.join(''));
  const read = (file: string) => readFile(file, 'utf8').then(normalise, () => null);
  observed.output = await read(outputFile);
  observed.summary = files.summary === 'directory' ? null : await read(summaryFile);
  return observed;
}

/** Runs the scenario on both; returns @actions/core's observation once they agree. */
async function same(scenario: (api: Api) => unknown, files?: Files): Promise<Observed> {
  const expected = await observe(CORE, scenario, files);
  expect(await observe(runner, scenario, files)).toEqual(expected);
  return expected;
}

describe('the runner protocol, as @actions/core speaks it', () => {
  it('log lines and annotations escape data the same way', async () => {
    const seen = await same(api => {
      for (const value of TRICKY) {
        api.info(value);
        api.debug(value);
        api.notice(value);
        api.warning(value);
        api.error(value);
        api.setSecret(value);
      }
      api.warning(new Error('boom: a\nb'));
      api.notice(new TypeError('50%'));
    });
    expect(seen.stdout).toContain('::warning::two%0Alines\n');
    expect(seen.stdout).toContain('::add-mask::crlf%0D%0Aend%0D\n');
  });

  it('groups: the same lines around the body, closed when it throws, its value returned', async () => {
    const seen = await same(async api => {
      const value = await api.group('name: a, b\n100%', () => {
        api.info('inside');
        return Promise.resolve(42);
      });
      await api.group('failing', () => {
        api.info(`got ${value}`);
        return Promise.reject(new Error('inner failure'));
      });
    });
    expect(seen.stdout).toBe(
      '::group::name: a, b%0A100%25\ninside\n::endgroup::\n::group::failing\ngot 42\n::endgroup::\n'
    );
    expect(seen.error).toBe('inner failure');
  });

  it('setFailed: an error annotation and exit code 1', async () => {
    const seen = await same(api => api.setFailed('it broke:\n50% of it'));
    expect(seen).toMatchObject({ stdout: '::error::it broke:%0A50%25 of it\n', exitCode: 1 });
    await same(api => api.setFailed(new Error('as an Error')));
  });

  it('outputs: the same heredoc blocks in GITHUB_OUTPUT, after what was there', async () => {
    const seen = await same(api => {
      TRICKY.forEach((value, i) => api.setOutput(`out-${i}`, value));
      api.setOutput('odd:name,with=chars', 'v');
      api.setOutput('', 'no name');
    });
    expect(seen.stdout).toBe('');
    expect(seen.output).toMatch(/^earlier=1\nout-0<<ghadelimiter_X\n\nghadelimiter_X\n/);
  });

  it('outputs without GITHUB_OUTPUT: the ::set-output:: command, name escaped as a property', async () => {
    const seen = await same(
      api => {
        TRICKY.forEach((value, i) => api.setOutput(`out-${i}`, value));
        api.setOutput('odd:name,with=chars\n%', 'v');
        api.setOutput('', 'no name');
      },
      { output: 'unset' }
    );
    expect(seen.stdout).toContain('\n::set-output name=out-2::two%0Alines\n');
    expect(seen.stdout).toContain('\n::set-output name=odd%3Aname%2Cwith=chars%0A%25::v\n');
  });

  it('outputs to a GITHUB_OUTPUT file that does not exist: the same error', async () => {
    const seen = await same(api => api.setOutput('a', 'b'), { output: 'missing' });
    expect(seen.error).toBe('Missing file at path: <dir>/output');
  });

  it('inputs: INPUT_<NAME> with spaces as underscores, trimmed, empty when unset', async () => {
    const env = { 'INPUT_BASE-BRANCH': '  main \n', INPUT_MY_INPUT: '\tx y\t', INPUT_EMPTY: '' };
    const seen = await same(
      api =>
        ['base-branch', 'my input', 'Base-Branch', 'empty', 'unset'].map(name =>
          api.getInput(name)
        ),
      { env }
    );
    expect(seen.result).toEqual(['main', 'x y', 'main', '', '']);
  });

  it('the job summary: appended as is, after what the file held', async () => {
    const html = '<h2>Title &amp; ünï ✓</h2>\n<p>50%\r\n::warning::x</p>\n';
    const seen = await same(api => api.appendSummary(html));
    expect(seen.summary).toBe(`<p>earlier</p>\n${html}`);
  });

  it('the job summary: the same errors when unset, unreachable, or a directory', async () => {
    const unset = await same(api => api.appendSummary('x'), { summary: 'unset' });
    expect(unset.error).toMatch(/^Unable to find environment variable for \$GITHUB_STEP_SUMMARY/);
    const missing = await same(api => api.appendSummary('x'), { summary: 'missing' });
    expect(missing.error).toMatch(/^Unable to access summary file: '<dir>\/gone\/summary'/);
    const directory = await same(api => api.appendSummary('x'), { summary: 'directory' });
    expect(directory.error).toMatch(/EISDIR/);
  });
});

describe('the heredoc delimiter', () => {
  it('refuses a name or value holding it, with @actions/core’s messages', () => {
    const uuid = '00000000-0000-4000-8000-000000000000';
    expect(runner.keyValueMessage('n', 'v', uuid)).toBe(
      `n<<ghadelimiter_${uuid}\nv\nghadelimiter_${uuid}`
    );
    expect(() => runner.keyValueMessage(`x ghadelimiter_${uuid}`, 'v', uuid)).toThrow(
      `Unexpected input: name should not contain the delimiter "ghadelimiter_${uuid}"`
    );
    expect(() => runner.keyValueMessage('n', `a\nghadelimiter_${uuid}\nb`, uuid)).toThrow(
      `Unexpected input: value should not contain the delimiter "ghadelimiter_${uuid}"`
    );
  });
});
