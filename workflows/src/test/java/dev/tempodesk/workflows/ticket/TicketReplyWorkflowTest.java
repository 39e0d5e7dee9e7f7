package dev.tempodesk.workflows.ticket;

import static dev.tempodesk.workflows.ticket.TicketFixtures.ALICE;
import static dev.tempodesk.workflows.ticket.TicketFixtures.ALICE_ACTOR;
import static dev.tempodesk.workflows.ticket.TicketFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Replies, notes and acknowledgements as the ticket workflow handles them, in virtual time. */
class TicketReplyWorkflowTest {
  private final TicketWorkflowHarness harness = new TicketWorkflowHarness();

  @AfterEach
  void stopServer() {
    harness.close();
  }

  private static ReplyRequest reply(String body) {
    return new ReplyRequest(ALICE_ACTOR, body, false, List.of(), null);
  }

  /** Lets virtual time pass until the condition holds (sends run after the update returned). */
  private void awaitInVirtualTime(BooleanSupplier condition) {
    for (int i = 0; i < 200 && !awaitInRealTime(condition); i++) {
      harness.sleep(Duration.ofSeconds(5));
    }
    assertThat(condition.getAsBoolean()).as("condition reached in virtual time").isTrue();
  }

  /**
   * Gives a running send up to 2 s of real time before virtual time is skipped: skipping while a
   * slow (loaded machine) send runs would time its attempt out and retry it, a second attempt. A
   * send waiting out its retry backoff runs nothing, so virtual time moves on at once.
   */
  private boolean awaitInRealTime(BooleanSupplier condition) {
    long giveUp = System.nanoTime() + 2_000_000_000L;
    while (!condition.getAsBoolean()
        && System.nanoTime() < giveUp
        && !harness.onlyRetryBackoffsPending()) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }

  @Test
  void shouldQueueTheReplyThenSendItOnceAndSetFirstResponseOnlyOnFirstReply() {
    TicketWorkflow ticket = harness.startNew(5001);

    ReplyResult first = ticket.reply(reply("We are on it."));
    awaitInVirtualTime(() -> "SENT".equals(harness.mail.status(first.messageId())));
    ReplyResult second = ticket.reply(reply("Still on it."));
    awaitInVirtualTime(() -> "SENT".equals(harness.mail.status(second.messageId())));

    assertThat(harness.mail.stored(first.messageId()).body()).isEqualTo("We are on it.");
    assertThat(harness.mail.sendAttempts()).containsExactly(first.messageId(), second.messageId());
    assertThat(first.ticket().firstResponseAt).isNotNull();
    assertThat(first.changes()).extracting(FieldChange::field).containsExactly("firstResponseAt");
    assertThat(second.ticket().firstResponseAt).isEqualTo(first.ticket().firstResponseAt);
    assertThat(second.changes()).isEmpty();
    assertThat(harness.store.eventKinds())
        .containsSubsequence(TicketEvent.Kind.REPLIED, TicketEvent.Kind.REPLIED);
  }

  @Test
  void shouldSetTheStatusWithTheReplyUnderTheUpdateRules() {
    TicketWorkflow ticket = harness.startNew(5002);
    ticket.update(change("mine").assign(ALICE).build());

    ReplyRequest withoutComment =
        new ReplyRequest(
            ALICE_ACTOR,
            "Can you send logs?",
            false,
            List.of(),
            change(" ").pending(PendingReason.CUSTOMER, Duration.ofDays(2)).build());
    Throwable thrown = catchThrowable(() -> ticket.reply(withoutComment));
    ReplyResult replied =
        ticket.reply(
            new ReplyRequest(
                ALICE_ACTOR,
                "Can you send logs?",
                false,
                List.of(),
                change("waiting for logs")
                    .pending(PendingReason.CUSTOMER, Duration.ofDays(2))
                    .build()));

    assertThat(thrown).isInstanceOf(WorkflowUpdateException.class);
    assertThat(thrown.getCause()).hasMessageContaining("INVALID_FIELD comment");
    assertThat(replied.ticket().status).isEqualTo(TicketStatus.PENDING);
    assertThat(replied.changes())
        .extracting(FieldChange::field)
        .contains("status", "pendingReason", "firstResponseAt");
    assertThat(harness.store.last().event().comment()).isEqualTo("waiting for logs");
    awaitInVirtualTime(() -> harness.mail.sendAttempts().size() == 1);
  }

  @Test
  void shouldRetryATransientSendFailureUntilItIsSent() {
    TicketWorkflow ticket = harness.startNew(5003);
    harness.mail.failNextSends(3);

    ReplyResult replied = ticket.reply(reply("Hello"));

    assertThat(replied.ticket().firstResponseAt).isNotNull();
    awaitInVirtualTime(() -> "SENT".equals(harness.mail.status(replied.messageId())));
    assertThat(harness.mail.sendAttempts()).hasSize(4).containsOnly(replied.messageId());
  }

  @Test
  void shouldMarkFailedAfterTheLastAttemptAndSendAgainWhenTheAgentRetries() {
    TicketWorkflow ticket = harness.startNew(5004);
    harness.mail.refuseEverySend();

    ReplyResult replied = ticket.reply(reply("Hello"));
    awaitInVirtualTime(() -> "FAILED".equals(harness.mail.status(replied.messageId())));
    int attempts = harness.mail.sendAttempts().size();
    harness.mail.allowSends();
    ticket.retryReply(new RetryReplyRequest(ALICE_ACTOR, replied.messageId()));
    awaitInVirtualTime(() -> "SENT".equals(harness.mail.status(replied.messageId())));

    assertThat(attempts).isEqualTo(Outbox.SEND_OPTIONS.getRetryOptions().getMaximumAttempts());
    assertThat(harness.mail.failure(replied.messageId())).contains("503");
    assertThat(harness.store.eventKinds()).contains(TicketEvent.Kind.REPLY_RETRIED);
  }

  @Test
  void shouldRefuseToRetryAMessageThatDidNotFail() {
    TicketWorkflow ticket = harness.startNew(5005);
    ReplyResult replied = ticket.reply(reply("Hello"));
    awaitInVirtualTime(() -> "SENT".equals(harness.mail.status(replied.messageId())));

    Throwable thrown =
        catchThrowable(
            () -> ticket.retryReply(new RetryReplyRequest(ALICE_ACTOR, replied.messageId())));

    assertThat(thrown).isInstanceOf(WorkflowUpdateException.class);
    assertThat(harness.mail.sendAttempts()).hasSize(1);
  }

  @Test
  void shouldKeepNotesInternalAndAuditedWithoutSendingThem() {
    TicketWorkflow ticket = harness.startNew(5006);

    OutboundRef note = ticket.addNote(new NoteRequest(ALICE_ACTOR, "Customer sounds angry", false));
    harness.sleep(Duration.ofMinutes(1));

    assertThat(harness.mail.stored(note.messageId()).kind()).isEqualTo(OutboundMessage.Kind.NOTE);
    assertThat(harness.mail.sendAttempts()).isEmpty();
    assertThat(harness.store.eventKinds()).containsExactly(TicketEvent.Kind.NOTE_ADDED);
    assertThat(ticket.current().firstResponseAt).as("a note is no response").isNull();
  }

  @Test
  void shouldAcknowledgeANewTicketOnceAcrossContinueAsNew() {
    TicketPolicy smallHistory = new TicketPolicy(Duration.ofDays(7), Duration.ofDays(30), 30);
    harness.mail.acknowledgementDue.add(5007L);
    TicketWorkflow ticket =
        harness.start(TicketFixtures.newTicket(5007, harness.now()), smallHistory);
    String firstRunId = WorkflowStub.fromTyped(ticket).getExecution().getRunId();

    for (int i = 0; i < 12; i++) {
      ticket.update(
          change("note " + i).priority(i % 2 == 0 ? Priority.HIGH : Priority.LOW).build());
    }
    awaitInVirtualTime(() -> "SENT".equals(harness.mail.status("ack-5007")));
    harness.sleep(Duration.ofMinutes(5));

    assertThat(harness.store.last().ticket().version).isGreaterThan(12);
    assertThat(
            harness
                .client
                .newUntypedWorkflowStub("ticket-5007")
                .describe()
                .getExecution()
                .getRunId())
        .as("the workflow continued as new")
        .isNotEqualTo(firstRunId);
    assertThat(harness.mail.sendAttempts()).containsExactly("ack-5007");
  }
}
