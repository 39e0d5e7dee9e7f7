package dev.tempodesk.db.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The list's "waiting" filters (pending reason, idle time) and the capped count of saved views,
 * against a real Postgres, "now" from a fixed clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketWaitingFilterTest {
  private static final Instant NOW = Instant.parse("2031-05-10T12:00:00Z");

  private TicketRepository tickets;
  private long waitingOnCustomerThreeDays;
  private long waitingOnCustomerExactlyTwoDays;
  private long waitingOnCustomerOneDay;
  private long waitingOnThirdPartyThreeDays;
  private long newThreeDays;
  private long closedThreeDays;

  @BeforeAll
  void seed() {
    DSLContext dsl = DSL.using(TestDatabases.fresh().dataSource(), SQLDialect.POSTGRES);
    tickets = new TicketRepository(dsl, Clock.fixed(NOW, ZoneOffset.UTC));
    ContactsRecord carla =
        new ContactRepository(dsl).findOrCreate("carla@acme.example", "Carla Customer", null);
    waitingOnCustomerThreeDays = insert(carla, "PENDING", "CUSTOMER", Duration.ofDays(3));
    waitingOnCustomerExactlyTwoDays = insert(carla, "PENDING", "CUSTOMER", Duration.ofDays(2));
    waitingOnCustomerOneDay = insert(carla, "PENDING", "CUSTOMER", Duration.ofDays(1));
    waitingOnThirdPartyThreeDays = insert(carla, "PENDING", "THIRD_PARTY", Duration.ofDays(3));
    newThreeDays = insert(carla, "NEW", null, Duration.ofDays(3));
    closedThreeDays = insert(carla, "CLOSED", null, Duration.ofDays(3));
  }

  @Test
  void shouldListOnlyPendingTicketsWaitingForTheAskedReasons() {
    assertThat(list(filter(Set.of("CUSTOMER"), null)))
        .containsExactlyInAnyOrder(
            waitingOnCustomerThreeDays, waitingOnCustomerExactlyTwoDays, waitingOnCustomerOneDay);
    assertThat(list(filter(Set.of("CUSTOMER", "THIRD_PARTY"), null)))
        .containsExactlyInAnyOrder(
            waitingOnCustomerThreeDays,
            waitingOnCustomerExactlyTwoDays,
            waitingOnCustomerOneDay,
            waitingOnThirdPartyThreeDays);
  }

  @Test
  void shouldListOnlyTicketsNotChangedForAtLeastTheIdleTime() {
    assertThat(list(filter(Set.of(), Duration.ofDays(2))))
        .containsExactlyInAnyOrder(
            waitingOnCustomerThreeDays,
            waitingOnCustomerExactlyTwoDays,
            waitingOnThirdPartyThreeDays,
            newThreeDays);
  }

  @Test
  void shouldCombineReasonAndIdleTimeAsWaitingOnTheCustomerForTwoDays() {
    assertThat(list(filter(Set.of("CUSTOMER"), Duration.ofDays(2))))
        .containsExactlyInAnyOrder(waitingOnCustomerThreeDays, waitingOnCustomerExactlyTwoDays);
  }

  @Test
  void shouldStillHideClosedTicketsUnlessDoneTicketsAreIncluded() {
    TicketFilter withDone = filter(Set.of(), Duration.ofDays(2), true);

    assertThat(list(filter(Set.of(), Duration.ofDays(2)))).doesNotContain(closedThreeDays);
    assertThat(list(withDone)).contains(closedThreeDays);
  }

  @Test
  void shouldCountMatchingTicketsUpToTheCap() {
    TicketFilter all = TicketFilter.defaults();

    assertThat(tickets.count(all, 1000)).isEqualTo(5);
    assertThat(tickets.count(filter(Set.of("CUSTOMER"), Duration.ofDays(2)), 1000)).isEqualTo(2);
    assertThat(tickets.count(all, 3)).isEqualTo(3);
  }

  private static TicketFilter filter(Set<String> pendingReasons, Duration idleFor) {
    return filter(pendingReasons, idleFor, false);
  }

  private static TicketFilter filter(
      Set<String> pendingReasons, Duration idleFor, boolean includeDone) {
    return new TicketFilter(
        Set.of(),
        Set.of(),
        null,
        false,
        null,
        null,
        includeDone,
        Set.of(),
        pendingReasons,
        idleFor,
        null);
  }

  private List<Long> list(TicketFilter filter) {
    return tickets.list(filter, null, 100).items().stream().map(TicketView::number).toList();
  }

  private long insert(ContactsRecord reporter, String status, String reason, Duration idle) {
    OffsetDateTime updatedAt = NOW.minus(idle).atOffset(ZoneOffset.UTC);
    TicketsRecord row =
        new TicketsRecord()
            .setNumber(tickets.nextNumber())
            .setSubject(status + " " + reason + " for " + idle)
            .setStatus(status)
            .setPriority("NORMAL")
            .setReporterId(reporter.getId())
            .setChannel("EMAIL")
            .setCreatedAt(updatedAt.minusDays(1))
            .setUpdatedAt(updatedAt)
            .setSlaSortKey(Long.MAX_VALUE)
            .setVersion(1L);
    if (reason != null) {
      row.setPendingReason(reason).setPendingUntil(updatedAt.plusDays(7));
    }
    if (status.equals("CLOSED")) {
      row.setResolution("SOLVED").setClosedAt(updatedAt);
    }
    tickets.insert(row);
    return row.getNumber();
  }
}
