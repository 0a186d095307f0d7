package dev.tandem.simulations.catalog;

/**
 * {@code index.html}: the scenario, the printed report (table, speed, frontier comparison) and the
 * charts, with links to the CSV/JSON files. Self-contained, no scripts.
 */
final class HtmlPage {

  private HtmlPage() {}

  static String render(Comparison c, String reportText) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    sb.append("<title>tandem simulate: ").append(esc(c.scenario().name())).append("</title>\n");
    sb.append(
        "<style>body{font-family:sans-serif;max-width:1160px;margin:2em auto;color:#222}"
            + "pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:12px}"
            + "img{display:block;margin:1em 0;max-width:100%}h2{margin-top:1.6em}</style>\n");
    sb.append("</head><body>\n");
    sb.append("<h1>Scenario <code>").append(esc(c.scenario().name())).append("</code></h1>\n");
    sb.append("<p>").append(esc(c.scenario().description())).append("</p>\n");
    sb.append("<h2>Results</h2>\n<pre>").append(esc(reportText)).append("</pre>\n");
    sb.append(
        "<p>SLA attainment = share of 1-minute windows in which every percentile target held;"
            + " TTFT/ITL ok = share of requests under each threshold; goodput = requests meeting"
            + " both per second of load. Files: <a href=\"summary.csv\">summary.csv</a>,"
            + " <a href=\"summary.json\">summary.json</a>, series-&lt;policy&gt;.csv/json per"
            + " policy");
    if (!c.frontiers().isEmpty()) {
      sb.append(", <a href=\"frontier.csv\">frontier.csv</a>");
    }
    sb.append(".</p>\n");
    chart(
        sb,
        "Prefill engines vs prompt-token load",
        "prefill.png",
        "Step lines: prefill engines (ready + starting) per policy; grey area: prompt tokens/s"
            + " arriving (right axis).");
    chart(
        sb,
        "Decode engines vs output-token load",
        "decode.png",
        "Step lines: decode engines per policy; grey area: output tokens/s arriving.");
    chart(
        sb,
        "TTFT p90 per minute",
        "ttft.png",
        "Each window's p90 TTFT (log scale); the dashed line is the target. Above it the window"
            + " fails.");
    chart(sb, "ITL p90 per minute", "itl.png", "Each window's p90 ITL against the target.");
    chart(sb, "GPUs", "gpus.png", "Mean GPUs held per window (starting and draining included).");
    if (!c.frontiers().isEmpty()) {
      chart(
          sb,
          "Cost vs attainment",
          "frontier.png",
          "Dashed lines: each baseline's frontier over its own knob (non-dominated runs);"
              + " squares: the compared policies. Lower and further right is better.");
    }
    sb.append("</body></html>\n");
    return sb.toString();
  }

  private static void chart(StringBuilder sb, String title, String file, String caption) {
    sb.append("<h2>").append(esc(title)).append("</h2>\n");
    sb.append("<img src=\"").append(file).append("\" alt=\"").append(esc(title)).append("\">\n");
    sb.append("<p>").append(esc(caption)).append("</p>\n");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
