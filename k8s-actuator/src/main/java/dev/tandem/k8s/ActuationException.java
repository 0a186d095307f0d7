package dev.tandem.k8s;

/**
 * Some changes of a plan failed (409 after every retry, 404, server errors, timeouts). The report
 * says which; the ones that succeeded were written.
 */
public final class ActuationException extends RuntimeException {

  private final transient ActuationReport report;

  public ActuationException(ActuationReport report) {
    super(
        report.failures().size()
            + " of "
            + report.results().size()
            + " writes failed: "
            + String.join("; ", report.failures().stream().map(WriteResult::toString).toList()));
    this.report = report;
  }

  public ActuationReport report() {
    return report;
  }
}
