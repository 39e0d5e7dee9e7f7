package dev.tempodesk.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.security.Role;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.api.security.SignedInUser.Kind;
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

  private static LiveEvent ticket(String kind, long reporter) {
    return new LiveEvent(1, kind, 42L, reporter, null, false, null, null, null);
  }

  private static LiveEvent message(boolean internal) {
    return new LiveEvent(
        2, "message.added", 42L, 7L, UUID.randomUUID(), internal, null, null, null);
  }

  private static LiveEvent notification(String recipientKind, long recipientId) {
    return new LiveEvent(
        3, "notification.created", 42L, null, null, false, 5L, recipientKind, recipientId);
  }

  @Test
  void shouldShowTicketEventsToStaffAndToTheTicketsOwnCustomerOnly() {
    LiveEvent carlas = ticket("ticket.changed", CARLA.id());

    assertThat(carlas.visibleTo(AGENT)).isTrue();
    assertThat(carlas.visibleTo(ADMIN)).isTrue();
    assertThat(carlas.visibleTo(CARLA)).isTrue();
    assertThat(carlas.visibleTo(GINA)).isFalse();
  }

  @Test
  void shouldKeepInternalNotesFromCustomers() {
    assertThat(message(true).visibleTo(AGENT)).isTrue();
    assertThat(message(true).visibleTo(CARLA)).isFalse();
    assertThat(message(false).visibleTo(CARLA)).isTrue();
    assertThat(message(false).visibleTo(GINA)).isFalse();
  }

  @Test
  void shouldShowANotificationToItsRecipientOnlyEvenWhenIdsCoincide() {
    LiveEvent forAgent7 = notification("AGENT", 7);

    assertThat(forAgent7.visibleTo(AGENT)).isTrue();
    assertThat(forAgent7.visibleTo(ADMIN)).as("staff do not see each other's bell").isFalse();
    assertThat(forAgent7.visibleTo(CARLA)).as("contact 7 is not agent 7").isFalse();
    assertThat(notification("CONTACT", 7).visibleTo(CARLA)).isTrue();
    assertThat(notification("CONTACT", 7).visibleTo(AGENT)).isFalse();
  }

  @Test
  void shouldShowPresenceToStaffOnlyEvenIfTheRowNamedACustomer() {
    LiveEvent presence =
        new LiveEvent(4, "presence.changed", 42L, CARLA.id(), null, false, null, null, null);

    assertThat(presence.visibleTo(AGENT)).isTrue();
    assertThat(presence.visibleTo(ADMIN)).isTrue();
    assertThat(presence.visibleTo(CARLA)).as("the ticket's own customer").isFalse();
  }

  @Test
  void shouldSendWhatChangedButNotWhoMaySeeIt() {
    LiveEvent event = message(true);

    assertThat(event.data())
        .containsEntry("kind", "message.added")
        .containsEntry("ticketNumber", 42L)
        .containsEntry("messageId", event.messageId().toString())
        .doesNotContainKeys("reporterId", "internal", "recipientId", "recipientKind");
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
                null));
  }
}
