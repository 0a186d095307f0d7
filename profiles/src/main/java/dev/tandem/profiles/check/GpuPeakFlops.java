package dev.tandem.profiles.check;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Dense (no sparsity) peak tensor FLOP/s of one GPU by type and dtype, from NVIDIA's data sheets,
 * for the roofline check when a profile does not state its own peak.
 *
 * <table>
 *   <caption>dense peak FLOP/s per GPU</caption>
 *   <tr><th>GPU</th><th>FP8</th><th>BF16/FP16</th></tr>
 *   <tr><td>H100 SXM, H200 SXM</td><td>1.979e15</td><td>0.989e15</td></tr>
 *   <tr><td>B200</td><td>4.5e15</td><td>2.25e15</td></tr>
 *   <tr><td>A100 (no FP8)</td><td>—</td><td>3.12e14</td></tr>
 * </table>
 *
 * GPU names are matched loosely: case, {@code _} versus {@code -} and a trailing {@code -SXM} do
 * not matter ({@code h200_sxm}, {@code H200-SXM} and {@code H200} are the same). PCIe and NVL
 * variants are not in the table (their peaks differ) and return empty.
 */
public final class GpuPeakFlops {

  private static final Map<String, Double> TABLE =
      Map.of(
          "H100/fp8", 1.979e15,
          "H100/bf16", 0.989e15,
          "H200/fp8", 1.979e15,
          "H200/bf16", 0.989e15,
          "B200/fp8", 4.5e15,
          "B200/bf16", 2.25e15,
          "A100/bf16", 3.12e14);

  private GpuPeakFlops() {}

  /**
   * The dense peak of one GPU of {@code gpuType} at {@code dtype}, or empty when not in the table.
   */
  public static Optional<Double> lookup(String gpuType, String dtype) {
    String gpu = gpuType.toUpperCase(Locale.ROOT).replace('_', '-');
    if (gpu.endsWith("-SXM")) {
      gpu = gpu.substring(0, gpu.length() - 4);
    }
    String d = dtype.toLowerCase(Locale.ROOT);
    if (d.equals("fp16") || d.equals("float16") || d.equals("bfloat16")) {
      d = "bf16";
    }
    if (d.startsWith("fp8") || d.startsWith("float8")) {
      d = "fp8";
    }
    return Optional.ofNullable(TABLE.get(gpu + "/" + d));
  }
}
