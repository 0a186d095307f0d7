package dev.tandem.service.auth;

import java.util.List;

/**
 * An authenticated caller, as TokenReview reported it.
 *
 * @param username e.g. {@code system:serviceaccount:ops:deployer}
 * @param uid the user's uid, may be empty
 * @param groups the user's groups
 */
public record Caller(String username, String uid, List<String> groups) {

  public Caller {
    groups = List.copyOf(groups);
  }
}
