package io.voucherflow.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Small helpers to find and probe local TCP ports. */
public final class Ports {

  private Ports() {}

  /** A port nobody listens on right now. */
  public static int free() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free local port", e);
    }
  }

  /** Whether something accepts connections on 127.0.0.1:port. */
  public static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Fails with a clear message when an embedded service's port is already taken. */
  public static void requireFree(int port, String service, String envVar) {
    if (listening(port)) {
      throw new IllegalStateException(
          service
              + " cannot start: port "
              + port
              + " is already in use. Stop what uses it, or set "
              + envVar
              + " to another port.");
    }
  }
}
