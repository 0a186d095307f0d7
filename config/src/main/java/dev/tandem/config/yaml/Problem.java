package dev.tandem.config.yaml;

/**
 * One thing wrong with an input: where it is, the dotted field path (for example {@code
 * spec.roles.decode.minReplicas}) and a sentence that gives the value and what is allowed.
 */
public record Problem(SourceLocation where, String path, String message) {

  @Override
  public String toString() {
    return path.isEmpty() ? where + ": " + message : where + ": " + path + ": " + message;
  }
}
