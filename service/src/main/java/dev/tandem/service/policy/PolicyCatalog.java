package dev.tandem.service.policy;

import dev.tandem.config.policy.GpuPoolDefinition;
import dev.tandem.config.yaml.Problem;
import dev.tandem.config.yaml.SourceLocation;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.DeploymentKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The policies of a directory, with a last-good version per file. Every {@code *.yaml}/{@code
 * *.yml} below the directory is one unit: when any content changed every file is re-read; a valid
 * file's policies replace its old ones; an invalid file's problems are kept (for the log and the
 * API) and its last good policies keep running. One bad file never stops another's policies.
 *
 * <p>Names starting with {@code .} are skipped at every level: a mounted ConfigMap keeps its
 * versions in {@code ..2026_12_04_…} directories behind a {@code ..data} symlink and exposes each
 * key as a symlink through {@code ..data}; an update swaps {@code ..data} atomically, which changes
 * the content read through the key links, so a content hash (not a modification time, not a watch
 * event on the link) is what detects it.
 *
 * <p>Thread-safe: {@link #refresh} is called by one poller, {@link #current} by anyone.
 */
public final class PolicyCatalog {

  private final Path root;
  private final Map<Path, String> hashes = new HashMap<>();
  private Map<Path, List<Problem>> listingProblems = Map.of();
  private final Map<Path, PolicyFiles.FileLoad> lastGood = new HashMap<>();
  private final Map<Path, List<Problem>> rejected = new HashMap<>();
  private volatile Catalog current = Catalog.EMPTY;

  public PolicyCatalog(Path root) {
    this.root = root;
  }

  /**
   * One consistent view of the directory.
   *
   * @param generation increases with every change
   * @param deployments the running policies, sorted by key
   * @param pools GPUs per GpuPool name
   * @param rejected per file, the problems of its current content (its last good version, if any,
   *     is still in {@code deployments})
   * @param loadedAt when this view was made
   * @param loaded whether the directory has been read at least once
   */
  public record Catalog(
      long generation,
      List<Deployment> deployments,
      Map<String, Integer> pools,
      Map<String, List<Problem>> rejected,
      Instant loadedAt,
      boolean loaded) {

    static final Catalog EMPTY =
        new Catalog(0, List.of(), Map.of(), Map.of(), Instant.EPOCH, false);

    public Optional<Deployment> find(DeploymentKey key) {
      return deployments.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    public Optional<Deployment> findByName(String name) {
      return deployments.stream().filter(d -> d.policy().name().equals(name)).findFirst();
    }
  }

  public Catalog current() {
    return current;
  }

  /**
   * Re-reads every file whose content changed since the last call.
   *
   * @return true when the catalog changed
   */
  public synchronized boolean refresh(Instant now) {
    Map<Path, String> seen = new LinkedHashMap<>();
    Map<Path, List<Problem>> listing = new LinkedHashMap<>();
    for (Path file : files(listing)) {
      try {
        seen.put(file, sha256(Files.readAllBytes(file)));
      } catch (IOException e) {
        listing.put(
            file,
            List.of(
                new Problem(
                    SourceLocation.ofSource(file.toString()),
                    "",
                    "cannot be read: " + e.getMessage())));
      }
    }
    boolean changed = !seen.equals(hashes) || !listing.equals(listingProblems);
    if (!changed && current.loaded()) {
      return false;
    }
    // Every file is re-read, not only the changed one: a policy file depends on the profile
    // files it names, which may be the file that changed.
    for (Path file : seen.keySet()) {
      PolicyFiles.FileLoad load = readFile(file);
      if (load.valid()) {
        lastGood.put(file, load);
        rejected.remove(file);
      } else {
        rejected.put(file, load.problems());
      }
    }
    lastGood.keySet().retainAll(seen.keySet());
    rejected.keySet().retainAll(seen.keySet());
    hashes.clear();
    hashes.putAll(seen);
    listingProblems = listing;
    current = assemble(now);
    return true;
  }

  private Catalog assemble(Instant now) {
    Map<DeploymentKey, Deployment> byKey = new LinkedHashMap<>();
    Map<String, Integer> pools = new LinkedHashMap<>();
    Map<String, List<Problem>> problems = new LinkedHashMap<>();
    listingProblems.forEach((f, p) -> problems.put(f.toString(), p));
    rejected.forEach((f, p) -> problems.put(f.toString(), p));
    List<Path> files = new ArrayList<>(lastGood.keySet());
    files.sort(Comparator.naturalOrder());
    for (Path file : files) {
      PolicyFiles.FileLoad load = lastGood.get(file);
      for (Deployment d : load.deployments()) {
        Deployment earlier = byKey.putIfAbsent(d.key(), d);
        if (earlier != null) {
          problems
              .computeIfAbsent(file.toString(), f -> new ArrayList<>())
              .add(
                  new Problem(
                      d.policy().nameLocation(),
                      "metadata.name",
                      "policy "
                          + d.key()
                          + " is already defined at "
                          + earlier.policy().nameLocation()
                          + "; this one is ignored"));
        }
      }
      for (GpuPoolDefinition pool : load.pools()) {
        pools.putIfAbsent(pool.name(), pool.maxGpus());
      }
    }
    List<Deployment> deployments = new ArrayList<>(byKey.values());
    deployments.sort(Comparator.comparing(Deployment::key));
    Map<String, List<Problem>> frozen = new LinkedHashMap<>();
    problems.forEach((f, p) -> frozen.put(f, List.copyOf(p)));
    return new Catalog(current.generation() + 1, deployments, pools, Map.copyOf(frozen), now, true);
  }

  private PolicyFiles.FileLoad readFile(Path file) {
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8);
      return PolicyFiles.read(file.toString(), content);
    } catch (IOException e) {
      return new PolicyFiles.FileLoad(
          List.of(),
          List.of(),
          List.of(
              new Problem(
                  SourceLocation.ofSource(file.toString()),
                  "",
                  "cannot be read: " + e.getMessage())));
    }
  }

  /** Every YAML file below the root, skipping dot-named entries (ConfigMap internals). */
  private List<Path> files(Map<Path, List<Problem>> listing) {
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    if (!Files.isDirectory(root)) {
      listing.put(
          root,
          List.of(
              new Problem(
                  SourceLocation.ofSource(root.toString()),
                  "",
                  "the policy directory does not exist")));
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> !hidden(root.relativize(p)))
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException | RuntimeException e) {
      listing.put(
          root,
          List.of(
              new Problem(
                  SourceLocation.ofSource(root.toString()),
                  "",
                  "cannot be listed: " + e.getMessage())));
      return List.of();
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
