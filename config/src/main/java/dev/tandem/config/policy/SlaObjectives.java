package dev.tandem.config.policy;

/**
 * The service-level objectives of a deployment. Prefill is sized for {@code ttft}, decode for
 * {@code itl}.
 *
 * @param ttft time to first token, measured from a request's arrival
 * @param itl inter-token latency: a request's mean gap between output tokens (TPOT)
 */
public record SlaObjectives(LatencyObjective ttft, LatencyObjective itl) {

  public SlaObjectives {
    Check.present("ttft", ttft);
    Check.present("itl", itl);
  }
}
