/**
 * SLA policy files: the immutable policy model ({@code SlaPolicy} and its parts), YAML loading that
 * keeps the file, line and column of every node, and validation whose every error names the file,
 * line, column, field path, value and what is allowed. Depends on the JDK and SnakeYAML only.
 */
package dev.tandem.config;
