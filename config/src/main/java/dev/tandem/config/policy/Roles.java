package dev.tandem.config.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The roles of one disaggregated deployment: prefill and decode engines, and optionally routers.
 */
public record Roles(EngineRole prefill, EngineRole decode, Optional<RouterRole> router) {

  public Roles {
    Check.present("prefill", prefill);
    Check.present("decode", decode);
    Check.present("router", router);
    if (prefill.role() != Role.PREFILL || decode.role() != Role.DECODE) {
      throw new IllegalArgumentException("roles: prefill and decode must have those roles");
    }
  }

  /** Every role, prefill first, then decode, then the router if any. */
  public List<ScaledRole> all() {
    List<ScaledRole> all = new ArrayList<>(List.of(prefill, decode));
    router.ifPresent(all::add);
    return List.copyOf(all);
  }

  /** GPUs the roles hold at their minimums: the sum of minReplicas × gpusPerReplica. */
  public int minimumGpus() {
    return all().stream().mapToInt(ScaledRole::minimumGpus).sum();
  }
}
