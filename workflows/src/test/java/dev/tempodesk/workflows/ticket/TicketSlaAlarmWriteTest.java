package dev.tempodesk.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An SLA alarm's write runs as a local activity ({@link SlaAlarmWrites}): in the workflow task that
 * handles the alarm's timer, with no activity task through the server.
 */
class TicketSlaAlarmWriteTest {
  private final TicketWorkflowHarness harness = new TicketWorkflowHarness();
  private final SlaTimeline timeline = new SlaTimeline(harness);

  @AfterEach
  void stopServer() {
    harness.close();
  }

  @Test
  void shouldWriteEachAlarmInTheWorkflowTaskOfItsTimer() {
    TicketState created = timeline.ticket(4501, Priority.NORMAL);
    harness.start(created, TicketPolicy.defaults());

    harness.sleep(Duration.ofDays(3));

    assertThat(timeline.slaEvents())
        .extracting(change -> change.event().changes().getFirst().field())
        .containsExactly("assignWarned", "assignBreached", "resolveWarned", "resolveBreached");
    List<HistoryEvent> history = historyOf(4501);
    assertThat(history)
        .filteredOn(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .extracting(
            event -> event.getActivityTaskScheduledEventAttributes().getActivityType().getName())
        .as("no alarm's write goes through the server's activity queue")
        .doesNotContain("RecordChange");
    List<Integer> timers = indexesOf(history, EventType.EVENT_TYPE_TIMER_FIRED);
    assertThat(timers).hasSize(4);
    for (int timer : timers) {
      int write = nextLocalActivity(history, timer);
      assertThat(
              history.subList(timer, write).stream()
                  .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)
                  .count())
          .as("workflow tasks from the timer at event %d to its write", timer + 1)
          .isEqualTo(1);
    }
  }

  @Test
  void shouldRetryABreachWriteUntilTheDatabaseTakesItAndRecordItOnce() {
    TicketState created = timeline.ticket(4502, Priority.NORMAL);
    TicketWorkflow ticket = harness.start(created, TicketPolicy.defaults());
    Instant warning =
        created.createdAt.plus(
            SlaTimeline.eighty(SlaPolicy.defaults().targetsFor(Priority.NORMAL).toAssign()));
    harness.store.failNextWrites(2);

    timeline.expectAlarm(warning, "assignWarned");

    assertThat(harness.store.attempts()).isEqualTo(3);
    assertThat(timeline.slaEvents()).hasSize(1);
    assertThat(ticket.current().assignClock.warned).isTrue();
  }

  private List<HistoryEvent> historyOf(long number) {
    return harness.client.fetchHistory(TicketWorkflow.workflowId(number)).getEvents();
  }

  private static List<Integer> indexesOf(List<HistoryEvent> history, EventType type) {
    return java.util.stream.IntStream.range(0, history.size())
        .filter(i -> history.get(i).getEventType() == type)
        .boxed()
        .toList();
  }

  private static int nextLocalActivity(List<HistoryEvent> history, int from) {
    for (int i = from; i < history.size(); i++) {
      HistoryEvent event = history.get(i);
      if (event.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED
          && event.getMarkerRecordedEventAttributes().getMarkerName().equals("LocalActivity")) {
        return i;
      }
    }
    throw new AssertionError("no local activity after event " + (from + 1));
  }
}
