// The environment and error text of commands from the staging config.
import { describe, expect, it } from '@jest/globals';
import { commandEnv, stderrTail } from '../../../src/dataset/command.js';

describe('commandEnv', () => {
  it('drops the token variables and any variable holding a token value', () => {
    const env = commandEnv({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      GITHUB_TOKEN: 'ghs_secret',
      GH_TOKEN: 'gho_other',
      'INPUT_GITHUB-TOKEN': 'ghs_secret',
      COPY_OF_TOKEN: 'ghs_secret',
      GITHUB_REPOSITORY: 'acme/pipelines'
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      GITHUB_REPOSITORY: 'acme/pipelines'
    });
  });
});

describe('stderrTail', () => {
  it('keeps the last lines, where the error is', () => {
    const stderr = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const tail = stderrTail(stderr);
    expect(tail.split('\n')).toHaveLength(20);
    expect(tail.endsWith('line 50')).toBe(true);
    expect(tail).not.toContain('line 30\n');
  });

  it('says when there was nothing', () => {
    expect(stderrTail('  \n')).toBe('(nothing on stderr)');
  });
});
