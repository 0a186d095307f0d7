package dev.tandem.config.policy;

import java.util.Optional;
import java.util.regex.Pattern;

/** Kubernetes naming rules, as checks that return the problem sentence or empty. */
final class Names {

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern PROMETHEUS_LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern API_VERSION =
      Pattern.compile(
          "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?v\\d+"
              + "((alpha|beta)\\d+)?");
  private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]*");

  private Names() {}

  /** A DNS-1123 label: namespaces, policy and pool names. */
  static Optional<String> label(String value) {
    return value.length() <= 63 && LABEL.matcher(value).matches()
        ? Optional.empty()
        : Optional.of(
            "'"
                + value
                + "' is not a DNS-1123 label: lower-case letters, digits and '-', starting and"
                + " ending with a letter or digit, at most 63 characters");
  }

  /** A DNS-1123 subdomain: names of Kubernetes objects. */
  static Optional<String> subdomain(String value) {
    return value.length() <= 253 && SUBDOMAIN.matcher(value).matches()
        ? Optional.empty()
        : Optional.of(
            "'"
                + value
                + "' is not a valid object name (DNS-1123 subdomain): lower-case letters, digits,"
                + " '-' and '.', starting and ending with a letter or digit, at most 253"
                + " characters");
  }

  static Optional<String> prometheusLabel(String value) {
    return PROMETHEUS_LABEL.matcher(value).matches()
        ? Optional.empty()
        : Optional.of("'" + value + "' is not a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)");
  }

  static Optional<String> apiVersion(String value) {
    return API_VERSION.matcher(value).matches()
        ? Optional.empty()
        : Optional.of(
            "'" + value + "' is not an apiVersion: write group/version, e.g. apps/v1 or v1");
  }

  static Optional<String> kind(String value) {
    return KIND.matcher(value).matches()
        ? Optional.empty()
        : Optional.of(
            "'" + value + "' is not a kind: an upper-case letter, then letters and digits");
  }

  static Optional<String> notBlank(String value) {
    return value.isBlank() ? Optional.of("must not be empty") : Optional.empty();
  }
}
