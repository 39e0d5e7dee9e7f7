package dev.tempodesk.bench.rig;

import com.uber.m3.tally.Scope;
import dev.tempodesk.api.config.SearchAttributeRegistration;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;

/**
 * A client of a Temporal server over gRPC, as the app connects to {@code TEMPORAL_ADDRESS} or to
 * the embedded server: namespace "default", the ticket search attributes registered, worker
 * factories with the SDK's default options (the app does not change them).
 */
public final class TemporalConnection implements AutoCloseable {
  /** How long to wait for the server's first answer: long, for a busy shared machine. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private final WorkflowServiceStubs service;
  private final WorkflowClient client;

  private TemporalConnection(WorkflowServiceStubs service) {
    this.service = service;
    this.client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace("default").build());
  }

  /** Connects to {@code 127.0.0.1:port}, with {@code metrics} for the SDK's gauges (or null). */
  public static TemporalConnection to(int port, Scope metrics) {
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget("127.0.0.1:" + port)
            .setRpcTimeout(Duration.ofSeconds(30))
            .setSystemInfoTimeout(CONNECT_TIMEOUT);
    if (metrics != null) {
      options.setMetricsScope(metrics);
    }
    TemporalConnection connection =
        new TemporalConnection(
            WorkflowServiceStubs.newConnectedServiceStubs(options.build(), CONNECT_TIMEOUT));
    SearchAttributeRegistration.register(connection.service, "default");
    return connection;
  }

  public WorkflowClient client() {
    return client;
  }

  public WorkerFactory newWorkerFactory() {
    return WorkerFactory.newInstance(client);
  }

  @Override
  public void close() {
    service.shutdown();
    service.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
  }
}
