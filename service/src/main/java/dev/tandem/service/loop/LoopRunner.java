package dev.tandem.service.loop;

import dev.tandem.config.policy.Mode;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.ControlLoop;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.Planner;
import dev.tandem.planner.RoleDecision;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.TickReport;
import dev.tandem.planner.history.ScalingHistory;
import dev.tandem.planner.ports.MetricsSource;
import dev.tandem.planner.ports.ReplicaStateReader;
import dev.tandem.planner.state.ReplicaStates;
import dev.tandem.service.ServiceSettings;
import dev.tandem.service.cluster.ClusterPorts;
import dev.tandem.service.cluster.LeaderElection;
import dev.tandem.service.metrics.ServiceMetrics;
import dev.tandem.service.policy.PolicyCatalog;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the planner's {@link ControlLoop} on one thread: every {@code tandem.policy-poll} it
 * refreshes the {@link PolicyCatalog}, every {@code tandem.tick-period} it ticks (each role still
 * decides only when its own interval is due). Policy changes, pauses and resumes rebuild the loop
 * between ticks from the histories it holds, so nothing is forgotten; the histories are
 * checkpointed to a file and restored at start.
 *
 * <p>Stopping (SIGTERM, context close) lets the tick in flight finish, then writes the checkpoint:
 * a write is never cut in half by shutdown.
 */
public final class LoopRunner implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LoopRunner.class);

  private final ServiceSettings settings;
  private final PolicyCatalog catalog;
  private final ClusterPorts ports;
  private final LeaderElection leader;
  private final Clock clock;
  private final DeploymentStatuses statuses;
  private final PauseSwitch pauses;
  private final ServiceMetrics metrics;
  private final Optional<CheckpointFile> checkpoint;
  private final Map<DeploymentKey, ScalingHistory> memory = new HashMap<>();
  private final Planner planner = new Planner();
  private final BudgetedHistory history;
  private volatile List<String> checkpointProblems = List.of();
  private ScheduledExecutorService executor;
  private ControlLoop loop;
  private long builtGeneration = -1;
  private Set<DeploymentKey> builtPaused = Set.of();
  private Instant lastCheckpoint = Instant.MIN;
  private volatile boolean running;

  public LoopRunner(
      ServiceSettings settings,
      PolicyCatalog catalog,
      ClusterPorts ports,
      LeaderElection leader,
      Clock clock,
      DeploymentStatuses statuses,
      PauseSwitch pauses,
      ServiceMetrics metrics) {
    this.settings = settings;
    this.catalog = catalog;
    this.ports = ports;
    this.leader = leader;
    this.clock = clock;
    this.statuses = statuses;
    this.pauses = pauses;
    this.metrics = metrics;
    this.checkpoint = settings.checkpoint().path().map(CheckpointFile::new);
    this.history = new BudgetedHistory(ports.metrics());
  }

  @Override
  public synchronized void start() {
    checkpoint.ifPresent(this::restore);
    leader.start();
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tandem-loop");
              t.setDaemon(false);
              return t;
            });
    refreshPolicies();
    long poll = Math.max(1, settings.policyPoll().toMillis());
    long tick = Math.max(1, settings.tickPeriod().toMillis());
    executor.scheduleWithFixedDelay(this::refreshPolicies, poll, poll, TimeUnit.MILLISECONDS);
    executor.scheduleWithFixedDelay(this::safeTick, 0, tick, TimeUnit.MILLISECONDS);
    running = true;
    log.info(
        "tandem loop started: policies {}, cluster {}, tick every {}, checkpoint {}",
        settings.policies(),
        ports.description(),
        settings.tickPeriod(),
        checkpoint.map(c -> c.path().toString()).orElse("off"));
  }

  @Override
  public void stop() {
    ScheduledExecutorService e;
    synchronized (this) {
      e = executor;
      running = false;
    }
    if (e != null) {
      e.shutdown();
      try {
        if (!e.awaitTermination(60, TimeUnit.SECONDS)) {
          log.warn("the tick in flight did not finish within 60 s; stopping anyway");
          e.shutdownNow();
        }
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      writeCheckpoint(true);
    }
    leader.stop();
    log.info("tandem loop stopped");
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** After the web server's graceful stop phase has begun, before beans are destroyed. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1024;
  }

  /** Problems found in the checkpoint read at start (for the API). */
  public List<String> checkpointProblems() {
    return checkpointProblems;
  }

  /** Every history the loop holds (restored or learned), by deployment. */
  public synchronized Map<DeploymentKey, ScalingHistory> histories() {
    if (loop != null) {
      memory.putAll(loop.histories());
    }
    return Map.copyOf(memory);
  }

  /** Runs one refresh and one tick now, on the caller's thread (tests, the simulator). */
  public synchronized TickReport tickNow() {
    refreshPolicies();
    return tick();
  }

  private synchronized void refreshPolicies() {
    try {
      if (catalog.refresh(clock.instant())) {
        PolicyCatalog.Catalog c = catalog.current();
        log.info(
            "policies: {} running {}",
            c.deployments().size(),
            c.deployments().stream().map(d -> d.key().toString()).toList());
        c.rejected()
            .forEach(
                (file, problems) ->
                    problems.forEach(
                        p ->
                            log.error(
                                "policy rejected (the last good version of {} keeps running): {}",
                                file,
                                p)));
        metrics.catalogChanged(c);
      }
    } catch (RuntimeException e) {
      log.error("policy refresh failed; the running policies are kept", e);
    }
  }

  private synchronized void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      // ControlLoop turns port failures into data; this is a bug, and the loop must go on
      log.error("tick failed", e);
    }
  }

  private TickReport tick() {
    PolicyCatalog.Catalog c = catalog.current();
    Set<DeploymentKey> paused = pauses.snapshot();
    if (loop == null || c.generation() != builtGeneration || !paused.equals(builtPaused)) {
      rebuild(c, paused);
    }
    Instant now = clock.instant();
    boolean leading = leader.isLeader();
    statuses.leading(leading);
    if (!leading) {
      return new TickReport(now, List.of(), List.of(), List.of());
    }
    long t0 = System.nanoTime();
    history.newTick();
    TickReport report = loop.tick(now);
    double seconds = (System.nanoTime() - t0) / 1e9;
    memory.putAll(loop.histories());
    statuses.record(report);
    metrics.tick(report, seconds);
    logReport(report);
    writeCheckpoint(false);
    return report;
  }

  private void rebuild(PolicyCatalog.Catalog c, Set<DeploymentKey> paused) {
    if (loop != null) {
      memory.putAll(loop.histories());
    }
    List<Deployment> deployments =
        c.deployments().stream()
            .map(
                d ->
                    settings.forceAdvisory() || paused.contains(d.key())
                        ? new Deployment(advisory(d.policy()), d.prefill(), d.decode())
                        : d)
            .toList();
    Map<DeploymentKey, ScalingHistory> histories = new HashMap<>();
    for (Deployment d : deployments) {
      ScalingHistory h = memory.get(d.key());
      if (h != null) {
        histories.put(d.key(), h);
      }
    }
    loop =
        new ControlLoop(
                planner,
                recording(ports.metrics()),
                recording(ports.replicas()),
                ports.actuator(),
                deployments,
                c.pools(),
                histories)
            // the raw source (the past readings are not the deployments' current status), within
            // a wall-time budget per tick
            .backfill(history, settings.forecastBackfill());
    builtGeneration = c.generation();
    builtPaused = paused;
  }

  private MetricsSource recording(MetricsSource source) {
    return (keys, now) -> {
      var snapshots = source.snapshot(keys, now);
      snapshots.forEach(statuses::metricsRead);
      return snapshots;
    };
  }

  private ReplicaStateReader recording(ReplicaStateReader reader) {
    return (policy, now) -> {
      ReplicaStates states = reader.read(policy, now);
      statuses.replicasRead(new DeploymentKey(policy.namespace(), policy.name()), states);
      return states;
    };
  }

  private void logReport(TickReport report) {
    for (ScalingPlan plan : report.plans()) {
      for (RoleDecision r : plan.decisions()) {
        if (r.changes()) {
          log.info(
              "{} at {}: {} {} {} → {} ({}: {})",
              plan.deployment(),
              plan.at(),
              plan.mode() == Mode.ACTIVE ? "scale" : "advise",
              r.role().yamlName(),
              r.current(),
              r.desired(),
              r.desiredWhy().reason(),
              r.desiredWhy().message());
        }
      }
    }
    report.backfills().forEach(b -> log.info("{}", b.describe()));
    for (TickReport.Failure f : report.failures()) {
      log.warn(
          "{} {} failed: {}",
          f.deployment().map(DeploymentKey::toString).orElse("all deployments"),
          f.stage(),
          f.message());
    }
  }

  private void restore(CheckpointFile file) {
    CheckpointFile.Restored restored = file.read();
    memory.putAll(restored.histories());
    checkpointProblems = restored.problems();
    restored.problems().forEach(p -> log.warn("checkpoint: {}", p));
    if (!restored.histories().isEmpty()) {
      log.info(
          "checkpoint {}: restored the history of {} deployments",
          file.path(),
          restored.histories().size());
    }
  }

  private void writeCheckpoint(boolean force) {
    if (checkpoint.isEmpty() || memory.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Duration every = settings.checkpoint().interval();
    if (!force && lastCheckpoint.plus(every).isAfter(now) && !lastCheckpoint.equals(Instant.MIN)) {
      return;
    }
    try {
      checkpoint.get().write(memory);
      lastCheckpoint = now;
    } catch (IOException | RuntimeException e) {
      log.error("checkpoint {} could not be written: {}", checkpoint.get().path(), e.toString());
    }
  }

  static SlaPolicy advisory(SlaPolicy p) {
    if (p.mode() == Mode.ADVISORY) {
      return p;
    }
    return new SlaPolicy(
        p.name(),
        p.namespace(),
        Mode.ADVISORY,
        p.sla(),
        p.roles(),
        p.budget(),
        p.behavior(),
        p.forecast(),
        p.metrics(),
        p.origin(),
        p.nameLocation());
  }
}
