package dev.tandem.planner.testing;

import dev.tandem.config.policy.Role;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.ReplicaChange;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.ports.ReplicaStateReader;
import dev.tandem.planner.sizing.DecodeModel;
import dev.tandem.planner.sizing.LognormalStrata;
import dev.tandem.planner.sizing.PrefillQueue;
import dev.tandem.planner.sizing.ServiceTimes;
import dev.tandem.planner.state.ReplicaState;
import dev.tandem.planner.state.ReplicaStates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A tiny deterministic cluster for scenario tests: engines start {@code startupTime} after they are
 * requested (or never, beyond a role's schedulable limit), removed engines drain for {@code
 * drainTime}, and the latencies it reports are the profile's model on the ready engines with every
 * latency multiplied by {@code slowdown} (1.3 = engines 30 % slower than their profile). Load comes
 * from a function of time. Implements the state reader, takes plans as the actuator's downstream,
 * and produces the metrics snapshots.
 */
public final class FakeCluster implements ReplicaStateReader {

  /** Engines pending longer than this are reported as pending past the timeout. */
  public static final Duration PENDING_TIMEOUT = Duration.ofMinutes(1);

  private final Deployment deployment;
  private final double slowdown;
  private final Duration startupTime;
  private final Duration drainTime;
  private final Map<Role, List<Instant[]>> engines = new EnumMap<>(Role.class);
  private final Map<Role, List<Instant>> draining = new EnumMap<>(Role.class);
  private final Map<Role, Integer> schedulable = new EnumMap<>(Role.class);
  private Function<Instant, Double> rate = t -> 0.0;
  private double isl = 3000;
  private double osl = 300;

  public FakeCluster(
      Deployment deployment,
      double slowdown,
      Duration startupTime,
      Duration drainTime,
      int prefill,
      int decode,
      Instant now) {
    this.deployment = deployment;
    this.slowdown = slowdown;
    this.startupTime = startupTime;
    this.drainTime = drainTime;
    for (Role role : List.of(Role.PREFILL, Role.DECODE)) {
      engines.put(role, new ArrayList<>());
      draining.put(role, new ArrayList<>());
      schedulable.put(role, Integer.MAX_VALUE);
    }
    add(Role.PREFILL, prefill, now.minus(startupTime), now);
    add(Role.DECODE, decode, now.minus(startupTime), now);
  }

  public FakeCluster load(Function<Instant, Double> requestsPerSecond, double isl, double osl) {
    this.rate = requestsPerSecond;
    this.isl = isl;
    this.osl = osl;
    return this;
  }

  /** At most {@code engines} engines of {@code role} can ever be scheduled. */
  public FakeCluster schedulable(Role role, int engines) {
    schedulable.put(role, engines);
    return this;
  }

  /** Applies a plan's changes (the actuator's downstream). */
  public void apply(ScalingPlan plan, Instant now) {
    for (ReplicaChange c : plan.changes()) {
      List<Instant[]> list = engines.get(c.role());
      if (c.to() > list.size()) {
        add(c.role(), c.to() - list.size(), now, now);
      } else {
        while (list.size() > c.to()) {
          list.remove(list.size() - 1);
          draining.get(c.role()).add(now.plus(drainTime));
        }
      }
    }
  }

  @Override
  public ReplicaStates read(SlaPolicy policy, Instant now) {
    return new ReplicaStates(
        state(Role.PREFILL, now), state(Role.DECODE, now), java.util.Optional.empty());
  }

  public ReplicaState state(Role role, Instant now) {
    draining.get(role).removeIf(until -> !until.isAfter(now));
    int ready = 0;
    int pendingPast = 0;
    for (Instant[] e : engines.get(role)) {
      if (!e[1].isAfter(now)) {
        ready++;
      } else if (e[1].equals(Instant.MAX) && !e[0].plus(PENDING_TIMEOUT).isAfter(now)) {
        pendingPast++;
      }
    }
    int desired = engines.get(role).size();
    return new ReplicaState(
        desired, ready, desired - ready, draining.get(role).size(), pendingPast);
  }

  /** What the metrics source would report now. */
  public MetricsSnapshot snapshot(DeploymentKey key, Instant now) {
    double r = rate.apply(now);
    MetricsSnapshot.Builder b =
        MetricsSnapshot.builder(key, now)
            .arrivalRate(r)
            .inputTokens(isl, isl * isl)
            .outputTokens(osl, osl * osl)
            .arrivalCv2(1.0)
            .prefixCacheHitRate(0);
    if (r > 0) {
      b.ttftPercentileMillis(Math.min(60_000, observedTtftMillis(now, r)));
      b.itlPercentileMillis(Math.min(60_000, observedItlMillis(now, r)));
    }
    return b.build();
  }

  /** The TTFT percentile the ready prefill engines show at rate r (profile × slowdown). */
  public double observedTtftMillis(Instant now, double r) {
    int ready = state(Role.PREFILL, now).ready();
    ServiceTimes s =
        ServiceTimes.of(
            deployment.prefill(), LognormalStrata.points(isl, isl * isl), 0, slowdown, 0);
    double q = deployment.policy().sla().ttft().quantile();
    return ready == 0 ? 60_000 : PrefillQueue.of(ready, r, s, 1.0).percentileSeconds(q) * 1000;
  }

  /** The ITL percentile the ready decode engines show at rate r (profile × slowdown). */
  public double observedItlMillis(Instant now, double r) {
    int ready = state(Role.DECODE, now).ready();
    double context = isl + osl / 2;
    var engine = deployment.decode().capacity().profile().engine();
    DecodeModel m =
        new DecodeModel(
            deployment.decode().at(context),
            osl,
            slowdown,
            1.0,
            deployment.policy().sla().itl().quantile(),
            Math.floor(engine.kvCapacityTokens() / context),
            Double.MAX_VALUE);
    return ready == 0 ? 60_000 : m.itlPercentileMillis(r / ready);
  }

  private void add(Role role, int count, Instant requested, Instant now) {
    List<Instant[]> list = engines.get(role);
    for (int i = 0; i < count; i++) {
      boolean fits = list.size() < schedulable.get(role);
      list.add(new Instant[] {requested, fits ? requested.plus(startupTime) : Instant.MAX});
    }
  }
}
