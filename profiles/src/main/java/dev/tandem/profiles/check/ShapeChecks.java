package dev.tandem.profiles.check;

import static dev.tandem.profiles.interpolation.Numbers.compact;

import dev.tandem.profiles.model.DecodePoint;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.profiles.model.PrefillPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Shape checks that hold for any engine:
 *
 * <ul>
 *   <li>TTFT non-decreasing in ISL (a longer prompt is never faster): WARNING per fall;
 *   <li>ITL non-decreasing in concurrency at one context (a larger batch never decodes faster):
 *       WARNING per fall; the ITL surface uses the running maximum there;
 *   <li>{@code concurrency × context ≤ kvCapacityTokens} (1% slack for rounding): ERROR otherwise;
 *   <li>KV usage and concurrency, when both are given, agree: {@code kvUsage × kvCapacity / context
 *       = concurrency} within 1%: ERROR otherwise;
 *   <li>concurrency ≤ maxSequences when that limit is known: WARNING (the derived concurrency
 *       cannot all have been running).
 * </ul>
 */
public final class ShapeChecks {

  private ShapeChecks() {}

  public static List<Finding> check(PerformanceProfile profile) {
    List<Finding> findings = new ArrayList<>();
    String name = profile.metadata().name();
    List<PrefillPoint> prefill = profile.prefill();
    for (int i = 1; i < prefill.size(); i++) {
      PrefillPoint a = prefill.get(i - 1);
      PrefillPoint b = prefill.get(i);
      if (b.ttftMillis() < a.ttftMillis()) {
        findings.add(
            new Finding(
                Severity.WARNING,
                "ttft-not-monotone",
                name + " prefill[" + (i - 1) + "] isl=" + a.inputTokens(),
                "TTFT falls from "
                    + compact(a.ttftMillis())
                    + " ms at ISL "
                    + a.inputTokens()
                    + " to "
                    + compact(b.ttftMillis())
                    + " ms at ISL "
                    + b.inputTokens()
                    + "; a longer prompt is not faster, so the point at ISL "
                    + a.inputTokens()
                    + " is probably an outlier"));
      }
    }
    for (double context : profile.decodeContexts()) {
      List<DecodePoint> curve = profile.decodeAt(context);
      for (int i = 1; i < curve.size(); i++) {
        DecodePoint a = curve.get(i - 1);
        DecodePoint b = curve.get(i);
        if (b.itlMillis() < a.itlMillis()) {
          findings.add(
              new Finding(
                  Severity.WARNING,
                  "itl-not-monotone",
                  name + " decode context=" + compact(context),
                  "ITL falls from "
                      + compact(a.itlMillis())
                      + " ms at concurrency "
                      + compact(a.concurrency())
                      + " to "
                      + compact(b.itlMillis())
                      + " ms at "
                      + compact(b.concurrency())
                      + "; the ITL surface uses the running maximum (monotone envelope)"));
        }
      }
    }
    findings.addAll(limits(profile));
    return findings;
  }

  private static List<Finding> limits(PerformanceProfile profile) {
    List<Finding> findings = new ArrayList<>();
    long kv = profile.engine().kvCapacityTokens();
    List<DecodePoint> points = profile.decode();
    for (int i = 0; i < points.size(); i++) {
      DecodePoint p = points.get(i);
      String where = ThroughputChecks.where(profile, i, p);
      double tokens = p.concurrency() * p.contextTokens();
      if (tokens > kv * 1.01) {
        findings.add(
            new Finding(
                Severity.ERROR,
                "kv-overflow",
                where,
                "concurrency × context = "
                    + compact(tokens)
                    + " tokens exceeds the KV capacity "
                    + kv));
      }
      if (p.kvUsage().isPresent()) {
        double derived = DecodePoint.concurrency(p.kvUsage().get(), kv, p.contextTokens());
        if (Math.abs(derived / p.concurrency() - 1) > 0.01) {
          findings.add(
              new Finding(
                  Severity.ERROR,
                  "kv-usage-mismatch",
                  where,
                  "kvUsage "
                      + compact(p.kvUsage().get())
                      + " × "
                      + kv
                      + " / "
                      + compact(p.contextTokens())
                      + " = "
                      + compact(derived)
                      + " sequences, but the point states concurrency "
                      + compact(p.concurrency())));
        }
      }
      if (profile.engine().maxSequences().isPresent()
          && p.concurrency() > profile.engine().maxSequences().get()) {
        findings.add(
            new Finding(
                Severity.WARNING,
                "above-max-sequences",
                where,
                "concurrency "
                    + compact(p.concurrency())
                    + " exceeds engine.maxSequences "
                    + profile.engine().maxSequences().get()
                    + ": the engine cannot have run that many at once"));
      }
    }
    return findings;
  }
}
