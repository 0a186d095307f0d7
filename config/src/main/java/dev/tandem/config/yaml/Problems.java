package dev.tandem.config.yaml;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one load so that all of them are reported together. */
public final class Problems {

  private final List<Problem> list = new ArrayList<>();

  public void add(SourceLocation where, String path, String message) {
    list.add(new Problem(where, path, message));
  }

  public void addAll(List<Problem> more) {
    list.addAll(more);
  }

  /**
   * How many problems were collected so far; readers compare counts to see whether a part failed.
   */
  public int size() {
    return list.size();
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public List<Problem> list() {
    return List.copyOf(list);
  }

  /** Throws an {@link InvalidInputException} with every problem collected so far, if any. */
  public void throwIfAny() {
    if (!list.isEmpty()) {
      throw new InvalidInputException(list);
    }
  }
}
