package dev.tempodesk.db.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.ticket.TagRepository.TagCount;
import dev.tempodesk.db.ticket.TagRepository.TagFigures;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The tag filter of the ticket list, the autocomplete and the figures per tag, on Postgres. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketTagsRepositoryTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2031-05-04T08:00:00Z");

  private TicketRepository tickets;
  private TagRepository tags;
  private long reporterId;
  private long agentId;
  private long vpnVip;
  private long vpnOnly;
  private long vipOnly;
  private long vpnVipClosed;
  private long untagged;

  @BeforeAll
  void seed() {
    DSLContext dsl = DSL.using(TestDatabases.fresh().dataSource(), SQLDialect.POSTGRES);
    tickets = new TicketRepository(dsl);
    tags = new TagRepository(dsl);
    reporterId =
        new ContactRepository(dsl).findOrCreate("carla@acme.example", "Carla", null).getId();
    agentId = new AgentRepository(dsl).insert("alice@tempodesk.dev", "Alice", "AGENT", 5).getId();
    vpnVip = insert("OPEN", T0, "vip", "vpn");
    vpnOnly = insert("NEW", T0.minusDays(3), "vpn");
    vipOnly = insert("PENDING", T0, "vip", "billing");
    vpnVipClosed = insert("CLOSED", T0.minusDays(1), "vip", "vpn", "vpn-client");
    untagged = insert("OPEN", T0);
    insert("CLOSED", T0.minusDays(30), "vpn_legacy", "100%");
  }

  @Test
  void shouldListOnlyTicketsCarryingAllOfTheTags() {
    assertThat(list(Set.of("vpn", "vip"), false)).containsExactly(vpnVip);
    assertThat(list(Set.of("vpn", "vip"), true)).containsExactlyInAnyOrder(vpnVip, vpnVipClosed);
    assertThat(list(Set.of("vpn"), false)).containsExactlyInAnyOrder(vpnVip, vpnOnly);
    assertThat(list(Set.of("vip", "vpn", "billing"), true)).isEmpty();
    assertThat(list(Set.of("vp"), true)).as("whole tags, no prefix").isEmpty();
    assertThat(list(Set.of(), false)).contains(untagged);
  }

  @Test
  void shouldCarryTheTagsInTheView() {
    assertThat(tickets.findView(vpnVipClosed).orElseThrow().tags())
        .containsExactly("vip", "vpn", "vpn-client");
    assertThat(tickets.findView(untagged).orElseThrow().tags()).isEmpty();
  }

  @Test
  void shouldSuggestTagsByPrefixMostUsedFirst() {
    assertThat(tags.suggest("vp", 10))
        .containsExactly(
            new TagCount("vpn", 3), new TagCount("vpn-client", 1), new TagCount("vpn_legacy", 1));
    assertThat(tags.suggest("", 2)).containsExactly(new TagCount("vip", 3), new TagCount("vpn", 3));
    assertThat(tags.suggest("vpn_", 10)).containsExactly(new TagCount("vpn_legacy", 1));
    assertThat(tags.suggest("100%", 10)).containsExactly(new TagCount("100%", 1));
    assertThat(tags.suggest("1%", 10)).as("% is no wildcard").isEmpty();
    assertThat(tags.suggest("zzz", 10)).isEmpty();
  }

  @Test
  void shouldCountTicketsPerTagCreatedInTheRangeAndOpenNow() {
    List<TagFigures> figures = tags.figures(T0.minusDays(2), T0.plusHours(1), 50);

    assertThat(figures)
        .containsExactly(
            new TagFigures("vip", 3, 2),
            new TagFigures("vpn", 2, 2),
            new TagFigures("billing", 1, 1),
            new TagFigures("vpn-client", 1, 0));
  }

  private List<Long> list(Set<String> tagged, boolean includeDone) {
    TicketFilter filter =
        new TicketFilter(
            Set.of(), Set.of(), null, false, null, null, includeDone, tagged, Set.of(), null, null);
    return tickets.list(filter, null, 100).items().stream().map(TicketView::number).toList();
  }

  private long insert(String status, OffsetDateTime createdAt, String... tagged) {
    TicketsRecord row =
        new TicketsRecord()
            .setNumber(tickets.nextNumber())
            .setSubject("Tagged " + String.join(" ", tagged))
            .setStatus(status)
            .setPriority("NORMAL")
            .setReporterId(reporterId)
            .setAssigneeId(status.equals("OPEN") ? agentId : null)
            .setAssignedAt(status.equals("OPEN") ? createdAt : null)
            .setChannel("EMAIL")
            .setCreatedAt(createdAt)
            .setUpdatedAt(createdAt)
            .setClosedAt(status.equals("CLOSED") ? createdAt : null)
            .setResolution(status.equals("CLOSED") ? "SOLVED" : null)
            .setPendingReason(status.equals("PENDING") ? "CUSTOMER" : null)
            .setPendingUntil(status.equals("PENDING") ? createdAt.plusDays(1) : null)
            .setSlaSortKey(Long.MAX_VALUE)
            .setVersion(1L)
            .setTags(tagged);
    tickets.insert(row);
    return row.getNumber();
  }
}
