// In-process runs log through @actions/core, which writes workflow commands to stdout. Jest
// reports on stderr, so stdout is muted to keep test output readable; set
// STAGING_ACTION_TEST_LOGS=1 to see the action's log while debugging a test.
if (!process.env.STAGING_ACTION_TEST_LOGS) {
  process.stdout.write = () => true;
}
