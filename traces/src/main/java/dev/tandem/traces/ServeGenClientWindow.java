package dev.tandem.traces;

/**
 * One row of {@code servegen_*_client_windows.csv}: a client's traffic in one 10-minute window.
 *
 * @param clientId anonymised client
 * @param windowStartSeconds window start, seconds since the trace's midnight (windows are 600 s)
 * @param rateRps mean requests per second of the client in the window
 * @param iatCv coefficient of variation of the inter-arrival times (as published)
 * @param distribution fitted inter-arrival family
 * @param shape the fit's shape parameter (its scale is ignored: gaps are rescaled to {@code
 *     rateRps})
 */
public record ServeGenClientWindow(
    int clientId,
    long windowStartSeconds,
    double rateRps,
    double iatCv,
    InterArrival distribution,
    double shape) {

  /** Window length of every ServeGen rate window, in seconds. */
  public static final long WINDOW_SECONDS = 600;
}
