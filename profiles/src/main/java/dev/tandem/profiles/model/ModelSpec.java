package dev.tandem.profiles.model;

import java.util.Optional;

/**
 * The model an engine served while it was profiled.
 *
 * @param name the model name, for example {@code nvidia/Llama-3.1-8B-Instruct-FP8}
 * @param parameters number of parameters, when known (roofline check: ≈ 2 FLOP per parameter per
 *     token)
 * @param dtype the compute dtype such as {@code fp8} or {@code bf16}, when known
 */
public record ModelSpec(String name, Optional<Double> parameters, Optional<String> dtype) {

  public ModelSpec {
    Require.text("model.name", name);
    parameters.ifPresent(v -> Require.positive("model.parameters", v));
    dtype.ifPresent(v -> Require.text("model.dtype", v));
  }
}
