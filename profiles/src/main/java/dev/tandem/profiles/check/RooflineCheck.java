package dev.tandem.profiles.check;

import static dev.tandem.profiles.interpolation.Numbers.compact;

import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.profiles.model.PrefillPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Roofline check of prefill: a forward pass costs at least {@code 2 × parameters} FLOP per token
 * (the attention term is left out, so this is a lower bound), hence the measured TTFT implies at
 * least {@code F = 2 · params · ISL / ((TTFT/1000) · gpusPerEngine)} FLOP/s per GPU. {@code F}
 * above the GPU's dense peak for the dtype is impossible: ERROR. The peak is the profile's {@code
 * gpu.peakFlopsPerSecond}, else {@link GpuPeakFlops} by GPU type and dtype. Without a parameter
 * count or a peak the check is skipped and says so (INFO).
 */
public final class RooflineCheck {

  private RooflineCheck() {}

  public static List<Finding> check(PerformanceProfile profile) {
    Optional<Double> params = profile.model().parameters();
    Optional<Double> peak =
        profile
            .gpu()
            .peakFlopsPerSecond()
            .or(
                () ->
                    profile
                        .model()
                        .dtype()
                        .flatMap(d -> GpuPeakFlops.lookup(profile.gpu().type(), d)));
    String name = profile.metadata().name();
    if (params.isEmpty() || peak.isEmpty()) {
      return List.of(
          new Finding(
              Severity.INFO,
              "roofline-skipped",
              name,
              "roofline check skipped: needs model.parameters and gpu.peakFlopsPerSecond (or a GPU"
                  + " type and dtype in the built-in table)"));
    }
    int gpus = profile.engine().gpusPerEngine();
    List<Finding> findings = new ArrayList<>();
    List<PrefillPoint> points = profile.prefill();
    for (int i = 0; i < points.size(); i++) {
      PrefillPoint p = points.get(i);
      double flops = impliedFlopsPerGpu(params.get(), p.inputTokens(), p.ttftMillis(), gpus);
      if (flops > peak.get()) {
        findings.add(
            new Finding(
                Severity.ERROR,
                "roofline",
                name + " prefill[" + i + "] isl=" + p.inputTokens(),
                "TTFT "
                    + compact(p.ttftMillis())
                    + " ms implies at least 2 × "
                    + compact(params.get())
                    + " params × "
                    + p.inputTokens()
                    + " tokens / "
                    + compact(p.ttftMillis() / 1000.0)
                    + " s / "
                    + gpus
                    + " GPUs = "
                    + compact(flops)
                    + " FLOP/s per GPU, "
                    + compact(flops / peak.get())
                    + "× the dense peak "
                    + compact(peak.get())
                    + ": the TTFT is too short to be real"));
      }
    }
    return findings;
  }

  /** {@code 2 · params · ISL / ((TTFT/1000) · gpus)}, FLOP/s per GPU. */
  public static double impliedFlopsPerGpu(
      double params, double inputTokens, double ttftMillis, int gpus) {
    return 2 * params * inputTokens / (ttftMillis / 1000.0 * gpus);
  }
}
