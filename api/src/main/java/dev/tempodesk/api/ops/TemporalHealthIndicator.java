package dev.tempodesk.api.ops;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** UP when the Temporal frontend answers a cheap call within two seconds. */
@Component("temporal")
class TemporalHealthIndicator extends AbstractHealthIndicator {
  private final WorkflowServiceStubs service;

  TemporalHealthIndicator(WorkflowServiceStubs service) {
    super("Temporal is unreachable");
    this.service = service;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    var info =
        service
            .blockingStub()
            .withDeadlineAfter(2, TimeUnit.SECONDS)
            .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    builder.up();
    // null when the client talks to the in-process test server over an in-memory channel
    if (service.getOptions().getTarget() != null) {
      builder.withDetail("target", service.getOptions().getTarget());
    }
    if (!info.getServerVersion().isEmpty()) {
      builder.withDetail("serverVersion", info.getServerVersion());
    }
  }
}
