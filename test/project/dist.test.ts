import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

describe('dist/', () => {
  // Runners execute dist/, not src/: a change that is not rebuilt into dist/ is not shipped.
  it('equals a fresh build of src/', async () => {
    const { stdout } = await run(process.execPath, ['scripts/check-dist.mjs'], {
      maxBuffer: 16 * 1024 * 1024
    }).catch((error: { stderr?: string }) => {
      throw new Error(error.stderr ?? 'check-dist failed');
    });
    expect(stdout).toContain('dist/ matches a fresh build');
  }, 300_000);
});
