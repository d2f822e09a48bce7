// Ends the run with one plain line, "tests: N passed, N failed", that any CI can read.
export default class CountReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stderr.write(
      `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed` +
        (skipped > 0 ? `, ${skipped} skipped` : '') +
        '\n'
    );
  }
}
