package dev.tempodesk.api.embedded;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * The Temporal SDK's in-memory server on a real port, in real time (no time skipping). It keeps
 * nothing across restarts; see {@code TicketReconciler}.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {
  private final TestServer.PortBoundTestServer server;

  private EmbeddedTemporalServer(TestServer.PortBoundTestServer server) {
    this.server = server;
  }

  public static EmbeddedTemporalServer start(int port) {
    try (ServerSocket probe = new ServerSocket(port)) {
      probe.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Port "
              + port
              + " is taken, so the embedded Temporal server cannot start. Stop whatever uses it,"
              + " or set TEMPORAL_ADDRESS to use that Temporal server instead.",
          e);
    }
    return new EmbeddedTemporalServer(TestServer.createPortBoundServer(port));
  }

  @Override
  public void close() {
    server.close();
  }
}
