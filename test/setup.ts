// In-process runs log through src/io/runner.ts, which writes workflow commands to stdout. Jest
// reports on stderr, so stdout is muted to keep test output readable; set
// STAGING_ACTION_TEST_LOGS=1 to see the action's log while debugging a test.
if (!process.env.STAGING_ACTION_TEST_LOGS) {
  process.stdout.write = () => true;
}

// Node's fetch lives outside Jest's VM context, so the errors it throws are not `instanceof Error`
// in here (they are in a real process). Octokit checks exactly that (and the cause's) and would
// report a refused connection as "Unknown Error". Give them, and their causes, this context's
// prototypes; message, cause and stack stay.
function adopt(error: unknown, depth = 0): void {
  if (typeof error !== 'object' || error === null || depth > 5) return;
  const name = (error as { constructor?: { name?: string } }).constructor?.name ?? '';
  const local = (globalThis as Record<string, unknown>)[name];
  if (!(error instanceof Error) && typeof local === 'function') {
    Object.setPrototypeOf(error, (local as ErrorConstructor).prototype);
  }
  adopt((error as { cause?: unknown }).cause, depth + 1);
}
const outerFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  try {
    return await outerFetch(input, init);
  } catch (error) {
    adopt(error);
    throw error;
  }
};
