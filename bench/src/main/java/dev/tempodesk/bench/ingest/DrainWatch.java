package dev.tempodesk.bench.ingest;

import static dev.tempodesk.db.jooq.Tables.MAILBOX_THREADS;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.workflows.ticket.InboundMessage;
import dev.tempodesk.workflows.ticket.TicketWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.converter.DataConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Waits until a B1 run has drained and proves it lost nothing. Drained means: every email is stored
 * and its ticket workflow signalled (Postgres), and every ticket workflow has completed a workflow
 * task after its last signal, i.e. has applied every message (Temporal history). The drain ends at
 * the latest of those moments, read from the stored timestamps and the history's event times, so
 * watching does not add to the measured time.
 */
final class DrainWatch {
  private static final String NEW_MESSAGE_SIGNAL = "newMessage";

  private final IngestRig rig;
  private final DSLContext dsl;

  DrainWatch(IngestRig rig) {
    this.rig = rig;
    this.dsl = rig.jooq.dsl();
  }

  /** Blocks until drained (or fails after {@code timeout}); returns when the drain ended. */
  Instant awaitDrained(List<FakeMessage> delivered, int threads, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Instant lastSignalled = awaitStoredAndSignalled(delivered.size(), deadline);
    Instant lastApplied = awaitWorkflowsApplied(deadline);
    verify(delivered, threads);
    return lastSignalled.isAfter(lastApplied) ? lastSignalled : lastApplied;
  }

  private Instant awaitStoredAndSignalled(int expected, Instant deadline)
      throws InterruptedException {
    while (true) {
      var row =
          dsl.select(DSL.count(), DSL.count(MESSAGES.SIGNALLED_AT), DSL.max(MESSAGES.SIGNALLED_AT))
              .from(MESSAGES)
              .where(MESSAGES.DIRECTION.eq("INBOUND"))
              .fetchOne();
      if (row.value1() >= expected && row.value2() >= expected) {
        return row.value3().toInstant();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "B1 did not drain in time: %d of %d emails stored, %d signalled"
                .formatted(row.value1(), expected, row.value2()));
      }
      Thread.sleep(100);
    }
  }

  /** Waits for each ticket workflow to settle; returns the latest workflow task completion. */
  private Instant awaitWorkflowsApplied(Instant deadline) throws InterruptedException {
    Map<Long, Set<String>> expected = storedMessageIdsByTicket();
    Instant latest = Instant.EPOCH;
    List<Long> waiting = new ArrayList<>(expected.keySet());
    while (!waiting.isEmpty()) {
      List<Long> still = new ArrayList<>();
      for (long ticket : waiting) {
        Optional<Instant> settled = settledAt(ticket, expected.get(ticket));
        if (settled.isPresent()) {
          latest = settled.get().isAfter(latest) ? settled.get() : latest;
        } else {
          still.add(ticket);
        }
      }
      waiting = still;
      if (!waiting.isEmpty()) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError(
              waiting.size()
                  + " ticket workflows never applied all their messages, e.g. #"
                  + waiting.getFirst());
        }
        Thread.sleep(200);
      }
    }
    return latest;
  }

  /**
   * When the ticket's workflow completed the first workflow task after the signal of its last
   * message, provided the signals carried exactly the messages stored for it; empty while not.
   */
  private Optional<Instant> settledAt(long ticket, Set<String> storedIds) {
    List<HistoryEvent> events =
        rig.client().fetchHistory(TicketWorkflow.workflowId(ticket)).getEvents();
    DataConverter converter = rig.client().getOptions().getDataConverter();
    Set<String> signalled = new HashSet<>();
    long lastSignal = -1;
    Instant appliedAt = null;
    for (HistoryEvent event : events) {
      if (event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED
          && event
              .getWorkflowExecutionSignaledEventAttributes()
              .getSignalName()
              .equals(NEW_MESSAGE_SIGNAL)) {
        InboundMessage message =
            converter.fromPayloads(
                0,
                Optional.of(event.getWorkflowExecutionSignaledEventAttributes().getInput()),
                InboundMessage.class,
                InboundMessage.class);
        signalled.add(message.messageId());
        lastSignal = event.getEventId();
        appliedAt = null;
      } else if (event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED
          && appliedAt == null
          && event.getEventId() > lastSignal) {
        var time = event.getEventTime();
        appliedAt = Instant.ofEpochSecond(time.getSeconds(), time.getNanos());
      }
    }
    if (!signalled.containsAll(storedIds)) {
      return Optional.empty();
    }
    if (!storedIds.containsAll(signalled)) {
      throw new AssertionError("ticket #" + ticket + " was told of messages it does not hold");
    }
    return Optional.ofNullable(appliedAt);
  }

  private Map<Long, Set<String>> storedMessageIdsByTicket() {
    Map<Long, Set<String>> byTicket = new HashMap<>();
    dsl.select(MESSAGES.TICKET_NUMBER, MESSAGES.ID)
        .from(MESSAGES)
        .where(MESSAGES.DIRECTION.eq("INBOUND"))
        .forEach(
            row ->
                byTicket
                    .computeIfAbsent(row.value1(), number -> new HashSet<>())
                    .add(row.value2().toString()));
    return byTicket;
  }

  /** Every email stored exactly once, one ticket and one thread mapping per conversation. */
  private void verify(List<FakeMessage> delivered, int threads) {
    Set<String> sent = delivered.stream().map(FakeMessage::id).collect(Collectors.toSet());
    List<String> stored =
        dsl.select(MESSAGES.PROVIDER_MESSAGE_ID)
            .from(MESSAGES)
            .where(MESSAGES.DIRECTION.eq("INBOUND"))
            .fetch(MESSAGES.PROVIDER_MESSAGE_ID);
    Set<String> distinct = new HashSet<>(stored);
    int tickets = dsl.fetchCount(TICKETS);
    int mapped = dsl.fetchCount(MAILBOX_THREADS);
    int threadsPerTicket =
        dsl.fetchValue(DSL.select(DSL.countDistinct(TICKETS.THREAD_ID)).from(TICKETS));
    if (stored.size() != sent.size() || !distinct.equals(sent)) {
      throw new AssertionError(
          "B1 lost or doubled mail: %d delivered, %d stored (%d distinct)"
              .formatted(sent.size(), stored.size(), distinct.size()));
    }
    if (tickets != threads || mapped != threads || threadsPerTicket != threads) {
      throw new AssertionError(
          "B1 expected %d tickets, got %d tickets, %d thread mappings, %d distinct threads"
              .formatted(threads, tickets, mapped, threadsPerTicket));
    }
  }
}
