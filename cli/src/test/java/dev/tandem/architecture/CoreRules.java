package dev.tandem.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The rules that keep Tandem's core pure, written once so that {@link ArchitectureTest} applies
 * them to the real code and to deliberately bad fixtures (which proves each rule can fail).
 */
final class CoreRules {

  /** The modules of the pure core, by package. */
  static final String[] CORE = {
    "dev.tandem.config..",
    "dev.tandem.traces..",
    "dev.tandem.profiles..",
    "dev.tandem.forecasting..",
    "dev.tandem.planner.."
  };

  /**
   * The decision code: no I/O at all, inputs arrive as arguments. In profiles that is everything
   * but the loaders ({@code io}, {@code dynamo}, {@code binding}).
   */
  static final String[] DECISION = {
    "dev.tandem.forecasting..",
    "dev.tandem.planner..",
    "dev.tandem.profiles.model..",
    "dev.tandem.profiles.interpolation..",
    "dev.tandem.profiles.capacity..",
    "dev.tandem.profiles.check..",
    "dev.tandem.profiles.report.."
  };

  private CoreRules() {}

  /**
   * No clock, no sleeping, no environment, no unseeded randomness: {@code now} and seeds arrive as
   * arguments, which is what lets the simulator and the dry-run API replay the same decisions.
   */
  static ArchRule noClockNoUnseededRandomness(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(Clock.class, "systemUTC")
        .orShould()
        .callMethod(Clock.class, "systemDefaultZone")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(ZonedDateTime.class, "now")
        .orShould()
        .callMethod(OffsetDateTime.class, "now")
        .orShould()
        .callMethod(Math.class, "random")
        .orShould()
        .callConstructor(Random.class)
        .orShould()
        .callConstructor(SplittableRandom.class)
        .orShould()
        .callMethod(ThreadLocalRandom.class, "current")
        .orShould()
        .callMethod(UUID.class, "randomUUID")
        .orShould()
        .callMethod(Collections.class, "shuffle", List.class)
        .orShould()
        .callMethod(Thread.class, "sleep", long.class)
        .orShould()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .because(
            "decision code takes `now` and seeded randomness as arguments, so the simulator and"
                + " the dry-run API replay exactly what production decides (docs/ARCHITECTURE.md)");
  }

  /** The decision code performs no I/O: no files, sockets or HTTP. */
  static ArchRule noIo(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net..", "java.nio.file..", "java.nio.channels..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.File")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileInputStream")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileOutputStream")
        .because(
            "adapters perform I/O, the planner and forecasters never do (docs/ARCHITECTURE.md)");
  }

  /** The core never reaches adapter libraries, even through reflection-free direct use. */
  static ArchRule noAdapterLibraries(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "io.fabric8..",
            "io.prometheus..",
            "java.net.http..",
            "okhttp3..",
            "io.vertx..")
        .because("Spring, Kubernetes, HTTP and Prometheus clients belong in adapter modules");
  }

  /** Dependency direction inside the core: config and traces are leaves; planner is the top. */
  static ArchRule configIsALeaf() {
    return noClasses()
        .that()
        .resideInAnyPackage("dev.tandem.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tandem.profiles..",
            "dev.tandem.forecasting..",
            "dev.tandem.planner..",
            "dev.tandem.traces..")
        .because("config holds the policy model every other module reads");
  }

  /** Nothing in the core depends on the modules that sit above it. */
  static ArchRule coreDoesNotReachUp(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tandem.metrics..",
            "dev.tandem.k8s..",
            "dev.tandem.simulations..",
            "dev.tandem.service..",
            "dev.tandem.cli..")
        .because("adapters depend on the core, never the other way round");
  }
}
