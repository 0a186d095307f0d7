package dev.tandem.config.policy;

/**
 * What Tandem does with its decisions for one deployment. {@link #ADVISORY} is the default: a new
 * policy first shows what it would do before it is allowed to write replica counts.
 */
public enum Mode implements Keyword {
  /** Decide and write the replica counts to the targets' {@code /scale} subresources. */
  ACTIVE("active"),
  /** Decide and report (REST, metrics, Events), never write. */
  ADVISORY("advisory");

  private final String yamlName;

  Mode(String yamlName) {
    this.yamlName = yamlName;
  }

  @Override
  public String yamlName() {
    return yamlName;
  }
}
