package dev.tempodesk.db.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.jooq.tables.records.AssetsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.OrganizationsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.db.ticket.TicketRepository.RelatedBy;
import dev.tempodesk.db.ticket.TicketView;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * What the organization page and the ticket page's customer context read, against a real Postgres:
 * organization search, asset edit and delete, the tickets of a reporter, organization or asset.
 */
class OrganizationPagesRepositoryTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2031-05-04T09:00:00Z");

  private final DSLContext dsl = DSL.using(TestDatabases.fresh().dataSource(), SQLDialect.POSTGRES);
  private final OrganizationRepository organizations = new OrganizationRepository(dsl);
  private final ContactRepository contacts = new ContactRepository(dsl);
  private final TicketRepository tickets = new TicketRepository(dsl);
  private final long alice =
      new AgentRepository(dsl).insert("alice@tempodesk.dev", "Alice Agent", "AGENT", 5).getId();

  @Test
  void shouldFindOrganizationsByPartOfTheirNameOrDomainTakingWildcardsLiterally() {
    organizations.insert("Acme Networks", "acme.example");
    organizations.insert("Globex", "globex.example");
    organizations.insert("100% Uptime", null);

    assertThat(names(organizations.list("ACME"))).containsExactly("Acme Networks");
    assertThat(names(organizations.list("globex.ex"))).containsExactly("Globex");
    assertThat(names(organizations.list("%"))).containsExactly("100% Uptime");
    assertThat(names(organizations.list("  "))).hasSize(3);
  }

  @Test
  void shouldEditAnAssetAndFindItOnlyUnderItsOwnOrganization() {
    OrganizationsRecord acme = organizations.insert("Acme", null);
    OrganizationsRecord globex = organizations.insert("Globex", null);
    AssetsRecord router = organizations.insertAsset(acme.getId(), "core-router", "NETWORK", null);

    AssetsRecord edited =
        organizations.updateAsset(router.getId(), "core-router-2", "ROUTER", "Rack 4");

    assertThat(edited.getName()).isEqualTo("core-router-2");
    assertThat(edited.getKind()).isEqualTo("ROUTER");
    assertThat(edited.getDescription()).isEqualTo("Rack 4");
    assertThat(organizations.findAsset(acme.getId(), router.getId())).isPresent();
    assertThat(organizations.findAsset(globex.getId(), router.getId())).isEmpty();
  }

  @Test
  void shouldDeleteOnlyAnAssetNoTicketNames() {
    OrganizationsRecord acme = organizations.insert("Acme", null);
    ContactsRecord carla = contacts.findOrCreate("carla@acme.example", "Carla", acme.getId());
    AssetsRecord unused = organizations.insertAsset(acme.getId(), "spare", "NETWORK", null);
    AssetsRecord named = organizations.insertAsset(acme.getId(), "firewall", "NETWORK", null);
    tickets.insert(ticket(carla, named.getId(), "OPEN", T0));

    assertThat(organizations.deleteAssetIfUnused(unused.getId())).isTrue();
    assertThat(organizations.deleteAssetIfUnused(named.getId())).isFalse();
    assertThat(organizations.findAsset(unused.getId())).isEmpty();
    assertThat(organizations.findAsset(named.getId())).isPresent();
  }

  @Test
  void shouldListRelatedTicketsOpenOnesFirstThenNewestLeavingOutTheCurrentOne() {
    OrganizationsRecord acme = organizations.insert("Acme", null);
    OrganizationsRecord globex = organizations.insert("Globex", null);
    ContactsRecord carla = contacts.findOrCreate("carla@acme.example", "Carla", acme.getId());
    ContactsRecord dan = contacts.findOrCreate("dan@acme.example", "Dan", acme.getId());
    ContactsRecord gina = contacts.findOrCreate("gina@globex.example", "Gina", globex.getId());
    AssetsRecord router = organizations.insertAsset(acme.getId(), "core-router", "NETWORK", null);
    long closedNewest = insert(ticket(carla, router.getId(), "CLOSED", T0.plusDays(3)));
    long openOld = insert(ticket(carla, null, "NEW", T0));
    long openNewer = insert(ticket(dan, router.getId(), "OPEN", T0.plusDays(1)));
    long current = insert(ticket(carla, router.getId(), "NEW", T0.plusDays(2)));
    insert(ticket(gina, null, "NEW", T0.plusDays(4)));

    assertThat(numbers(tickets.listRelated(RelatedBy.REPORTER, carla.getId(), current, 10)))
        .containsExactly(openOld, closedNewest);
    assertThat(numbers(tickets.listRelated(RelatedBy.ORGANIZATION, acme.getId(), null, 10)))
        .containsExactly(current, openNewer, openOld, closedNewest);
    assertThat(numbers(tickets.listRelated(RelatedBy.ASSET, router.getId(), current, 10)))
        .containsExactly(openNewer, closedNewest);
    assertThat(numbers(tickets.listRelated(RelatedBy.ORGANIZATION, acme.getId(), null, 2)))
        .containsExactly(current, openNewer);
    TicketView view = tickets.listRelated(RelatedBy.ASSET, router.getId(), null, 1).getFirst();
    assertThat(view.assetName()).isEqualTo("core-router");
    assertThat(view.organizationName()).isEqualTo("Acme");
  }

  private long insert(TicketsRecord ticket) {
    tickets.insert(ticket);
    return ticket.getNumber();
  }

  private TicketsRecord ticket(
      ContactsRecord reporter, Long assetId, String status, OffsetDateTime createdAt) {
    TicketsRecord row =
        new TicketsRecord()
            .setNumber(tickets.nextNumber())
            .setSubject("VPN tunnel drops every hour")
            .setStatus(status)
            .setPriority("NORMAL")
            .setReporterId(reporter.getId())
            .setOrganizationId(reporter.getOrganizationId())
            .setAssetId(assetId)
            .setChannel("EMAIL")
            .setCreatedAt(createdAt)
            .setUpdatedAt(createdAt)
            .setVersion(1L);
    if (status.equals("OPEN")) {
      row.setAssigneeId(alice).setAssignedAt(createdAt);
    }
    if (status.equals("CLOSED")) {
      row.setResolution("SOLVED").setClosedAt(createdAt);
    }
    return row;
  }

  private static List<String> names(List<OrganizationsRecord> rows) {
    return rows.stream().map(OrganizationsRecord::getName).toList();
  }

  private static List<Long> numbers(List<TicketView> views) {
    return views.stream().map(TicketView::number).toList();
  }
}
