/**
 * The Spring Boot service: wiring, schedulers, the REST API for dry-run recommendations and state,
 * and Tandem's own Prometheus metrics. Filled by a later issue.
 */
package dev.tandem.service;
