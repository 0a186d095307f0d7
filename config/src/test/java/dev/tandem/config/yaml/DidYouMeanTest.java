package dev.tandem.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DidYouMeanTest {

  private static final List<String> FIELDS =
      List.of("minReplicas", "maxReplicas", "gpusPerReplica", "profile", "target");
  private static final List<String> KINDS =
      List.of("PodClique", "PodCliqueScalingGroup", "LeaderWorkerSet", "Deployment");

  record Case(String given, List<String> known, Optional<String> suggestion) {}

  static Stream<Case> cases() {
    return Stream.of(
        new Case("minReplica", FIELDS, Optional.of("minReplicas")), // one deletion
        new Case("maxreplicas", FIELDS, Optional.of("maxReplicas")), // case is ignored
        new Case("gpuPerReplica", FIELDS, Optional.of("gpusPerReplica")),
        new Case("profil", FIELDS, Optional.of("profile")),
        new Case("colour", FIELDS, Optional.empty()), // nothing close
        new Case("foo", FIELDS, Optional.empty()),
        new Case("PodClque", KINDS, Optional.of("PodClique")),
        new Case("LeaderWorkerSets", KINDS, Optional.of("LeaderWorkerSet")),
        new Case("StatefulSet", KINDS, Optional.empty()),
        new Case("x", List.of("y"), Optional.of("y")), // one edit is always allowed
        new Case("anything", List.of(), Optional.empty()));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void suggestsTheClosestNameWithinAThirdOfItsLength(Case c) {
    assertThat(DidYouMean.closest(c.given(), c.known())).isEqualTo(c.suggestion());
  }

  @ParameterizedTest
  @MethodSource("distances")
  void levenshteinDistance(String a, String b, int expected) {
    assertThat(DidYouMean.distance(a, b)).isEqualTo(expected);
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> distances() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("", "", 0),
        org.junit.jupiter.params.provider.Arguments.of("abc", "", 3),
        org.junit.jupiter.params.provider.Arguments.of("kitten", "sitting", 3),
        org.junit.jupiter.params.provider.Arguments.of("minreplica", "minreplicas", 1));
  }
}
