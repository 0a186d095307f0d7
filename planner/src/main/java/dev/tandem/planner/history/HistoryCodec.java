package dev.tandem.planner.history;

import dev.tandem.config.policy.Role;
import dev.tandem.planner.forecast.ForecastState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a {@link ScalingHistory} as line-oriented text and reads it back exactly ({@code
 * read(write(h)).equals(h)}; doubles are written with {@link Double#toString}, which round-trips).
 * Plain JDK, readable in a ConfigMap or a log:
 *
 * <pre>
 * tandem-scaling-history v1
 * role prefill correction=1.1 samples=3 spread=0.01 last=2025-01-01T00:01:00Z ready=5 settled=2025-01-01T00:00:30Z
 * down prefill 2024-12-31T23:40:00Z
 * rec prefill 2025-01-01T00:00:30Z 4
 * rec prefill 2025-01-01T00:01:00Z 5
 * role decode correction=1.0 samples=0 spread=0.0 last=- ready=-1 settled=-
 * role router correction=1.0 samples=0 spread=0.0 last=- ready=-1 settled=-
 * forecast observed-ewma atEpochMillis=1.7356896E12 level=12.5
 * </pre>
 *
 * {@code ready=} and {@code settled=} (the capacity the correction learner tracks) are optional
 * when reading: a history written without them reads as not having seen the role yet; so is {@code
 * spread=} (reads as 0: no disagreement seen yet), and {@code descending=} (written only when true:
 * the last change of count was a decrease, so the next one continues that scale-down). {@code down}
 * lines (when the scale-downs of the last hour began) are optional: a history without them has
 * none.
 *
 * <p>A forecast state with a forecasting-module checkpoint adds a {@code checkpoint} line and its
 * {@code array} lines after the {@code forecast} line ({@link CheckpointCodec}).
 */
public final class HistoryCodec {

  static final String HEADER = "tandem-scaling-history v1";

  private HistoryCodec() {}

  public static String write(ScalingHistory history) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (Role role : Role.values()) {
      RoleHistory h = history.of(role);
      out.append("role ")
          .append(role.yamlName())
          .append(" correction=")
          .append(h.correction())
          .append(" samples=")
          .append(h.correctionSamples())
          .append(" spread=")
          .append(h.correctionSpread())
          .append(" last=")
          .append(h.lastDecision().map(Instant::toString).orElse("-"))
          .append(" ready=")
          .append(h.settledReady())
          .append(" settled=")
          .append(h.settledSince().map(Instant::toString).orElse("-"))
          .append(h.descending() ? " descending=true" : "")
          .append('\n');
      for (Instant down : h.scaleDowns()) {
        out.append("down ").append(role.yamlName()).append(' ').append(down).append('\n');
      }
      for (Recommendation r : h.recommendations()) {
        out.append("rec ")
            .append(role.yamlName())
            .append(' ')
            .append(r.at())
            .append(' ')
            .append(r.replicas())
            .append('\n');
      }
    }
    out.append("forecast ").append(history.forecast().model());
    history.forecast().values().forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
    out.append('\n');
    history.forecast().checkpoint().ifPresent(cp -> CheckpointCodec.write(cp, out));
    return out.toString();
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws IllegalArgumentException naming the line when the text is not a history
   */
  public static ScalingHistory read(String text) {
    String[] lines = text.split("\n");
    if (lines.length == 0 || !lines[0].strip().equals(HEADER)) {
      throw new IllegalArgumentException("line 1: expected '" + HEADER + "'");
    }
    Map<Role, RoleHistory> roles = new EnumMap<>(Role.class);
    Map<Role, List<Recommendation>> recs = new EnumMap<>(Role.class);
    Map<Role, List<Instant>> downs = new EnumMap<>(Role.class);
    ForecastState forecast = ForecastState.empty();
    String[] checkpoint = null;
    Map<String, double[]> arrays = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(" ");
      try {
        switch (f[0]) {
          case "role" -> roles.put(role(f[1]), roleLine(f));
          case "rec" ->
              recs.computeIfAbsent(role(f[1]), r -> new ArrayList<>())
                  .add(new Recommendation(Instant.parse(f[2]), Integer.parseInt(f[3])));
          case "down" ->
              downs.computeIfAbsent(role(f[1]), r -> new ArrayList<>()).add(Instant.parse(f[2]));
          case "forecast" -> forecast = forecastLine(f);
          case "checkpoint" -> {
            if (f.length < 2) {
              throw new IllegalArgumentException("too few fields");
            }
            checkpoint = f;
          }
          case "array" -> {
            if (checkpoint == null) {
              throw new IllegalArgumentException("'array' before any 'checkpoint'");
            }
            arrays.put(f[1], CheckpointCodec.values(f));
          }
          default -> throw new IllegalArgumentException("unknown record '" + f[0] + "'");
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + describe(e), e);
      }
    }
    if (checkpoint != null) {
      try {
        forecast =
            new ForecastState(
                forecast.model(),
                forecast.values(),
                Optional.of(CheckpointCodec.read(checkpoint, arrays)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("checkpoint: " + describe(e), e);
      }
    }
    ScalingHistory history = ScalingHistory.empty().withForecast(forecast);
    for (Role role : Role.values()) {
      RoleHistory h = roles.getOrDefault(role, RoleHistory.empty());
      h =
          new RoleHistory(
              h.lastDecision(),
              recs.getOrDefault(role, List.of()),
              h.correction(),
              h.correctionSamples(),
              h.correctionSpread(),
              h.settledReady(),
              h.settledSince(),
              downs.getOrDefault(role, List.of()),
              h.descending());
      history = history.with(role, h);
    }
    return history;
  }

  private static RoleHistory roleLine(String[] f) {
    Map<String, String> kv = pairs(f, 2);
    String last = required(kv, "last");
    String settled = kv.getOrDefault("settled", "-");
    return new RoleHistory(
        last.equals("-") ? Optional.empty() : Optional.of(Instant.parse(last)),
        List.of(),
        Double.parseDouble(required(kv, "correction")),
        Long.parseLong(required(kv, "samples")),
        Double.parseDouble(kv.getOrDefault("spread", "0")),
        Integer.parseInt(kv.getOrDefault("ready", String.valueOf(RoleHistory.UNKNOWN_READY))),
        settled.equals("-") ? Optional.empty() : Optional.of(Instant.parse(settled)),
        List.of(),
        flag(kv.getOrDefault("descending", "false"), "descending"));
  }

  private static ForecastState forecastLine(String[] f) {
    Map<String, Double> values = new TreeMap<>();
    pairs(f, 2).forEach((k, v) -> values.put(k, Double.parseDouble(v)));
    return ForecastState.of(f[1], values);
  }

  static Map<String, String> pairs(String[] f, int from) {
    Map<String, String> kv = new TreeMap<>();
    for (int i = from; i < f.length; i++) {
      int eq = f[i].indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("expected name=value, got '" + f[i] + "'");
      }
      kv.put(f[i].substring(0, eq), f[i].substring(eq + 1));
    }
    return kv;
  }

  private static boolean flag(String value, String key) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(key + "= must be true or false, got '" + value + "'");
    };
  }

  static String required(Map<String, String> kv, String key) {
    String v = kv.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing " + key + "=");
    }
    return v;
  }

  private static Role role(String name) {
    for (Role r : Role.values()) {
      if (r.yamlName().equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role '" + name + "'");
  }

  private static String describe(RuntimeException e) {
    return e instanceof DateTimeParseException
        ? "bad instant: " + e.getMessage()
        : e instanceof ArrayIndexOutOfBoundsException ? "too few fields" : e.getMessage();
  }
}
