// git's network commands (fetch, push): retried when a second attempt can fix the failure, and
// bounded so a stalled connection cannot hang the run.
import { log } from '../log.js';
import { isStalled, isTransient } from './git-parse.js';
import { GitError, type GitResult } from './git-process.js';
import { retry } from '../util/retry.js';
import { formatSeconds } from '../util/timeout.js';

/**
 * A network command that curl aborted because the server sent (almost) nothing for the request
 * timeout. Not retried, like every request timeout: a server that stalled once tends to again.
 */
export class GitTimeoutError extends GitError {
  override name = 'GitTimeoutError';
  constructor(args: string[], result: GitResult, seconds: number) {
    super(args, result);
    const command = `git ${args[0] ?? ''}`;
    const after = `${formatSeconds(seconds * 1000)} (request-timeout)`;
    this.message =
      args[0] === 'push'
        ? `${command} got no answer from the server within ${after}: the push was not confirmed, ` +
          'so the remote branch may or may not have moved. Run again: the lease keeps a rerun safe.'
        : `${command} got no data from the server within ${after}: nothing was pushed.`;
  }
}

/**
 * Runs `args` through `exec` (which never throws for an exit code). Retried: only network commands
 * may fail for reasons a second attempt fixes. Bounded: a stalled HTTP connection (under 1000
 * bytes/s for `lowSpeedTimeS` seconds) fails with GitTimeoutError. Other failures come back as
 * the last attempt's result.
 */
export async function runNetworkCommand(
  exec: (args: string[]) => Promise<GitResult>,
  args: string[],
  lowSpeedTimeS: number
): Promise<GitResult> {
  const limits = ['-c', 'http.lowSpeedLimit=1000', '-c', `http.lowSpeedTime=${lowSpeedTimeS}`];
  try {
    return await retry(
      async () => {
        const result = await exec([...limits, ...args]);
        if (result.exitCode !== 0 && isStalled(result.stderr)) {
          throw new GitTimeoutError(args, result, lowSpeedTimeS);
        }
        if (result.exitCode !== 0 && isTransient(result.stderr)) throw new GitError(args, result);
        return result;
      },
      {
        delaysMs: [1000, 2000],
        retryable: error => error instanceof GitError && !(error instanceof GitTimeoutError),
        onRetry: (error, attempt) =>
          log.info(
            `git ${args[0]} failed (attempt ${attempt} of 3), retrying: ${(error as GitError).result.stderr.trim()}`
          )
      }
    );
  } catch (error) {
    if (error instanceof GitError && !(error instanceof GitTimeoutError)) return error.result;
    throw error;
  }
}
