package dev.tandem.k8s;

import java.time.Instant;

/**
 * A condition Tandem reports about a target it refused or held (Kubernetes condition shape), so the
 * service can show why it does not act: e.g. {@code type=ScalingConflict status=True
 * reason=HorizontalPodAutoscaler}.
 */
public record TargetCondition(
    String object, String type, String status, String reason, String message, Instant since) {}
