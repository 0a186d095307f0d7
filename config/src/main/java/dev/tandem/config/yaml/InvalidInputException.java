package dev.tandem.config.yaml;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by loaders when an input has one or more problems. It carries all of them, never only the
 * first, so a user fixes a file in one pass.
 */
public final class InvalidInputException extends RuntimeException {

  private final transient List<Problem> problems;

  public InvalidInputException(List<Problem> problems) {
    super(render(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String render(List<Problem> problems) {
    return problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + ":\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
