package dev.tandem.planner;

import java.util.Objects;

/** Why one number of a plan has its value: a {@link Reason} and a sentence. */
public record Explanation(Reason reason, String message) {

  public Explanation {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return reason + ": " + message;
  }
}
