package dev.tandem.service.api;

import dev.tandem.config.yaml.Problem;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.service.loop.LoopRunner;
import dev.tandem.service.loop.PauseSwitch;
import dev.tandem.service.policy.PolicyCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Running deployments, their state and decisions; pause and resume. */
@RestController
@RequestMapping(path = "/v1", produces = "application/json")
public class DeploymentController {

  private static final Logger log = LoggerFactory.getLogger(DeploymentController.class);

  private final PolicyCatalog catalog;
  private final DeploymentViews views;
  private final PauseSwitch pauses;
  private final LoopRunner loop;

  public DeploymentController(
      PolicyCatalog catalog, DeploymentViews views, PauseSwitch pauses, LoopRunner loop) {
    this.catalog = catalog;
    this.views = views;
    this.pauses = pauses;
    this.loop = loop;
  }

  @GetMapping("/deployments")
  public List<DeploymentView.Summary> list() {
    return catalog.current().deployments().stream().map(views::summary).toList();
  }

  @GetMapping("/deployments/{namespace}/{name}")
  public DeploymentView get(@PathVariable String namespace, @PathVariable String name) {
    Deployment d = find(namespace, name);
    PolicyCatalog.Catalog c = catalog.current();
    String file = d.policy().origin().source();
    List<String> problems =
        c.rejected().getOrDefault(file, List.of()).stream().map(Problem::toString).toList();
    return views.view(d, problems);
  }

  /** Result of pause/resume. */
  public record PauseState(String namespace, String name, boolean paused, boolean changed) {}

  @PostMapping("/deployments/{namespace}/{name}/pause")
  public PauseState pause(@PathVariable String namespace, @PathVariable String name) {
    Deployment d = find(namespace, name);
    boolean changed = pauses.pause(d.key());
    log.info("{} paused through the API (changed: {})", d.key(), changed);
    return new PauseState(namespace, name, true, changed);
  }

  @PostMapping("/deployments/{namespace}/{name}/resume")
  public PauseState resume(@PathVariable String namespace, @PathVariable String name) {
    Deployment d = find(namespace, name);
    boolean changed = pauses.resume(d.key());
    log.info("{} resumed through the API (changed: {})", d.key(), changed);
    return new PauseState(namespace, name, false, changed);
  }

  /** The policy directory as loaded: running policies, rejected files with every problem. */
  public record PoliciesView(
      long generation,
      Instant loadedAt,
      List<String> running,
      Map<String, List<String>> rejected,
      List<String> checkpointProblems) {}

  @GetMapping("/policies")
  public PoliciesView policies() {
    PolicyCatalog.Catalog c = catalog.current();
    Map<String, List<String>> rejected = new LinkedHashMap<>();
    c.rejected().forEach((f, p) -> rejected.put(f, p.stream().map(Problem::toString).toList()));
    List<String> running = new ArrayList<>();
    c.deployments().forEach(d -> running.add(d.key() + " (" + d.policy().origin() + ")"));
    return new PoliciesView(
        c.generation(), c.loadedAt(), running, rejected, loop.checkpointProblems());
  }

  private Deployment find(String namespace, String name) {
    return catalog
        .current()
        .find(new DeploymentKey(namespace, name))
        .orElseThrow(() -> ApiProblem.unknownDeployment(namespace, name));
  }
}
