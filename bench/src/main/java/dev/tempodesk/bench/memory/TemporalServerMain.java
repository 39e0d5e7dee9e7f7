package dev.tempodesk.bench.memory;

import io.temporal.testserver.TestServer;
import java.io.IOException;

/**
 * The in-memory Temporal server alone in a JVM (real time, on the port given as the only argument),
 * so that B5 measures the worker's heap without the server's. It stops when its standard input
 * closes, i.e. when the benchmark that started it ends, however it ends.
 */
public final class TemporalServerMain {
  private TemporalServerMain() {}

  public static void main(String[] args) throws IOException {
    TestServer.PortBoundTestServer server =
        TestServer.createPortBoundServer(Integer.parseInt(args[0]));
    while (System.in.read() != -1) {
      // nothing is ever sent; read() returns -1 once the parent is gone
    }
    server.close();
    System.exit(0);
  }
}
