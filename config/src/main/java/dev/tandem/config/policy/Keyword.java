package dev.tandem.config.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An enum constant that is written in policy files under a fixed name, such as {@code holt}. */
public interface Keyword {

  /** The name as written in a policy file. */
  String yamlName();

  /** The names of all constants of an enum, in declaration order. */
  static <E extends Enum<E> & Keyword> List<String> names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Keyword::yamlName).toList();
  }

  /** The constant written as {@code name}, or empty. */
  static <E extends Enum<E> & Keyword> Optional<E> parse(Class<E> type, String name) {
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.yamlName().equals(name))
        .findFirst();
  }
}
