package dev.tempodesk.bench.recalc;

import dev.tempodesk.workflows.ticket.TicketWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads from real ticket workflows' histories when each handled a signal: the time of the first
 * workflow task completed after the signal was recorded. Read after the fact, so watching does not
 * slow the run down beyond one history fetch per ticket and round.
 */
final class TicketHistories {
  private final WorkflowClient client;
  private final List<Long> numbers;

  TicketHistories(WorkflowClient client, List<Long> numbers) {
    this.client = client;
    this.numbers = numbers;
  }

  private List<HistoryEvent> events(long number) {
    return client.fetchHistory(TicketWorkflow.workflowId(number)).getEvents();
  }

  /** Waits until the workflows' histories stop growing for 2 s (their first steps ran). */
  void awaitSettled() throws InterruptedException {
    long before = -1;
    while (true) {
      long length = numbers.stream().mapToLong(n -> events(n).size()).sum();
      if (length == before) {
        return;
      }
      before = length;
      Thread.sleep(2_000);
    }
  }

  /** Epoch ms when the last ticket handled the signal of this reason, once every one has. */
  long lastHandled(String reason) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15 * 60_000;
    while (true) {
      long last = 0;
      boolean all = true;
      for (long number : numbers) {
        OptionalLong handled = handledAt(events(number), reason);
        if (handled.isEmpty()) {
          all = false;
          break;
        }
        last = Math.max(last, handled.getAsLong());
      }
      if (all) {
        return last;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("B6: a ticket workflow never handled " + reason);
      }
      Thread.sleep(200);
    }
  }

  private static OptionalLong handledAt(List<HistoryEvent> events, String reason) {
    boolean signalled = false;
    for (HistoryEvent event : events) {
      if (event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED) {
        var signal = event.getWorkflowExecutionSignaledEventAttributes();
        signalled |=
            signal.getSignalName().equals("recalculateSla")
                && signal.getInput().getPayloads(0).getData().toStringUtf8().contains(reason);
      } else if (signalled
          && event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
        return OptionalLong.of(
            event.getEventTime().getSeconds() * 1000 + event.getEventTime().getNanos() / 1_000_000);
      }
    }
    return OptionalLong.empty();
  }
}
