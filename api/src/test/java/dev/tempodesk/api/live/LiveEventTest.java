package dev.tempodesk.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.security.Role;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.api.security.SignedInUser.Kind;
import dev.tempodesk.db.ticket.TicketAccess;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Who may see which live event, and what the stream tells them. */
class LiveEventTest {
  private static final SignedInUser AGENT = new SignedInUser(7, Kind.AGENT, Role.AGENT, "A", "a@x");
  private static final SignedInUser ADMIN = new SignedInUser(8, Kind.AGENT, Role.ADMIN, "B", "b@x");
  private static final SignedInUser CARLA =
      new SignedInUser(7, Kind.CONTACT, Role.CUSTOMER, "C", "c@x");
  private static final SignedInUser GINA =
      new SignedInUser(9, Kind.CONTACT, Role.CUSTOMER, "G", "g@x");
  private static final TicketAccess ALL = TicketAccess.ALL;

  /** Agent 7, a member of groups 1 and 3 (issue 21). */
  private static final TicketAccess GROUPS_1_AND_3 = TicketAccess.agent(AGENT.id(), Set.of(1L, 3L));

  private static LiveEvent inGroup(
      String kind, Long group, Long assignee, Long formerGroup, Long formerAssignee) {
    return new LiveEvent(
        5,
        kind,
        42L,
        9L,
        null,
        false,
        null,
        null,
        null,
        group,
        assignee,
        formerGroup,
        formerAssignee);
  }

  private static LiveEvent ticket(String kind, long reporter) {
    return new LiveEvent(
        1, kind, 42L, reporter, null, false, null, null, null, 1L, null, null, null);
  }

  private static LiveEvent message(boolean internal) {
    return new LiveEvent(
        2,
        "message.added",
        42L,
        7L,
        UUID.randomUUID(),
        internal,
        null,
        null,
        null,
        1L,
        null,
        null,
        null);
  }

  private static LiveEvent notification(String recipientKind, long recipientId) {
    return new LiveEvent(
        3,
        "notification.created",
        42L,
        null,
        null,
        false,
        5L,
        recipientKind,
        recipientId,
        null,
        null,
        null,
        null);
  }

  @Test
  void shouldShowTicketEventsToStaffAndToTheTicketsOwnCustomerOnly() {
    LiveEvent carlas = ticket("ticket.changed", CARLA.id());

    assertThat(carlas.visibleTo(AGENT, ALL)).isTrue();
    assertThat(carlas.visibleTo(ADMIN, ALL)).isTrue();
    assertThat(carlas.visibleTo(CARLA, ALL)).isTrue();
    assertThat(carlas.visibleTo(GINA, ALL)).isFalse();
  }

  @Test
  void shouldKeepInternalNotesFromCustomers() {
    assertThat(message(true).visibleTo(AGENT, ALL)).isTrue();
    assertThat(message(true).visibleTo(CARLA, ALL)).isFalse();
    assertThat(message(false).visibleTo(CARLA, ALL)).isTrue();
    assertThat(message(false).visibleTo(GINA, ALL)).isFalse();
  }

  @Test
  void shouldShowANotificationToItsRecipientOnlyEvenWhenIdsCoincide() {
    LiveEvent forAgent7 = notification("AGENT", 7);

    assertThat(forAgent7.visibleTo(AGENT, ALL)).isTrue();
    assertThat(forAgent7.visibleTo(ADMIN, ALL)).as("staff do not see each other's bell").isFalse();
    assertThat(forAgent7.visibleTo(CARLA, ALL)).as("contact 7 is not agent 7").isFalse();
    assertThat(notification("CONTACT", 7).visibleTo(CARLA, ALL)).isTrue();
    assertThat(notification("CONTACT", 7).visibleTo(AGENT, ALL)).isFalse();
  }

  @Test
  void shouldShowPresenceToStaffOnlyEvenIfTheRowNamedACustomer() {
    LiveEvent presence =
        new LiveEvent(
            4,
            "presence.changed",
            42L,
            CARLA.id(),
            null,
            false,
            null,
            null,
            null,
            1L,
            null,
            null,
            null);

    assertThat(presence.visibleTo(AGENT, ALL)).isTrue();
    assertThat(presence.visibleTo(ADMIN, ALL)).isTrue();
    assertThat(presence.visibleTo(CARLA, ALL)).as("the ticket's own customer").isFalse();
  }

  @Test
  void shouldShowAnAgentOnlyTheEventsOfTicketsOfTheirGroupsOrAssignedToThem() {
    assertThat(inGroup("ticket.changed", 1L, null, null, null).visibleTo(AGENT, GROUPS_1_AND_3))
        .isTrue();
    assertThat(inGroup("ticket.changed", 2L, null, null, null).visibleTo(AGENT, GROUPS_1_AND_3))
        .as("another group's ticket")
        .isFalse();
    assertThat(inGroup("message.added", 2L, 8L, null, null).visibleTo(AGENT, GROUPS_1_AND_3))
        .as("another group's ticket, assigned to someone else")
        .isFalse();
    assertThat(inGroup("presence.changed", 2L, null, null, null).visibleTo(AGENT, GROUPS_1_AND_3))
        .isFalse();
    assertThat(inGroup("message.added", 2L, 7L, null, null).visibleTo(AGENT, GROUPS_1_AND_3))
        .as("assigned to them in another group")
        .isTrue();
    assertThat(inGroup("ticket.changed", 2L, null, 3L, null).visibleTo(AGENT, GROUPS_1_AND_3))
        .as("moved out of their group: they learn it changed")
        .isTrue();
    assertThat(inGroup("ticket.changed", 2L, 8L, null, 7L).visibleTo(AGENT, GROUPS_1_AND_3))
        .as("taken away from them")
        .isTrue();
    assertThat(inGroup("ticket.changed", 2L, null, null, null).visibleTo(ADMIN, ALL)).isTrue();
    assertThat(inGroup("ticket.changed", null, null, null, null).visibleTo(AGENT, GROUPS_1_AND_3))
        .as("an event without a group (written before V48): not for agents limited to groups")
        .isFalse();
  }

  @Test
  void shouldSendWhatChangedButNotWhoMaySeeIt() {
    LiveEvent event = message(true);

    assertThat(event.data())
        .containsEntry("kind", "message.added")
        .containsEntry("ticketNumber", 42L)
        .containsEntry("messageId", event.messageId().toString())
        .doesNotContainKeys("reporterId", "internal", "recipientId", "recipientKind", "groupId");
  }

  @Test
  void shouldReadTheGroupAndAssigneeOfTheNotifyPayload() {
    String row =
        """
        {"id":13,"kind":"ticket.changed","ticket_number":42,"reporter_id":7,"message_id":null,\
        "internal":false,"notification_id":null,"recipient_kind":null,"recipient_id":null,\
        "created_at":"2026-12-06T14:00:00.123+00:00","group_id":2,"assignee_id":8,\
        "former_group_id":1,"former_assignee_id":null}""";

    LiveEvent event = LiveEvent.fromJson(JsonMapper.builder().build().readTree(row));

    assertThat(event.groupId()).isEqualTo(2L);
    assertThat(event.assigneeId()).isEqualTo(8L);
    assertThat(event.formerGroupId()).isEqualTo(1L);
    assertThat(event.formerAssigneeId()).isNull();
  }

  @Test
  void shouldReadTheNotifyPayloadAsTheTriggerWritesIt() {
    String row =
        """
        {"id":12,"kind":"message.added","ticket_number":42,"reporter_id":7,\
        "message_id":"0b7e2f5e-0000-4000-8000-000000000001","internal":true,\
        "notification_id":null,"recipient_kind":null,"recipient_id":null,\
        "created_at":"2026-12-06T14:00:00.123+00:00"}""";

    LiveEvent event = LiveEvent.fromJson(JsonMapper.builder().build().readTree(row));

    assertThat(event)
        .isEqualTo(
            new LiveEvent(
                12,
                "message.added",
                42L,
                7L,
                UUID.fromString("0b7e2f5e-0000-4000-8000-000000000001"),
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
  }
}
