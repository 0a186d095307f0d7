/**
 * The Spring Boot service: wiring, the loop scheduler, policy hot reload, checkpoints, the REST API
 * for dry-run recommendations and state, and Tandem's own Prometheus metrics. See {@code
 * service/SERVICE.md}.
 */
package dev.tandem.service;
