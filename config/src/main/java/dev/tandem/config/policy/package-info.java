/**
 * The SLA policy model and its loader. {@link dev.tandem.config.policy.SlaPolicy} and its parts are
 * immutable records that check their own invariants and never hold null; {@link
 * dev.tandem.config.policy.SlaPolicyLoader} reads them from {@code kind: SlaPolicy} YAML documents,
 * fills in every default and reports every problem with its file, line, column and field path. The
 * file format is documented in {@code config/POLICY.md}.
 */
package dev.tandem.config.policy;
