package dev.tempodesk.api.embedded;

import dev.tempodesk.workflows.ticket.TicketSearchAttributes;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * The Temporal SDK's in-memory server on a real port, in real time (no time skipping). It keeps
 * nothing across restarts; see {@code TicketReconciler}.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {
  /** The namespace the in-memory server serves. */
  static final String NAMESPACE = "default";

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
    EmbeddedTemporalServer embedded =
        new EmbeddedTemporalServer(TestServer.createPortBoundServer(port));
    embedded.registerSearchAttributes(port);
    return embedded;
  }

  /** The ticket workflow sets these; an unregistered one would fail its workflow tasks. */
  private void registerSearchAttributes(int port) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
    try {
      operator
          .blockingStub()
          .addSearchAttributes(
              AddSearchAttributesRequest.newBuilder()
                  .setNamespace(NAMESPACE)
                  .putAllSearchAttributes(TicketSearchAttributes.TYPES)
                  .build());
    } finally {
      operator.shutdownNow();
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
