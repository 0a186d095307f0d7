package dev.tandem.service.api;

import dev.tandem.planner.Deployment;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.service.console.ConsoleViews;
import dev.tandem.service.console.SimulationClock;
import dev.tandem.service.policy.PolicyCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read models behind the console pages (served from {@code /}): the overview rows, a
 * deployment's chart history since a sequence number (polled), and the simulated clock. Pause,
 * resume and the what-if panel use the ordinary {@code /v1} endpoints, so the console has no powers
 * of its own. Everything here sits under {@code /v1}, behind the same auth interceptor.
 */
@RestController
@RequestMapping(path = "/v1/console", produces = "application/json")
public class ConsoleController {

  private static final Logger log = LoggerFactory.getLogger(ConsoleController.class);

  /** The clock as the console shows it. */
  public record ClockView(
      boolean simulated,
      String scenario,
      Instant now,
      double speed,
      Double minSpeed,
      Double maxSpeed,
      String finished) {}

  /** The body of {@code PUT /v1/console/clock}. */
  public record SpeedRequest(Double speed) {}

  private final PolicyCatalog catalog;
  private final ConsoleViews views;
  private final Clock clock;
  private final ObjectProvider<SimulationClock> simulation;

  public ConsoleController(
      PolicyCatalog catalog,
      ConsoleViews views,
      Clock clock,
      ObjectProvider<SimulationClock> simulation) {
    this.catalog = catalog;
    this.views = views;
    this.clock = clock;
    this.simulation = simulation;
  }

  @GetMapping("/deployments")
  public List<ConsoleViews.OverviewRow> overview() {
    return catalog.current().deployments().stream().map(views::row).toList();
  }

  @GetMapping("/deployments/{namespace}/{name}/history")
  public ConsoleViews.HistoryView history(
      @PathVariable String namespace,
      @PathVariable String name,
      @RequestParam(name = "after", defaultValue = "0") long after) {
    return views.history(find(namespace, name), after);
  }

  @GetMapping("/clock")
  public ClockView clock() {
    return Optional.ofNullable(simulation.getIfAvailable())
        .map(ConsoleController::view)
        .orElseGet(() -> new ClockView(false, null, clock.instant(), 1, null, null, null));
  }

  /** Sets the speed of the simulated clock; 409 when the service runs against a real cluster. */
  @PutMapping(path = "/clock", consumes = "application/json")
  public ClockView speed(@RequestBody SpeedRequest request) {
    SimulationClock sim = simulation.getIfAvailable();
    if (sim == null) {
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "No simulated clock",
          List.of(
              new ApiProblem.FieldError(
                  "speed",
                  "",
                  "the service runs in wall time against a cluster; only `tandem serve"
                      + " --simulate` has a speed")));
    }
    Double speed = request == null ? null : request.speed();
    if (speed == null
        || !(speed >= SimulationClock.MIN_SPEED && speed <= SimulationClock.MAX_SPEED)) {
      throw ApiProblem.badField(
          "speed",
          "must be a number of simulated seconds per wall second in ["
              + SimulationClock.MIN_SPEED
              + ", "
              + SimulationClock.MAX_SPEED
              + "], got "
              + speed);
    }
    sim.speed(speed);
    log.info("simulation speed set to {}× through the console API", speed);
    return view(sim);
  }

  private static ClockView view(SimulationClock s) {
    return new ClockView(
        true,
        s.scenario(),
        s.now(),
        s.speed(),
        SimulationClock.MIN_SPEED,
        SimulationClock.MAX_SPEED,
        s.finished().orElse(null));
  }

  private Deployment find(String namespace, String name) {
    return catalog
        .current()
        .find(new DeploymentKey(namespace, name))
        .orElseThrow(() -> ApiProblem.unknownDeployment(namespace, name));
  }
}
