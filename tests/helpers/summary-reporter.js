// Ends the run with a plain "N passed, N failed" line, the closing line CI reads whatever the runner.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    const suffix = skipped > 0 ? `, ${skipped} skipped` : ''
    process.stdout.write(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed${suffix}\n`)
  }
}

module.exports = SummaryReporter
