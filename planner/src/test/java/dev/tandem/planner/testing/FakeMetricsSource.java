package dev.tandem.planner.testing;

import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.ports.MetricsSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A hand-written {@link MetricsSource}: each deployment's snapshot comes from a function of the
 * instant (or a fixed snapshot re-stamped at each call). Records every call; {@link
 * #failNextCall(RuntimeException)} makes the next call throw.
 */
public final class FakeMetricsSource implements MetricsSource {

  private final Map<DeploymentKey, BiFunction<DeploymentKey, Instant, MetricsSnapshot>> sources =
      new HashMap<>();
  private final List<Collection<DeploymentKey>> calls = new ArrayList<>();
  private RuntimeException failNext;

  /** Serve {@code snapshots} for {@code key}: called with the deployment and the instant. */
  public FakeMetricsSource set(
      DeploymentKey key, BiFunction<DeploymentKey, Instant, MetricsSnapshot> snapshots) {
    sources.put(key, snapshots);
    return this;
  }

  /** Stop serving {@code key} (it will be absent from results: read as MISSING). */
  public FakeMetricsSource remove(DeploymentKey key) {
    sources.remove(key);
    return this;
  }

  public FakeMetricsSource failNextCall(RuntimeException e) {
    failNext = e;
    return this;
  }

  /** The deployments asked for, call by call. */
  public List<Collection<DeploymentKey>> calls() {
    return List.copyOf(calls);
  }

  @Override
  public Map<DeploymentKey, MetricsSnapshot> snapshot(
      Collection<DeploymentKey> deployments, Instant now) {
    calls.add(List.copyOf(deployments));
    if (failNext != null) {
      RuntimeException e = failNext;
      failNext = null;
      throw e;
    }
    Map<DeploymentKey, MetricsSnapshot> out = new LinkedHashMap<>();
    for (DeploymentKey key : deployments) {
      var source = sources.get(key);
      if (source != null) {
        out.put(key, source.apply(key, now));
      }
    }
    return out;
  }
}
