package dev.tandem.profiles.model;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The measured performance of one inference engine (a whole tensor-parallel group): prefill TTFT at
 * batch 1 against input length, decode ITL against concurrency and context length, KV capacity and
 * engine limits. Units: tokens, milliseconds, tokens/s/GPU.
 *
 * <p>Invariants (checked here): at least one prefill and one decode point, prefill input lengths
 * strictly increasing, every number finite and positive, KV usage in (0, 1]. Softer properties
 * (monotone TTFT, throughput consistent with latency, physically possible FLOP/s) are findings of
 * {@code ProfileChecks}, not exceptions, so a suspicious file can still be loaded and inspected.
 */
public record PerformanceProfile(
    ProfileMetadata metadata,
    GpuSpec gpu,
    ModelSpec model,
    EngineSpec engine,
    List<PrefillPoint> prefill,
    List<DecodePoint> decode) {

  public PerformanceProfile {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(gpu, "gpu");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(engine, "engine");
    prefill = List.copyOf(prefill);
    decode = List.copyOf(decode);
    if (prefill.isEmpty()) {
      throw new IllegalArgumentException("prefill must have at least one point");
    }
    if (decode.isEmpty()) {
      throw new IllegalArgumentException("decode must have at least one point");
    }
    for (int i = 1; i < prefill.size(); i++) {
      int before = prefill.get(i - 1).inputTokens();
      int now = prefill.get(i).inputTokens();
      if (now <= before) {
        throw new IllegalArgumentException(
            "prefill["
                + i
                + "].isl must be greater than the previous point's "
                + before
                + " (points sorted by strictly increasing ISL), got "
                + now);
      }
    }
  }

  /** The same profile under another name and attribution. */
  public PerformanceProfile withMetadata(ProfileMetadata newMetadata) {
    return new PerformanceProfile(newMetadata, gpu, model, engine, prefill, decode);
  }

  /** The distinct measured context lengths of the decode points, ascending. */
  public List<Double> decodeContexts() {
    TreeSet<Double> contexts = new TreeSet<>();
    decode.forEach(p -> contexts.add(p.contextTokens()));
    return List.copyOf(contexts);
  }

  /** The decode points measured at exactly {@code contextTokens}, in order of concurrency. */
  public List<DecodePoint> decodeAt(double contextTokens) {
    return decode.stream()
        .filter(p -> p.contextTokens() == contextTokens)
        .sorted((a, b) -> Double.compare(a.concurrency(), b.concurrency()))
        .toList();
  }
}
