package dev.tandem.simulations.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.cluster.ProfileTables;
import dev.tandem.traces.TraceFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Simulated decode ITL against NVIDIA AIConfigurator's measured TPOT for the same model and GPU
 * (H200-SXM, Llama-3.1-8B-Instruct-FP8, vLLM, TP1; {@code
 * data/perf/aiconfigurator_silicon/silicon_h100_h200_derived.csv.gz}, Apache-2.0). Each row is a
 * closed-loop run at a fixed concurrency c with fixed ISL/OSL on an <em>aggregated</em> engine, so
 * its TPOT also pays for the prefills interleaved with decoding; the simulator's decode engines are
 * disaggregated. Simulated: a decode engine held at c sequences of context ISL + OSL/2 (what {@link
 * ProfileTables} charges). Prints each pair; asserts only a loose band, since the two deployments
 * differ (and the profile is vLLM 0.10.1 while the rows are vLLM 0.12.0).
 */
class AiconfiguratorComparisonTest {

  static final Path FILE =
      TestProfiles.root()
          .resolve("data/perf/aiconfigurator_silicon/silicon_h100_h200_derived.csv.gz");

  record Row(int isl, int osl, int concurrency, double tpotMillis) {}

  @Test
  void simulatedDecodeItlIsWithinALooseBandOfMeasuredTpot() throws IOException {
    List<Row> rows = rows();
    assertThat(rows).as("H200 8B vLLM TP1 rows").hasSizeGreaterThanOrEqualTo(5);
    PerformanceProfile p = TestProfiles.h200();
    ProfileTables t = new ProfileTables(p);
    StringBuilder sb =
        new StringBuilder(
            "AIConfigurator (H200, Llama-3.1-8B-FP8, vLLM 0.12, agg, TP1) vs simulated decode ITL\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "  %6s %6s %5s %12s %12s %8s%n",
            "ISL",
            "OSL",
            "c",
            "TPOT ms",
            "sim ITL ms",
            "sim/meas"));
    double[] ratios = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      double sim = t.itlMillis(r.concurrency(), r.isl() + r.osl() / 2.0);
      ratios[i] = sim / r.tpotMillis();
      sb.append(
          String.format(
              Locale.ROOT,
              "  %6d %6d %5d %12.2f %12.2f %8.2f%n",
              r.isl(),
              r.osl(),
              r.concurrency(),
              r.tpotMillis(),
              sim,
              ratios[i]));
    }
    Arrays.sort(ratios);
    sb.append(
        String.format(
            Locale.ROOT,
            "  median sim/measured %.2f, range %.2f – %.2f%n",
            ratios[ratios.length / 2],
            ratios[0],
            ratios[ratios.length - 1]));
    System.out.print(sb);
    // Same model and GPU: within a factor of two either way, and not systematically slower than
    // an aggregated engine that also runs prefills.
    assertThat(ratios[0]).isGreaterThan(0.5);
    assertThat(ratios[ratios.length - 1]).isLessThan(2.0);
    assertThat(ratios[ratios.length / 2]).isLessThan(1.25);
  }

  static List<Row> rows() throws IOException {
    List<String> lines;
    try (var in = TraceFiles.open(FILE)) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    int system = header.indexOf("system");
    int backend = header.indexOf("backend");
    int model = header.indexOf("model");
    int mode = header.indexOf("mode");
    int tp = header.indexOf("tp");
    int isl = header.indexOf("isl");
    int osl = header.indexOf("osl");
    int conc = header.indexOf("concurrency");
    int tpot = header.indexOf("tpot_ms");
    List<Row> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      if (f[system].equals("h200_sxm")
          && f[backend].equals("vllm")
          && f[model].equals("nvidia/Llama-3.1-8B-Instruct-FP8")
          && f[mode].equals("agg")
          && f[tp].equals("1")
          && !f[conc].isEmpty()) {
        out.add(
            new Row(
                Integer.parseInt(f[isl]),
                Integer.parseInt(f[osl]),
                Integer.parseInt(f[conc]),
                Double.parseDouble(f[tpot])));
      }
    }
    return out;
  }
}
