package dev.tandem.profiles.model;

import java.util.Optional;

/**
 * The accelerator one profile was measured on.
 *
 * @param type a GPU name such as {@code H200-SXM}
 * @param peakFlopsPerSecond dense peak FLOP/s of one GPU for the model's dtype, when known (used
 *     only by the roofline plausibility check)
 */
public record GpuSpec(String type, Optional<Double> peakFlopsPerSecond) {

  public GpuSpec {
    Require.text("gpu.type", type);
    peakFlopsPerSecond.ifPresent(v -> Require.positive("gpu.peakFlopsPerSecond", v));
  }
}
