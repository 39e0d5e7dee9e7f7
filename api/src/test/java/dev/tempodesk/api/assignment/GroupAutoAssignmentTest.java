package dev.tempodesk.api.assignment;

import static dev.tempodesk.api.assignment.AssignmentDesk.within;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.workflows.ticket.Priority;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Auto-assignment per group (issue 21): a group's tickets go only to its members, one group's queue
 * never holds another's back, and skills narrow the choice until the group's skill wait is over.
 * Each on its own desk, in real time, with the assigner's 30-second safety net.
 */
class GroupAutoAssignmentTest {
  private static final Duration SOON = Duration.ofSeconds(5);

  private final AssignmentDesk desk = new AssignmentDesk();

  @AfterEach
  void closeDesk() {
    desk.close();
  }

  @Test
  void shouldLeaveAGroupsTicketWaitingWhenOnlyNonMembersAreFreeAndServeOtherGroupsMeanwhile() {
    long billing = desk.group("Billing", 600);
    long support = desk.defaultGroup();
    AgentsRecord bill = desk.agent("Bill", 1, false);
    AgentsRecord alice = desk.agent("Alice", 5, true);
    desk.memberOf(bill, billing);
    desk.memberOf(alice, support);
    desk.startAssigner(500);

    long invoice = desk.open(Priority.URGENT, "Invoice twice", billing);
    long printer = desk.open(Priority.LOW, "Printer offline", support);

    // The urgent Billing ticket heads the queue, yet the Support ticket behind it is served.
    assertThat(within(SOON, () -> desk.assigneeOf(printer).isPresent())).isTrue();
    assertThat(desk.row(printer).getAssigneeId()).isEqualTo(alice.getId());
    assertThat(stillWaitingAfter(invoice, Duration.ofMillis(1500)))
        .as("Alice has 4 free slots but is not in Billing")
        .isTrue();

    desk.setAvailable(bill.getId(), true);

    assertThat(within(SOON, () -> desk.assigneeOf(invoice).isPresent())).isTrue();
    assertThat(desk.row(invoice).getAssigneeId()).isEqualTo(bill.getId());
  }

  @Test
  void shouldNotAssignAnyTicketToAnAgentInNoGroup() {
    AgentsRecord loner = desk.agent("Loner", 5, true);
    desk.memberOf(loner);
    desk.startAssigner(500);

    long ticket = desk.open(Priority.NORMAL, "Anyone?");

    assertThat(stillWaitingAfter(ticket, Duration.ofMillis(1500))).isTrue();
    desk.memberOf(loner, desk.defaultGroup());
    assertThat(within(SOON, () -> desk.assigneeOf(ticket).isPresent())).isTrue();
  }

  @Test
  void shouldPreferAMemberWithTheSkillsATicketAsksForOverALongerIdleOne() {
    long network = desk.group("Network", 600);
    AgentsRecord max = desk.agent("Max", 5, true);
    AgentsRecord nora = desk.agent("Nora", 5, true);
    desk.memberOf(max, network);
    desk.memberOf(nora, network);
    desk.setSkills(nora.getId(), "vpn", "firewall");
    desk.setIdleSince(max.getId(), OffsetDateTime.now().minusHours(1));
    desk.startAssigner(500);

    // "urgent-caller" is nobody's skill: the ticket asks for vpn only.
    long vpn = desk.open(Priority.NORMAL, "VPN drops", network, "vpn", "urgent-caller");
    assertThat(within(SOON, () -> desk.assigneeOf(vpn).isPresent())).isTrue();
    assertThat(desk.row(vpn).getAssigneeId()).isEqualTo(nora.getId());

    // A ticket asking for no skill goes to the longest idle member as before.
    long plain = desk.open(Priority.NORMAL, "Cable", network, "urgent-caller");
    assertThat(within(SOON, () -> desk.assigneeOf(plain).isPresent())).isTrue();
    assertThat(desk.row(plain).getAssigneeId()).isEqualTo(max.getId());
  }

  @Test
  void shouldHoldATicketForASkilledMemberUntilTheGroupsSkillWaitThenGiveItToAnyMember() {
    long network = desk.group("Network", 3);
    AgentsRecord max = desk.agent("Max", 5, true);
    AgentsRecord nora = desk.agent("Nora", 5, false);
    desk.memberOf(max, network);
    desk.memberOf(nora, network);
    desk.setSkills(nora.getId(), "vpn");
    desk.startAssigner(500);

    long vpn = desk.open(Priority.NORMAL, "VPN drops", network, "vpn");

    assertThat(stillWaitingAfter(vpn, Duration.ofMillis(2000)))
        .as("only Nora has vpn, and she is away")
        .isTrue();
    assertThat(desk.assignments.waitingQueue(10))
        .singleElement()
        .satisfies(
            waiting -> {
              assertThat(waiting.skills()).containsExactly("vpn");
              assertThat(waiting.skilledOnly()).isTrue();
            });
    // Nothing wakes the assigner at the fallback moment but its own timer: well before the
    // 30-second safety net, Max takes it.
    assertThat(within(Duration.ofSeconds(6), () -> desk.assigneeOf(vpn).isPresent())).isTrue();
    TicketsRecord row = desk.row(vpn);
    assertThat(row.getAssigneeId()).isEqualTo(max.getId());
    Duration waited = Duration.between(row.getCreatedAt(), row.getAssignedAt());
    assertThat(waited).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5));
  }

  @Test
  void shouldCountTheSkillWaitFromWhenTheTicketStartedWaitingInItsGroup() {
    long network = desk.group("Network", 600);
    long wifi = desk.group("Wifi", 600);
    AgentsRecord max = desk.agent("Max", 5, true);
    AgentsRecord nora = desk.agent("Nora", 5, false);
    desk.memberOf(max, network, wifi);
    desk.memberOf(nora, network, wifi);
    desk.setSkills(nora.getId(), "vpn");
    desk.startAssigner(500);
    long moved = desk.open(Priority.NORMAL, "VPN at home", network, "vpn");
    long held = desk.open(Priority.NORMAL, "VPN at the office", network, "vpn");
    assertThat(stillWaitingAfter(held, Duration.ofMillis(1000))).isTrue();

    // Both have waited 11 minutes in Network; then one moves to Wifi and starts over there.
    desk.jooq
        .dsl()
        .update(TICKETS)
        .set(TICKETS.WAITING_SINCE, OffsetDateTime.now().minusMinutes(11))
        .where(TICKETS.NUMBER.in(moved, held))
        .execute();
    desk.jooq
        .dsl()
        .update(TICKETS)
        .set(TICKETS.GROUP_ID, wifi)
        .where(TICKETS.NUMBER.eq(moved))
        .execute();
    desk.wakeUp.wake();

    assertThat(within(SOON, () -> desk.assigneeOf(held).isPresent())).isTrue();
    assertThat(desk.row(held).getAssigneeId()).isEqualTo(max.getId());
    assertThat(desk.row(held).getWaitingSince()).as("no longer waiting").isNull();
    assertThat(stillWaitingAfter(moved, Duration.ofMillis(1000))).isTrue();
    assertThat(desk.row(moved).getWaitingSince()).isAfter(OffsetDateTime.now().minusMinutes(1));
  }

  private boolean stillWaitingAfter(long ticket, Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return desk.assigneeOf(ticket).isEmpty() && desk.row(ticket).getStatus().equals("NEW");
  }
}
