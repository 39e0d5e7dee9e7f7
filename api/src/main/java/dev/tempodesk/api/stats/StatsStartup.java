package dev.tempodesk.api.stats;

import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.workflows.stats.StatsInput;
import dev.tempodesk.workflows.stats.StatsWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure the single stats workflow runs. Every replica tries at start-up; the fixed workflow id
 * lets exactly one run exist. After the embedded server forgot it, the new run resumes after the
 * last hour stored in Postgres, so the hours in between are backfilled.
 */
@Component
class StatsStartup {
  private static final Logger log = LoggerFactory.getLogger(StatsStartup.class);

  private final WorkflowClient client;
  private final TempodeskProperties properties;
  private final Duration grace;

  StatsStartup(
      WorkflowClient client,
      TempodeskProperties properties,
      @Value("${tempodesk.stats.grace:PT1M}") Duration grace) {
    this.client = client;
    this.properties = properties;
    this.grace = grace;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  void ensureRunning() {
    StatsWorkflow stats =
        client.newWorkflowStub(
            StatsWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(properties.taskQueue())
                .setWorkflowId(StatsWorkflow.WORKFLOW_ID)
                .build());
    try {
      WorkflowClient.start(stats::run, StatsInput.fresh(grace));
      log.info("Started the hourly stats workflow");
    } catch (WorkflowExecutionAlreadyStarted running) {
      // another replica, or an earlier start of this one, runs it already
    }
  }
}
