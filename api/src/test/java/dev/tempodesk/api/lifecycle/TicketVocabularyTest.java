package dev.tempodesk.api.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.FieldChange;
import dev.tempodesk.workflows.ticket.TicketChangeRecord;
import dev.tempodesk.workflows.ticket.TicketEvent;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketStatus;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ticket vocabulary on payloads encoded as the workflow encodes them. */
class TicketVocabularyTest {
  private final Payloads payloads = new Payloads(DefaultDataConverter.STANDARD_INSTANCE);

  private Payloads.Values encoded(Object value) {
    return payloads.of(DefaultDataConverter.STANDARD_INSTANCE.toPayloads(value).orElseThrow());
  }

  @Test
  void shouldTellAnAuditWriteWithoutBodiesAndNameTheTimerItArmsNext() {
    TicketState pending = new TicketState();
    pending.number = 7;
    pending.status = TicketStatus.PENDING;
    pending.pendingUntil = Instant.parse("2026-12-06T10:00:02Z");
    TicketEvent event =
        new TicketEvent(
            "e1",
            TicketEvent.Kind.UPDATED,
            Actor.agent(3, "Max Manager"),
            "Waiting for logs",
            List.of(new FieldChange("status", "NEW", "PENDING")),
            Instant.parse("2026-12-06T10:00:00Z"));
    TicketVocabulary words = new TicketVocabulary();

    String write = words.activity("RecordChange", encoded(new TicketChangeRecord(pending, event)));

    assertThat(write)
        .isEqualTo("Write to the database: change by Max Manager (status NEW → PENDING)");
    assertThat(
            words.timer(java.time.Duration.ofSeconds(2), Instant.parse("2026-12-06T10:00:02.004Z")))
        .isEqualTo("end of the pending time, then the ticket goes back to work");
    assertThat(words.timer(java.time.Duration.ofSeconds(5), Instant.parse("2026-12-06T10:00:05Z")))
        .isNull();
  }

  @Test
  void shouldSayWhoWroteWithoutTheMessage() {
    TicketVocabulary words = new TicketVocabulary();
    String signal =
        words.signal(
            "newMessage",
            encoded(
                new dev.tempodesk.workflows.ticket.InboundMessage(
                    "m1", Actor.contact(9, "carla@customer.example"), Instant.now())));
    assertThat(signal).isEqualTo("Message from carla@customer.example (customer) received");
    assertThat(words.refusal("VERSION_CONFLICT expectedVersion: The ticket changed meanwhile."))
        .isEqualTo("version conflict in expectedVersion: The ticket changed meanwhile.");
  }
}
