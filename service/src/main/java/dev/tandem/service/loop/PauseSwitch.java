package dev.tandem.service.loop;

import dev.tandem.planner.DeploymentKey;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deployments paused through the API. A paused deployment keeps being planned and reported (its
 * plans show what Tandem would do) but runs advisory: nothing is written until it is resumed. Held
 * in memory: a restart resumes every deployment (the policy's {@code mode} is the durable switch).
 */
public final class PauseSwitch {

  private final Set<DeploymentKey> paused = ConcurrentHashMap.newKeySet();

  /**
   * @return true when it was not paused before
   */
  public boolean pause(DeploymentKey key) {
    return paused.add(key);
  }

  /**
   * @return true when it was paused before
   */
  public boolean resume(DeploymentKey key) {
    return paused.remove(key);
  }

  public boolean isPaused(DeploymentKey key) {
    return paused.contains(key);
  }

  public Set<DeploymentKey> snapshot() {
    return Set.copyOf(paused);
  }
}
