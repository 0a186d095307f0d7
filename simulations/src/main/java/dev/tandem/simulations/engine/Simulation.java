package dev.tandem.simulations.engine;

import dev.tandem.config.policy.Role;
import dev.tandem.simulations.arrivals.ArrivalSource;
import dev.tandem.simulations.cluster.Cluster;
import dev.tandem.simulations.cluster.DecodeEngine;
import dev.tandem.simulations.cluster.Engine;
import dev.tandem.simulations.cluster.EngineState;
import dev.tandem.simulations.cluster.PrefillEngine;
import dev.tandem.simulations.cluster.ProfileTables;
import dev.tandem.simulations.cluster.SimRequest;
import dev.tandem.simulations.kernel.EventQueue;
import dev.tandem.simulations.metrics.PrometheusView;
import dev.tandem.simulations.metrics.RunTotals;
import dev.tandem.simulations.metrics.WindowRecorder;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.ScalingPolicy;
import dev.tandem.simulations.report.SimulationReport;
import java.util.ArrayDeque;

/**
 * One run: arrivals through the router, prefill, KV transfer and decode of a {@link Cluster}, with
 * a {@link ScalingPolicy} deciding every interval. Single-threaded and deterministic: simulated
 * time is an integer count of µs, events fire in (time, scheduling order), nothing reads a clock,
 * and every random number was drawn by the arrival source from its seed.
 *
 * <p>Request path: arrival → least-loaded ready prefill engine (FIFO, batched up to the token
 * budget) → end of its batch → KV transfer latency → first token (TTFT = first token − arrival) →
 * least-loaded ready decode engine (waits for KV space, then generates OSL − 1 tokens on the
 * engine's token clock) → completion. ITL = (completion − first token) / (OSL − 1). A request with
 * OSL ≤ 1 completes at its first token.
 *
 * <p>The run ends when the source is exhausted and every request has completed, or at the horizon
 * if later. Engines are warm at time 0 ({@link ScalingPolicy#initial()}); GPU time counts from 0.
 */
public final class Simulation {

  /** Events between two progress reports. */
  public static final int PROGRESS_EVERY = 1 << 18;

  static final int ARRIVAL = 0;
  static final int PREFILL_DONE = 1;
  static final int FIRST_TOKEN = 2;
  static final int DECODE_FINISH = 3;
  static final int ENGINE_READY = 4;
  static final int POLICY_TICK = 5;

  private final SimulationConfig config;
  private final ScalingPolicy policy;
  private final ArrivalSource source;
  private final ProgressListener progress;
  private final SimulationObserver observer;
  private final EventQueue events = new EventQueue();
  private final Cluster cluster;
  private final ProfileTables tables;
  private final RunTotals totals;
  private final WindowRecorder windows;
  private final PrometheusView prometheus;
  private final ScalingLedger ledger = new ScalingLedger();

  private long now;
  private long nextId;
  private long inFlight;
  private boolean sourceDone;
  private long lastArrival;
  private boolean measuring;
  private ReportBuilder.WarmUp warmUp = ReportBuilder.WarmUp.NONE;

  public Simulation(
      ArrivalSource source,
      ScalingPolicy policy,
      SimulationConfig config,
      ProgressListener progress) {
    this(source, policy, config, progress, RequestObserver.NONE);
  }

  public Simulation(
      ArrivalSource source,
      ScalingPolicy policy,
      SimulationConfig config,
      ProgressListener progress,
      RequestObserver observer) {
    // A SimulationObserver (engine-metric exporters, a RealTimePacer) is also told of arrivals,
    // first tokens and the passing of simulated time.
    this.observer = SimulationObserver.of(observer);
    this.config = config;
    this.policy = policy;
    this.source = source;
    this.progress = progress;
    this.tables = new ProfileTables(config.profile());
    this.cluster = new Cluster(config.profile(), tables, config.cluster());
    this.totals =
        new RunTotals(config.sla())
            .measuredUpTo(
                config.profile().prefill().stream()
                    .mapToDouble(p -> p.inputTokens())
                    .max()
                    .orElse(0),
                config.profile().decode().stream()
                    .mapToDouble(p -> p.contextTokens())
                    .max()
                    .orElse(0));
    this.windows =
        new WindowRecorder(config.seriesWindowMicros(), config.sla(), config.measureFromMicros());
    this.prometheus =
        new PrometheusView(
            config.scrapeMicros(), config.scrapeDelayMicros(), policy.windowMicros());
    if (policy.intervalMicros() <= 0) {
      throw new IllegalArgumentException(
          "policy " + policy.name() + " interval must be > 0 µs, got " + policy.intervalMicros());
    }
  }

  /** Runs to the end and returns the report. */
  public SimulationReport run() {
    ReplicaTargets asked = policy.initial();
    int[] start =
        config
            .cluster()
            .limits()
            .clamp(
                asked.prefill(),
                asked.decode(),
                asked.prefill(),
                asked.decode(),
                0,
                config.profile().engine().gpusPerEngine());
    ReplicaTargets initial = new ReplicaTargets(start[0], start[1]);
    for (int i = 0; i < Math.max(1, initial.prefill()); i++) {
      Engine e = cluster.requestEngine(Role.PREFILL, 0);
      cluster.markReady(e);
      if (cluster.sharedPrefillQueue()) {
        cluster.offerIdlePrefill((PrefillEngine) e);
      }
    }
    for (int i = 0; i < Math.max(1, initial.decode()); i++) {
      cluster.markReady(cluster.requestEngine(Role.DECODE, 0));
    }
    scheduleNextArrival();
    events.schedule(policy.intervalMicros(), POLICY_TICK, 0, null);
    long processed = 0;
    while (!events.isEmpty() && !(sourceDone && inFlight == 0)) {
      events.poll();
      now = events.time();
      if (!measuring && now >= config.measureFromMicros()) {
        startMeasuring();
      }
      windows.closeUpTo(now, cluster);
      prometheus.closeUpTo(now, cluster);
      observer.advancing(now, cluster);
      dispatch(events.kind(), events.arg(), events.ref());
      if ((++processed & (PROGRESS_EVERY - 1)) == 0) {
        progress.progress(now, totals.arrived(), totals.completed());
      }
    }
    long end = Math.max(now, config.horizonMicros());
    if (!measuring) {
      startMeasuring();
    }
    windows.finish(end, cluster);
    return ReportBuilder.build(
        policy.name(), config, end, lastArrival, totals, windows, cluster, ledger, warmUp);
  }

  /**
   * The warm-up ends ({@link SimulationConfig#measureFromMicros}): what the engines held until then
   * is kept aside so the report counts GPU time from here on. Called before the first event at or
   * after that instant changes anything.
   */
  private void startMeasuring() {
    measuring = true;
    long at = Math.min(now, config.measureFromMicros());
    warmUp =
        new ReportBuilder.WarmUp(cluster.perEngineGpuMicros(at), cluster.integralGpuMicros(at));
  }

  /** Whether a request is judged: it arrived after the warm-up. */
  private boolean measured(SimRequest r) {
    return r.arrivalMicros >= config.measureFromMicros();
  }

  private void dispatch(int kind, int arg, Object ref) {
    switch (kind) {
      case ARRIVAL -> onArrival();
      case PREFILL_DONE -> onPrefillDone((PrefillEngine) ref);
      case FIRST_TOKEN -> onFirstToken((SimRequest) ref);
      case DECODE_FINISH -> onDecodeFinish((DecodeEngine) ref, arg);
      case ENGINE_READY -> onEngineReady((Engine) ref);
      case POLICY_TICK -> onTick();
      default -> throw new IllegalStateException("unknown event kind " + kind);
    }
  }

  private void scheduleNextArrival() {
    if (!source.advance()) {
      sourceDone = true;
      return;
    }
    long t = source.arrivalMicros();
    if (t < lastArrival) {
      throw new IllegalArgumentException(
          "arrivals must be in time order: request "
              + nextId
              + " arrives at "
              + t
              + " µs, before the previous one at "
              + lastArrival
              + " µs");
    }
    lastArrival = t;
    SimRequest r =
        new SimRequest(nextId++, t, Math.max(0, source.inputTokens()), source.outputTokens());
    events.schedule(t, ARRIVAL, 0, r);
  }

  private void onArrival() {
    SimRequest r = (SimRequest) events.ref();
    inFlight++;
    if (measured(r)) {
      totals.arrival(r.inputTokens, r.outputTokens);
    }
    windows.arrival(r.inputTokens, r.outputTokens);
    prometheus.arrival(r.inputTokens);
    observer.arrived(r);
    routePrefill(r);
    scheduleNextArrival();
  }

  private void routePrefill(SimRequest r) {
    if (cluster.sharedPrefillQueue()) {
      cluster.holdQueue(Role.PREFILL).addLast(r);
      pullShared();
      return;
    }
    PrefillEngine e = cluster.pickPrefill();
    if (e == null) {
      cluster.holdQueue(Role.PREFILL).addLast(r);
      return;
    }
    e.enqueue(r);
    startPrefill(e);
  }

  /** Shared queue: idle ready engines pull batches while requests wait. */
  private void pullShared() {
    ArrayDeque<SimRequest> shared = cluster.holdQueue(Role.PREFILL);
    while (!shared.isEmpty()) {
      PrefillEngine e = cluster.takeIdlePrefill();
      if (e == null) {
        return;
      }
      startPrefillFrom(e, shared);
    }
  }

  private void startPrefillFrom(PrefillEngine e, ArrayDeque<SimRequest> shared) {
    long service = e.startBatchFrom(shared, tables, cluster.tokenBudget(), cluster.slowdown());
    if (service >= 0) {
      events.schedule(now + service, PREFILL_DONE, 0, e);
    }
  }

  private void startPrefill(PrefillEngine e) {
    long service = e.startBatch(tables, cluster.tokenBudget(), cluster.slowdown());
    if (service >= 0) {
      events.schedule(now + service, PREFILL_DONE, 0, e);
    }
  }

  private void onPrefillDone(PrefillEngine e) {
    for (int i = 0; i < e.inService(); i++) {
      SimRequest r = e.batchAt(i);
      long transfer = config.cluster().kvTransfer().latencyMicros(r.inputTokens);
      if (transfer == 0) {
        onFirstToken(r);
      } else {
        events.schedule(now + transfer, FIRST_TOKEN, 0, r);
      }
    }
    e.finishBatch();
    if (cluster.sharedPrefillQueue()) {
      if (e.state() == EngineState.READY) {
        startPrefillFrom(e, cluster.holdQueue(Role.PREFILL));
        if (!e.busy()) {
          cluster.offerIdlePrefill(e);
        }
      }
    } else {
      startPrefill(e);
    }
    cluster.releaseIfDrained(e, now);
  }

  private void onFirstToken(SimRequest r) {
    r.firstTokenMicros = now;
    long ttft = now - r.arrivalMicros;
    if (measured(r)) {
      totals.firstToken(ttft);
    }
    windows.firstToken(ttft);
    prometheus.firstToken(ttft);
    observer.firstToken(r);
    if (r.decodeTokens() == 0) {
      r.completionMicros = now;
      complete(r);
      return;
    }
    DecodeEngine e = cluster.pickDecode();
    if (e == null) {
      cluster.holdQueue(Role.DECODE).addLast(r);
      return;
    }
    e.enqueue(r);
    pokeDecode(e);
  }

  private void pokeDecode(DecodeEngine e) {
    e.advanceTo(now);
    if (e.admit()) {
      scheduleDecode(e);
    }
  }

  private void scheduleDecode(DecodeEngine e) {
    long next = e.reschedule(tables, cluster.slowdown());
    if (next >= 0) {
      events.schedule(next, DECODE_FINISH, e.version(), e);
    }
  }

  private void onDecodeFinish(DecodeEngine e, int version) {
    if (version != e.version()) {
      return;
    }
    e.eventFired();
    e.advanceTo(now);
    e.completeFinished(now, this::complete);
    e.admit();
    scheduleDecode(e);
    cluster.releaseIfDrained(e, now);
  }

  private void complete(SimRequest r) {
    inFlight--;
    int gaps = r.decodeTokens();
    double itl = gaps > 0 ? (r.completionMicros - r.firstTokenMicros) / (double) gaps : -1;
    long ttft = r.firstTokenMicros - r.arrivalMicros;
    if (measured(r)) {
      totals.completion(ttft, itl);
    }
    windows.completion(itl < 0 ? -1 : Math.round(itl));
    prometheus.completion(r.outputTokens, r.completionMicros - r.arrivalMicros, itl);
    observer.completed(r);
  }

  private void onEngineReady(Engine e) {
    if (!cluster.markReady(e)) {
      return;
    }
    Role role = e instanceof PrefillEngine ? Role.PREFILL : Role.DECODE;
    if (role == Role.PREFILL && cluster.sharedPrefillQueue()) {
      cluster.offerIdlePrefill((PrefillEngine) e);
      pullShared();
      return;
    }
    ArrayDeque<SimRequest> held = cluster.holdQueue(role);
    int n = held.size();
    for (int i = 0; i < n; i++) {
      SimRequest r = held.pollFirst();
      if (role == Role.PREFILL) {
        routePrefill(r);
      } else {
        DecodeEngine d = cluster.pickDecode();
        d.enqueue(r);
        pokeDecode(d);
      }
    }
  }

  private void onTick() {
    ReplicaTargets wanted = policy.decide(prometheus.observe(now, policy.windowMicros(), cluster));
    int[] granted =
        config
            .cluster()
            .limits()
            .clamp(
                wanted.prefill(),
                wanted.decode(),
                cluster.replicas(Role.PREFILL),
                cluster.replicas(Role.DECODE),
                cluster.count(Role.PREFILL, EngineState.DRAINING)
                    + cluster.count(Role.DECODE, EngineState.DRAINING),
                config.profile().engine().gpusPerEngine());
    apply(Role.PREFILL, granted[0]);
    apply(Role.DECODE, granted[1]);
    if (!sourceDone || inFlight > 0) {
      events.schedule(now + policy.intervalMicros(), POLICY_TICK, 0, null);
    }
  }

  private void apply(Role role, int desired) {
    int current = cluster.replicas(role);
    if (desired == current) {
      return;
    }
    boolean counted = now >= config.measureFromMicros();
    if (counted) {
      ledger.action();
    }
    if (desired > current) {
      for (int i = current; i < desired; i++) {
        Engine e = cluster.requestEngine(role, now);
        if (counted) {
          ledger.requested();
        }
        events.schedule(now + config.startupMicros(), ENGINE_READY, 0, e);
      }
    } else {
      int removed = cluster.shrink(role, current - desired, now);
      if (counted) {
        ledger.removed(removed);
      }
    }
  }
}
