package dev.tandem.config.policy;

/**
 * The family of PromQL queries that reads the deployment's signals: each serving stack names its
 * metrics differently. {@link #VLLM} is the default (vLLM's engine metrics, which the Grove/Dynamo,
 * LeaderWorkerSet and llm-d deployments of vLLM all expose).
 */
public enum MetricsPreset implements Keyword {
  /** vLLM engine metrics ({@code vllm:*}). */
  VLLM("vllm"),
  /** SGLang engine metrics ({@code sglang:*}). */
  SGLANG("sglang"),
  /** The NVIDIA Dynamo frontend's request metrics ({@code dynamo_frontend_*}). */
  DYNAMO("dynamo"),
  /** llm-d's inference gateway / scheduler metrics. */
  LLM_D("llm-d");

  private final String yamlName;

  MetricsPreset(String yamlName) {
    this.yamlName = yamlName;
  }

  @Override
  public String yamlName() {
    return yamlName;
  }
}
