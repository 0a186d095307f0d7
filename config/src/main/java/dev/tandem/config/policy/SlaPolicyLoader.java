package dev.tandem.config.policy;

import dev.tandem.config.yaml.DidYouMean;
import dev.tandem.config.yaml.InvalidInputException;
import dev.tandem.config.yaml.Problems;
import dev.tandem.config.yaml.YamlDocument;
import dev.tandem.config.yaml.YamlFiles;
import dev.tandem.config.yaml.YamlMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads SLA policies from a file or a directory (every {@code *.yaml} / {@code *.yml} below it,
 * sorted, recursively), several documents per file. Documents of other kinds are passed through in
 * {@link PolicySet#otherDocuments()} for their own loaders; a document without {@code kind}, or a
 * policy with an unknown apiVersion, is a problem.
 *
 * <p>Every problem of every file is reported together: {@link #load} throws one {@link
 * InvalidInputException} with all of them; {@link #read(Path, Problems)} adds them to the caller's
 * {@link Problems}, so a caller can gather the problems of other loaders into the same report.
 */
public final class SlaPolicyLoader {

  private final Optional<Set<String>> otherKinds;

  /**
   * A loader that passes documents of any other kind through. A kind that is a near miss of {@code
   * SlaPolicy} (e.g. {@code SlaPolcy}) is still a problem.
   */
  public SlaPolicyLoader() {
    this.otherKinds = Optional.empty();
  }

  /**
   * A loader that passes through only documents of the given kinds (e.g. {@code
   * PerformanceProfile}); any other kind is a problem with a suggestion.
   */
  public SlaPolicyLoader(Collection<String> otherKinds) {
    this.otherKinds = Optional.of(Set.copyOf(otherKinds));
  }

  /**
   * The policies of a file or directory.
   *
   * @throws InvalidInputException with every problem, when there is any
   */
  public PolicySet load(Path fileOrDirectory) {
    Problems problems = new Problems();
    PolicySet set = read(fileOrDirectory, problems);
    problems.throwIfAny();
    return set;
  }

  /** The valid policies of a file or directory; every problem goes to {@code problems}. */
  public PolicySet read(Path fileOrDirectory, Problems problems) {
    return read(YamlFiles.readAll(fileOrDirectory, problems), problems);
  }

  /**
   * The valid policies among already-read documents, checked as one set (unique names, no shared
   * targets); other kinds pass through; every problem goes to {@code problems}.
   */
  public PolicySet read(List<YamlDocument> documents, Problems problems) {
    List<SlaPolicy> policies = new ArrayList<>();
    List<YamlDocument> others = new ArrayList<>();
    for (YamlDocument document : documents) {
      if (isPolicy(document)) {
        loadDocument(document, problems).ifPresent(policies::add);
      } else if (checkOther(document, problems)) {
        others.add(document);
      }
    }
    PolicySetChecks.check(policies, problems);
    return new PolicySet(policies, others);
  }

  /**
   * One {@code kind: SlaPolicy} document, checked on its own (the set-wide rules need {@link
   * #read(List, Problems)}). Empty when it has problems, which go to {@code problems}.
   */
  public Optional<SlaPolicy> loadDocument(YamlDocument document, Problems problems) {
    return new PolicyReader(problems).read(document);
  }

  /** Whether the document says {@code kind: SlaPolicy}. */
  public static boolean isPolicy(YamlDocument document) {
    return kindOf(document).filter(SlaPolicy.KIND::equals).isPresent();
  }

  /** The document's {@code kind}, when its root is a mapping with a string kind. */
  public static Optional<String> kindOf(YamlDocument document) {
    Problems ignored = new Problems();
    return document.rootMap(ignored).string("kind");
  }

  /** Checks a document of another kind; true when it may pass through to its own loader. */
  private boolean checkOther(YamlDocument document, Problems problems) {
    int before = problems.size();
    YamlMap root = document.rootMap(problems);
    if (problems.size() > before || !root.require("kind")) {
      return false;
    }
    Optional<String> kind = root.string("kind");
    if (kind.isEmpty()) {
      return false;
    }
    if (otherKinds.map(k -> k.contains(kind.get())).orElse(true)
        && DidYouMean.closest(kind.get(), List.of(SlaPolicy.KIND)).isEmpty()) {
      return true;
    }
    Set<String> known = new LinkedHashSet<>();
    known.add(SlaPolicy.KIND);
    otherKinds.ifPresent(known::addAll);
    String hint =
        DidYouMean.closest(kind.get(), known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    root.error(
        "kind",
        "'" + kind.get() + "' is not a known kind" + hint + "; known: " + String.join(", ", known));
    return false;
  }
}
