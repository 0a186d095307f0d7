package dev.tandem.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The Tandem service: one planner {@code ControlLoop} over every policy of a directory, the REST
 * dry-run and status API under {@code /v1}, and Tandem's own metrics at {@code
 * /actuator/prometheus}. Started by {@code tandem serve}; the cluster it acts on is whatever {@link
 * dev.tandem.service.cluster.ClusterPorts} bean the context holds (see {@link
 * dev.tandem.service.cluster.ClusterAdapterConfiguration}).
 */
@SpringBootApplication
@EnableConfigurationProperties(ServiceSettings.class)
public class TandemServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(TandemServiceApplication.class, args);
  }
}
