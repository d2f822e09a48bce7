// The opt-in commit statuses: posted after staging is settled, only where they change.
import type { GitHub } from '../io/github.js';
import { log } from '../log.js';
import { errorMessage } from '../util/errors.js';
import { isRequestTimeout } from '../util/timeout.js';
import { describeSkip } from './reasons.js';
import type { RebuildSettings } from './settings.js';
import type { RebuildState } from './state.js';
import { currentStatuses, statusUnchanged } from './statuses.js';
import type { RebuildResult, SkipReason } from './types.js';

/** Skips a PR's author can act on in staging's terms; CI and gate skips have their own checks. */
const STATUS_REASONS = new Set<SkipReason['kind']>(['conflict', 'verify-failed']);

/**
 * Opt-in: a status on every merged or conflicting PR head. Never read back by the gate. Staging
 * is already settled here, so a status GitHub refuses is reported, not fatal.
 */
export async function postStatuses(
  github: GitHub,
  settings: RebuildSettings,
  result: RebuildResult,
  shas: Map<number, string>,
  state: RebuildState
): Promise<RebuildResult> {
  const context = settings.commitStatus;
  if (!context || settings.dryRun) return result;
  const current = currentStatuses(state.pullRequests, context);
  let unchanged = 0;
  const errors: string[] = [];
  // After one status timed out, the rest would each wait as long: they are reported instead.
  let timedOut: number | null = null;
  await log.group('Commit statuses', async () => {
    for (const o of result.outcomes) {
      const sha = o.status === 'merged' ? o.sha : shas.get(o.number);
      if (!sha || (o.status === 'skipped' && !STATUS_REASONS.has(o.reason.kind))) continue;
      if (timedOut !== null) {
        errors.push(`#${o.number}: not posted after #${timedOut} timed out`);
        continue;
      }
      const status =
        o.status === 'merged'
          ? {
              state: 'success' as const,
              // No staging SHA here: it changes on every push and would re-post every status.
              description: `In ${settings.stagingBranch}`
            }
          : {
              state: 'failure' as const,
              description: `Not in ${settings.stagingBranch}: ${describeSkip(o.reason)}`
            };
      if (statusUnchanged(current.get(sha), status)) {
        unchanged += 1;
        continue;
      }
      try {
        await github.createStatus(sha, { ...status, context, targetUrl: settings.runUrl });
      } catch (error) {
        if (isRequestTimeout(error)) timedOut = o.number;
        const message = `#${o.number}: ${errorMessage(error)}`;
        log.warning(`Could not post the '${context}' status on ${message}`);
        errors.push(message);
      }
    }
    if (unchanged > 0) log.info(`${unchanged} '${context}' status(es) already up to date`);
  });
  return errors.length > 0 ? { ...result, statusErrors: errors } : result;
}
