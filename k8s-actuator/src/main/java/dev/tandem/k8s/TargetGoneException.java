package dev.tandem.k8s;

/** The target (or the PodCliqueSet a target names) does not exist: 404 from the API server. */
public final class TargetGoneException extends RuntimeException {

  public TargetGoneException(String message) {
    super(message);
  }
}
