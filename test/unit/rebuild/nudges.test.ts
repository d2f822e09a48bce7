import { describe, expect, it } from '@jest/globals';
import { shaInput } from '../../../src/rebuild/dispatch.js';

const workflow = (on: string): string => `name: Deploy\non:\n${on}\njobs: {}\n`;

describe('shaInput', () => {
  it('names the first declared workflow_dispatch input that takes the staging SHA', () => {
    expect(shaInput(workflow('  workflow_dispatch:\n    inputs:\n      sha: {}'))).toBe('sha');
    expect(
      shaInput(
        workflow(
          '  workflow_dispatch:\n    inputs:\n      sha: {}\n      staging-sha:\n        required: true'
        )
      )
    ).toBe('staging-sha');
    expect(shaInput(workflow('  workflow_dispatch:\n    inputs:\n      staging_sha: {}'))).toBe(
      'staging_sha'
    );
  });

  it('is null when the workflow declares no such input, no trigger, or cannot be read', () => {
    expect(
      shaInput(workflow('  workflow_dispatch:\n    inputs:\n      environment: {}'))
    ).toBeNull();
    expect(shaInput(workflow('  workflow_dispatch:'))).toBeNull();
    expect(shaInput('on: [push, workflow_dispatch]\n')).toBeNull();
    expect(shaInput(workflow('  push:'))).toBeNull();
    expect(shaInput('on: [unclosed\n')).toBeNull();
    expect(shaInput(null)).toBeNull();
  });
});
