package dev.tempodesk.activities.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.FieldChange;
import dev.tempodesk.workflows.ticket.TicketChangeRecord;
import dev.tempodesk.workflows.ticket.TicketEvent;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which ticket changes wake the assigner: those after which it may be able to assign. */
class AssignerWakeUpTest {

  private static TicketChangeRecord change(
      TicketStatus status, Long assigneeId, FieldChange... changes) {
    TicketState ticket = new TicketState();
    ticket.number = 1001;
    ticket.status = status;
    ticket.assigneeId = assigneeId;
    return new TicketChangeRecord(
        ticket,
        new TicketEvent(
            "e", TicketEvent.Kind.UPDATED, Actor.SYSTEM, "c", List.of(changes), Instant.EPOCH));
  }

  @Test
  void shouldWakeForAWaitingTicket() {
    assertThat(
            AssignerWakeUp.mattersForAssignment(
                change(TicketStatus.NEW, null, new FieldChange("priority", "LOW", "URGENT"))))
        .isTrue();
  }

  @Test
  void shouldWakeWhenAnAgentGivesATicketUp() {
    assertThat(
            AssignerWakeUp.mattersForAssignment(
                change(TicketStatus.CLOSED, 7L, new FieldChange("status", "OPEN", "CLOSED"))))
        .as("closed")
        .isTrue();
    assertThat(
            AssignerWakeUp.mattersForAssignment(
                change(TicketStatus.OPEN, 8L, new FieldChange("assignee", "Ann (#7)", "Bob (#8)"))))
        .as("reassigned")
        .isTrue();
  }

  @Test
  void shouldNotWakeForChangesThatOnlyGiveAnAgentWork() {
    assertThat(
            AssignerWakeUp.mattersForAssignment(
                change(
                    TicketStatus.OPEN,
                    7L,
                    new FieldChange("status", "NEW", "OPEN"),
                    new FieldChange("assignee", null, "Ann (#7)"))))
        .as("assigned")
        .isFalse();
    assertThat(
            AssignerWakeUp.mattersForAssignment(
                change(TicketStatus.PENDING, 7L, new FieldChange("status", "OPEN", "PENDING"))))
        .as("suspended: still counts against capacity")
        .isFalse();
  }
}
