package dev.tandem.config.policy;

/** The roles of a disaggregated deployment that Tandem sizes. */
public enum Role implements Keyword {
  /** Engines that compute the prompt's KV cache; sized for the TTFT target. */
  PREFILL("prefill"),
  /** Engines that generate tokens; sized for the ITL target and KV capacity. */
  DECODE("decode"),
  /** Optional request routers (usually CPU only); sized by requests per second. */
  ROUTER("router");

  private final String yamlName;

  Role(String yamlName) {
    this.yamlName = yamlName;
  }

  @Override
  public String yamlName() {
    return yamlName;
  }

  /** The dotted path of this role in a policy file, e.g. {@code spec.roles.decode}. */
  public String path() {
    return "spec.roles." + yamlName;
  }
}
