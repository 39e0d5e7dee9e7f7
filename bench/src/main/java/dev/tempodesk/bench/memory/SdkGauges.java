package dev.tempodesk.bench.memory;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;

/**
 * The Temporal SDK's own metrics (the ones the app exports to Prometheus), read in process: the
 * sticky cache's size, the workflow threads alive and the workflow tasks polled so far.
 */
final class SdkGauges implements AutoCloseable {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Scope scope =
      new RootScopeBuilder()
          .reporter(new MicrometerClientStatsReporter(registry))
          .reportEvery(com.uber.m3.util.Duration.ofMillis(100));

  Scope scope() {
    return scope;
  }

  /** Workflow runs held in the worker's sticky cache. */
  long stickyCacheSize() {
    return (long) gauge("temporal_sticky_cache_size");
  }

  /** Threads running (or parked in) workflow code: one or more per cached run. */
  long workflowThreads() {
    return (long) gauge("temporal_workflow_active_thread_count");
  }

  /** Workflow tasks the worker has taken from the server so far. */
  double workflowTasksPolled() {
    return registry.find("temporal_workflow_task_queue_poll_succeed").counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private double gauge(String name) {
    return registry.find(name).gauges().stream().mapToDouble(Gauge::value).sum();
  }

  @Override
  public void close() {
    try {
      scope.close();
    } catch (ScopeCloseException e) {
      // only the last report is lost; the figures were read already
    }
    registry.close();
  }
}
