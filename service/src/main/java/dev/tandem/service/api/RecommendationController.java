package dev.tandem.service.api;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/recommendations}: the dry-run. It never writes. */
@RestController
@RequestMapping(path = "/v1", produces = "application/json")
public class RecommendationController {

  private final RecommendationService service;

  public RecommendationController(RecommendationService service) {
    this.service = service;
  }

  @PostMapping(path = "/recommendations", consumes = "application/json")
  public RecommendationView recommend(@RequestBody RecommendationRequest request) {
    return service.recommend(request);
  }
}
