package dev.tandem.service.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Refuses {@code tandem.auth.mode=none} unless the server is bound to a loopback address: an API
 * that can pause scaling must not be open on the network.
 */
public final class AuthModeGuard {

  private AuthModeGuard() {}

  public static void check(boolean authEnabled, String serverAddress) {
    if (authEnabled) {
      return;
    }
    if (serverAddress == null || serverAddress.isBlank()) {
      throw new IllegalStateException(
          "tandem.auth.mode=none needs server.address bound to loopback (e.g. 127.0.0.1); the"
              + " server would listen on every interface");
    }
    try {
      if (!InetAddress.getByName(serverAddress).isLoopbackAddress()) {
        throw new IllegalStateException(
            "tandem.auth.mode=none is only allowed on loopback; server.address is "
                + serverAddress);
      }
    } catch (UnknownHostException e) {
      throw new IllegalStateException("server.address " + serverAddress + " is not resolvable", e);
    }
  }
}
