package dev.tandem.planner.budget;

import dev.tandem.planner.DeploymentKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shares a named GPU pool between the deployments that draw from it. Grants, in this order:
 *
 * <ol>
 *   <li>every member's minimum GPUs, higher priority first, whole or not at all (a part of a
 *       minimum runs nothing; that member keeps its current replicas and says why);
 *   <li>then the rest of each member's demand, priority by priority from the highest; members of
 *       equal priority share what is left one GPU at a time in key order (max-min fair).
 * </ol>
 *
 * The sum of grants never exceeds the pool. A grant says what a member may hold once everyone has
 * moved; the control loop additionally never lets a member grow into GPUs that others still hold.
 */
public final class PoolAllocator {

  private PoolAllocator() {}

  /**
   * One deployment of a pool.
   *
   * @param key the deployment
   * @param priority higher is served first
   * @param minimumGpus GPUs of its roles at their minimums
   * @param demandGpus GPUs its SLA asks for (its own budget already applied)
   */
  public record Member(DeploymentKey key, int priority, int minimumGpus, int demandGpus) {}

  public static Map<DeploymentKey, Integer> grant(List<Member> members, int poolGpus) {
    List<Member> ordered = new ArrayList<>(members);
    ordered.sort(Comparator.comparingInt(Member::priority).reversed().thenComparing(Member::key));
    Map<DeploymentKey, Integer> grants = new LinkedHashMap<>();
    int left = poolGpus;
    for (Member m : ordered) {
      int g = m.minimumGpus() <= left ? m.minimumGpus() : 0;
      grants.put(m.key(), g);
      left -= g;
    }
    TreeMap<Integer, List<Member>> byPriority = new TreeMap<>(Comparator.reverseOrder());
    for (Member m : ordered) {
      byPriority.computeIfAbsent(m.priority(), p -> new ArrayList<>()).add(m);
    }
    for (List<Member> group : byPriority.values()) {
      boolean granted = true;
      while (left > 0 && granted) {
        granted = false;
        for (Member m : group) {
          if (left > 0 && grants.get(m.key()) < Math.max(m.demandGpus(), m.minimumGpus())) {
            grants.merge(m.key(), 1, Integer::sum);
            left--;
            granted = true;
          }
        }
      }
    }
    return grants;
  }
}
