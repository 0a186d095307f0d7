package dev.tandem.k8s.targets;

import dev.tandem.k8s.Outcome;

/**
 * Why Tandem must not write an object: the outcome to report, the condition reason and a sentence
 * that tells the user what to do instead.
 */
public record Refusal(Outcome outcome, String reason, String message) {}
