// A redeploy whose production CronJobs lost a kind must delete that kind's staged CronJob, or it
// keeps running the old image forever.

/**
 * Names of live CronJobs (already selected by this dataset version's labels) that the deploy no
 * longer wants; sorted and without duplicates.
 */
export function planPrune(
  live: ReadonlyArray<{ name: string }>,
  desiredNames: readonly string[]
): string[] {
  const desired = new Set(desiredNames);
  const stale = new Set(live.map(object => object.name).filter(name => !desired.has(name)));
  return [...stale].sort();
}
