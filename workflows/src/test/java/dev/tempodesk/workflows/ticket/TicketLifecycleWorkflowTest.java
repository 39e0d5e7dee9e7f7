package dev.tempodesk.workflows.ticket;

import static dev.tempodesk.workflows.ticket.TicketFixtures.ALICE;
import static dev.tempodesk.workflows.ticket.TicketFixtures.ALICE_ACTOR;
import static dev.tempodesk.workflows.ticket.TicketFixtures.CUSTOMER;
import static dev.tempodesk.workflows.ticket.TicketFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Suspension, messages, reopening and long life of a ticket, in virtual time. */
class TicketLifecycleWorkflowTest {
  private final TicketWorkflowHarness harness = new TicketWorkflowHarness();

  @AfterEach
  void stopServer() {
    harness.close();
  }

  private TicketWorkflow assignedTicket(long number) {
    TicketWorkflow ticket = harness.startNew(number);
    ticket.update(change("yours").assign(ALICE).build());
    return ticket;
  }

  private static InboundMessage customerMessage(String id) {
    return new InboundMessage(id, CUSTOMER, null);
  }

  @Test
  void shouldReturnToOpenWhenSuspensionRunsOut() {
    TicketWorkflow ticket = assignedTicket(2001);
    ticket.update(
        change("ask the carrier").pending(PendingReason.THIRD_PARTY, Duration.ofDays(3)).build());

    harness.sleep(Duration.ofDays(3).minusMinutes(1));
    assertThat(ticket.current().status).isEqualTo(TicketStatus.PENDING);
    harness.sleep(Duration.ofMinutes(2));

    TicketState after = ticket.current();
    assertThat(after.status).isEqualTo(TicketStatus.OPEN);
    assertThat(after.pendingReason).isNull();
    assertThat(after.pendingUntil).isNull();
    TicketChangeRecord expiry = harness.store.last();
    assertThat(expiry.event().kind()).isEqualTo(TicketEvent.Kind.PENDING_EXPIRED);
    assertThat(expiry.event().actor()).isEqualTo(Actor.SYSTEM);
    assertThat(expiry.ticket().status).isEqualTo(TicketStatus.OPEN);
  }

  @Test
  void shouldReturnUnassignedTicketToQueueWhenSuspensionRunsOut() {
    TicketWorkflow ticket = harness.startNew(2002);
    ticket.update(change("need logs").pending(PendingReason.CUSTOMER, Duration.ofHours(4)).build());

    harness.sleep(Duration.ofHours(5));

    assertThat(ticket.current().status).isEqualTo(TicketStatus.NEW);
  }

  @Test
  void shouldCloseAsNoResponseWhenPendingCloseRunsOut() {
    TicketWorkflow ticket = assignedTicket(2003);
    ticket.update(
        change("closing unless they answer")
            .pending(PendingReason.CLOSE, Duration.ofDays(5))
            .build());

    harness.sleep(Duration.ofDays(5).plusSeconds(1));

    TicketState after = ticket.current();
    assertThat(after.status).isEqualTo(TicketStatus.CLOSED);
    assertThat(after.resolution).isEqualTo(Resolution.NO_RESPONSE);
    assertThat(after.closedAt).isNotNull();
    assertThat(harness.store.last().event().kind())
        .isEqualTo(TicketEvent.Kind.CLOSED_FOR_NO_RESPONSE);
  }

  @Test
  void shouldUseTheLatestSuspensionWhenItIsChanged() {
    TicketWorkflow ticket = assignedTicket(2004);
    ticket.update(change("wait").pending(PendingReason.CUSTOMER, Duration.ofDays(1)).build());
    ticket.update(change("longer").pendingFor(Duration.ofDays(4)).build());

    harness.sleep(Duration.ofDays(2));
    assertThat(ticket.current().status)
        .as("the first deadline was replaced")
        .isEqualTo(TicketStatus.PENDING);
    harness.sleep(Duration.ofDays(2).plusSeconds(1));
    assertThat(ticket.current().status).isEqualTo(TicketStatus.OPEN);
  }

  @Test
  void shouldResumePendingTicketWhenCustomerWritesAndIgnoreDuplicateDelivery() {
    TicketWorkflow ticket = assignedTicket(2005);
    ticket.update(change("need logs").pending(PendingReason.CUSTOMER, Duration.ofDays(7)).build());

    ticket.newMessage(customerMessage("m-1"));
    ticket.newMessage(customerMessage("m-1"));
    harness.sleep(Duration.ofSeconds(1));

    assertThat(ticket.current().status).isEqualTo(TicketStatus.OPEN);
    assertThat(harness.store.eventKinds())
        .containsExactly(
            TicketEvent.Kind.UPDATED,
            TicketEvent.Kind.UPDATED,
            TicketEvent.Kind.RESUMED_BY_CUSTOMER);
    assertThat(harness.store.last().event().actor()).isEqualTo(CUSTOMER);
    harness.sleep(Duration.ofDays(8));
    // The resolve clock runs on meanwhile, so only its SLA events may follow.
    assertThat(harness.store.eventKinds())
        .as("the cancelled suspension never fires")
        .filteredOn(kind -> !kind.name().startsWith("SLA_"))
        .hasSize(3);
  }

  @Test
  void shouldNotResumeWhenTheMessageIsFromAnAgent() {
    TicketWorkflow ticket = assignedTicket(2006);
    ticket.update(change("need logs").pending(PendingReason.CUSTOMER, Duration.ofDays(7)).build());

    ticket.newMessage(new InboundMessage("m-agent", ALICE_ACTOR, null));
    harness.sleep(Duration.ofSeconds(1));

    assertThat(ticket.current().status).isEqualTo(TicketStatus.PENDING);
  }

  @Test
  void shouldReopenClosedTicketWhenCustomerWritesWithinTheWindow() {
    TicketWorkflow ticket = assignedTicket(2007);
    ticket.update(change("fixed").status(TicketStatus.CLOSED).build());
    harness.sleep(Duration.ofDays(6));

    ticket.newMessage(customerMessage("m-2"));
    harness.sleep(Duration.ofSeconds(1));

    TicketState after = ticket.current();
    assertThat(after.status).isEqualTo(TicketStatus.OPEN);
    assertThat(after.resolution).isNull();
    assertThat(after.closedAt).isNull();
    assertThat(harness.store.last().event().kind())
        .isEqualTo(TicketEvent.Kind.REOPENED_BY_CUSTOMER);
    assertThat(harness.statusOf(ticket))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }

  @Test
  void shouldFinishTheWorkflowWhenTheReopenWindowEnds() {
    TicketWorkflow ticket = assignedTicket(2008);
    ticket.update(change("fixed").status(TicketStatus.CLOSED).build());

    harness.sleep(Duration.ofDays(7).plusSeconds(1));

    assertThat(harness.statusOf(ticket))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    assertThat(harness.store.last().ticket().status).isEqualTo(TicketStatus.CLOSED);
  }

  @Test
  void shouldLetExactlyOneOfConcurrentUpdatesWithTheSameExpectedVersionWin() throws Exception {
    TicketWorkflow ticket = assignedTicket(2009);
    long version = ticket.current().version;
    int agents = 8;
    CountDownLatch go = new CountDownLatch(1);
    ConcurrentLinkedQueue<String> outcomes = new ConcurrentLinkedQueue<>();
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    for (int i = 0; i < agents; i++) {
      Priority priority = Priority.values()[i % Priority.values().length];
      calls.add(
          CompletableFuture.runAsync(
              () -> {
                awaitQuietly(go);
                try {
                  ticket.update(change("mine").priority(priority).expectedVersion(version).build());
                  outcomes.add("accepted");
                } catch (WorkflowUpdateException e) {
                  outcomes.add(
                      TicketRuleViolation.from((ApplicationFailure) e.getCause())
                          .map(violation -> violation.failure().name())
                          .orElse("unexpected: " + e.getCause()));
                }
              }));
    }
    go.countDown();
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();

    assertThat(outcomes).filteredOn("accepted"::equals).hasSize(1);
    assertThat(outcomes)
        .filteredOn(TicketFailure.VERSION_CONFLICT.name()::equals)
        .hasSize(agents - 1);
    assertThat(ticket.current().version).isEqualTo(version + 1);
  }

  @Test
  void shouldKeepStateAndMessagesAcrossContinueAsNew() {
    TicketPolicy smallHistory = new TicketPolicy(Duration.ofDays(7), Duration.ofDays(30), 30);
    TicketWorkflow ticket =
        harness.start(TicketFixtures.newTicket(2010, harness.now()), smallHistory);
    String firstRunId = WorkflowStub.fromTyped(ticket).getExecution().getRunId();

    ticket.update(change("yours").assign(ALICE).build());
    for (int round = 0; round < 12; round++) {
      ticket.update(
          change("wait " + round).pending(PendingReason.CUSTOMER, Duration.ofDays(2)).build());
      ticket.newMessage(customerMessage("m-" + round));
      ticket.newMessage(customerMessage("m-" + round));
      harness.sleep(Duration.ofMinutes(1));
      assertThat(ticket.current().status).isEqualTo(TicketStatus.OPEN);
    }
    ticket.update(change("final wait").pending(PendingReason.CLOSE, Duration.ofDays(2)).build());

    String currentRunId =
        harness.client.newUntypedWorkflowStub("ticket-2010").describe().getExecution().getRunId();
    assertThat(currentRunId).as("the workflow continued as new").isNotEqualTo(firstRunId);
    assertThat(harness.store.eventKinds())
        .filteredOn(TicketEvent.Kind.RESUMED_BY_CUSTOMER::equals)
        .hasSize(12);
    harness.sleep(Duration.ofDays(2).plusSeconds(1));
    assertThat(ticket.current().status)
        .as("the deadline set before continue-as-new still fires")
        .isEqualTo(TicketStatus.CLOSED);
    assertThat(ticket.current().version).isEqualTo(1 + 1 + 12 * 2 + 1 + 1);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
