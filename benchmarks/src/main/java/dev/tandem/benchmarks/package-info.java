/**
 * JMH benchmarks: {@code plan()} per deployment, a control-loop tick over many deployments, and
 * forecaster update + forecast per tick. Performance targets live here, never in timed unit tests.
 * Run with {@code ./mvnw -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar}.
 */
package dev.tandem.benchmarks;
