package dev.tandem.cli;

import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.profiles.io.PerformanceProfileLoader;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.service.TandemServiceApplication;
import dev.tandem.service.console.SimulationClock;
import dev.tandem.simulations.catalog.ScenarioCatalog;
import dev.tandem.simulations.engine.ProgressListener;
import dev.tandem.simulations.engine.Simulation;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.report.RunSummary;
import dev.tandem.simulations.scenario.PolicyContext;
import dev.tandem.simulations.scenario.Scenario;
import dev.tandem.simulations.tandem.SimulatedPolicies;
import dev.tandem.simulations.tandem.TandemSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tandem serve}: the Spring Boot service. Against a cluster with {@code --policies DIR}; or,
 * with {@code --simulate [SCENARIO]}, against the simulator in accelerated time on loopback, API
 * auth off — the embedded mode a new user starts with. The wiring of service and simulator lives
 * here so that {@code service/} does not depend on {@code simulations/}.
 */
@Command(
    name = "serve",
    description = {
      "Run the Tandem service: control loops, the REST API under /v1 and its own metrics.",
      "One control loop over every policy; metrics at /actuator/prometheus. --simulate runs it",
      "against the simulator at --speed× on 127.0.0.1 (no cluster needed). Settings:",
      "service/SERVICE.md; --set KEY=VALUE overrides one."
    })
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--policies",
      paramLabel = "DIR",
      description = "Directory of SlaPolicy / PerformanceProfile / GpuPool files (cluster mode).")
  Path policies;

  @Option(
      names = "--simulate",
      arity = "0..1",
      paramLabel = "SCENARIO",
      fallbackValue = ScenarioCatalog.DEFAULT,
      description = "Serve against the simulator (default scenario ${FALLBACK-VALUE}).")
  String simulate;

  @Option(
      names = "--speed",
      paramLabel = "X",
      defaultValue = "60",
      description = "Simulated seconds per wall second with --simulate (default ${DEFAULT-VALUE}).")
  double speed;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "HTTP port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "A Spring/Tandem setting, e.g. --set tandem.tick-period=10s (repeatable).")
  List<String> settings = new ArrayList<>();

  /** The running service once started (tests close it to stop {@code serve}). */
  volatile ConfigurableApplicationContext context;

  @Override
  public Integer call() throws InterruptedException {
    if ((simulate == null) == (policies == null)) {
      throw new ParameterException(
          spec.commandLine(), "give exactly one of --policies DIR and --simulate [SCENARIO]");
    }
    Map<String, String> props = new LinkedHashMap<>();
    props.put("server.port", Integer.toString(port));
    SpringApplication app = new SpringApplication(TandemServiceApplication.class);
    Optional<Runnable> afterStart = Optional.empty();
    if (simulate != null) {
      afterStart = Optional.of(simulated(app, props));
    } else {
      props.put("tandem.policies", policies.toAbsolutePath().toString());
    }
    for (String s : settings) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new ParameterException(spec.commandLine(), "--set needs KEY=VALUE, got " + s);
      }
      props.put(s.substring(0, eq), s.substring(eq + 1));
    }
    // as command-line arguments: they take precedence over application.yaml and the environment
    String[] args =
        props.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    CountDownLatch closed = new CountDownLatch(1);
    app.addListeners(
        event -> {
          if (event instanceof ContextClosedEvent) {
            closed.countDown();
          }
        });
    try {
      context = app.run(args);
    } catch (RuntimeException e) {
      // Spring has logged the failure analysis; the command ends with the reason in one line
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      spec.commandLine()
          .getErr()
          .println("error   the service did not start: " + root.getMessage());
      spec.commandLine().getErr().flush();
      return TandemCli.INVALID_INPUT;
    }
    afterStart.ifPresent(Runnable::run);
    closed.await();
    return 0;
  }

  /** Wires the simulator in; returns what starts the simulation once the service is up. */
  private Runnable simulated(SpringApplication app, Map<String, String> props) {
    Path root = SimulateRoot.locate();
    PerformanceProfile profile =
        PerformanceProfileLoader.load(root.resolve(ScenarioCatalog.DEFAULT_PROFILE));
    Path data = root.resolve("data/traces").normalize(); // shipped with the repository
    Scenario scenario;
    try {
      scenario =
          ScenarioCatalog.build(
              simulate, ScenarioCatalog.Options.of(profile, Optional.of(data), 42));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    SlaPolicy policy =
        SimulatedPolicies.policy(
            scenario.config().sla(),
            scenario.config().profile(),
            Duration.ofNanos(scenario.config().startupMicros() * 1000),
            // the scenario's maxReplicas and GPU budget, as `tandem simulate` gives Tandem
            TandemSettings.defaults()
                .withMaxReplicas(scenario.config().cluster().limits().maxReplicas())
                .withBudget(scenario.config().cluster().limits().budgetGpus()));
    AcceleratedClock clock = new AcceleratedClock(speed);
    // warm-started as `tandem simulate` starts Tandem: sized for the first minutes of the load
    ReplicaTargets initial =
        new PolicyContext(
                scenario.name(),
                scenario.arrivals(),
                scenario.config(),
                scenario.seed(),
                0.9,
                s -> {})
            .initialCounts();
    SimulatedCluster cluster = new SimulatedCluster(policy, clock, initial);
    ConsoleClock console = new ConsoleClock(clock, scenario.name());
    app.addListeners(
        event -> {
          if (event instanceof ContextClosedEvent) {
            cluster.stop(); // ends the simulation thread with the service
          }
        });
    Path policyDir;
    try {
      policyDir = Files.createTempDirectory("tandem-serve-");
      Files.writeString(
          policyDir.resolve("tandem.yaml"),
          SimulatedPolicyFile.render(policy, root.resolve(ScenarioCatalog.DEFAULT_PROFILE)));
      policyDir.toFile().deleteOnExit(); // registered first, deleted last
      policyDir.resolve("tandem.yaml").toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the simulated policy file", e);
    }
    app.addInitializers(
        c -> {
          var beans = c.getBeanFactory();
          beans.registerSingleton("clusterPorts", cluster.ports());
          beans.registerSingleton("clock", clock);
          beans.registerSingleton("simulationClock", console);
        });
    props.put("server.address", "127.0.0.1");
    props.put("tandem.auth.mode", "none");
    props.put("tandem.checkpoint.file", "");
    props.put("tandem.policies", policyDir.toString());
    props.put("tandem.policy-poll", "1s");
    // one tick per 5 simulated seconds at the fastest speed the console may set (it is cheap when
    // no role is due), so a speed change never leaves a role's interval unvisited
    double fastest = Math.max(speed, SimulationClock.MAX_SPEED);
    long tickMillis = Math.max(20, (long) (5000 / fastest));
    props.put("tandem.tick-period", tickMillis + "ms");
    String url = "http://127.0.0.1:" + port;
    Path policyFile = policyDir.resolve("tandem.yaml");
    return () -> {
      clock.start();
      Thread sim =
          new Thread(
              () -> {
                try {
                  RunSummary s =
                      new Simulation(
                              scenario.arrivals().open(scenario.seed()),
                              cluster,
                              scenario.config(),
                              ProgressListener.NONE)
                          .run()
                          .summary();
                  console.finish(
                      String.format(
                          "the replay ended at %s: %d requests, SLA attainment %.1f %%; the loop"
                              + " now sees the last observation again and again",
                          clock.instant(), s.requests(), 100 * s.slaAttainment()));
                  System.err.printf(
                      "tandem: simulation %s finished: %d requests, SLA attainment %.1f %%; the"
                          + " service keeps serving (Ctrl-C stops it)%n",
                      scenario.name(), s.requests(), 100 * s.slaAttainment());
                } catch (SimulatedCluster.SimulationStopped e) {
                  // the service is shutting down
                }
              },
              "tandem-simulator");
      sim.setDaemon(true);
      sim.start();
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop));
      System.err.printf(
          "%ntandem: serving scenario %s at %.0f× (simulated time starts at 1970-01-01T00:00Z)%n"
              + "  %s/                                     the console: watch it scale, ask what if%n"
              + "  policy %s (edit it: changes reload live)%n"
              + "  %s/v1/deployments/%s/%s        state, last plans and decisions%n"
              + "  %s/actuator/prometheus                  metrics (tandem_desired_replicas, ...)%n"
              + "  curl -s -XPOST %s/v1/recommendations -H 'Content-Type: application/json' \\%n"
              + "    -d '{\"policy\":{\"name\":\"%s\"},\"load\":{\"rate\":40,\"isl\":3000,\"osl\":300}}'%n%n",
          scenario.name(),
          speed,
          url,
          policyFile,
          url,
          policy.namespace(),
          policy.name(),
          url,
          url,
          policy.name());
    };
  }
}
