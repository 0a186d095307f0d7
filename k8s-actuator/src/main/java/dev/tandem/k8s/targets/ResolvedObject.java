package dev.tandem.k8s.targets;

/** A concrete object of a policy target and the strategy that reads and writes it. */
public record ResolvedObject(ObjectRef ref, TargetStrategy strategy) {}
