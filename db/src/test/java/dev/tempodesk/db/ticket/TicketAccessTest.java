package dev.tempodesk.db.ticket;

import static dev.tempodesk.db.jooq.Tables.GROUPS;
import static dev.tempodesk.db.jooq.Tables.GROUP_MEMBERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.group.GroupMembership;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 21's visibility against a real Postgres: an agent of group A lists, counts, selects and
 * sees in a customer's context the tickets of A and those assigned to them; the SQL and the Java
 * form of the rule agree on every ticket; the managers of a ticket's group are read for notices.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketAccessTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2031-06-01T00:00:00Z");

  private DSLContext dsl;
  private TicketRepository tickets;
  private GroupMembership membership;
  private long groupA;
  private long groupB;
  private long groupC;
  private AgentsRecord alice;
  private AgentsRecord bob;
  private AgentsRecord max;
  private long organization;
  private final List<TicketsRecord> seeded = new ArrayList<>();

  @BeforeAll
  void seed() {
    dsl = DSL.using(TestDatabases.fresh().dataSource(), SQLDialect.POSTGRES);
    tickets = new TicketRepository(dsl);
    membership = new GroupMembership(dsl);
    AgentRepository agents = new AgentRepository(dsl);
    alice = agents.insert("alice@example.com", "Alice", "AGENT", 3);
    bob = agents.insert("bob@example.com", "Bob", "AGENT", 3);
    max = agents.insert("max@example.com", "Max", "MANAGER", 3);
    groupA = group("First line");
    groupB = group("Billing");
    groupC = group("Network");
    // Alice: A only (out of the default group); Bob: A and B; Max manages B.
    dsl.deleteFrom(GROUP_MEMBERS)
        .where(GROUP_MEMBERS.AGENT_ID.in(alice.getId(), bob.getId()))
        .execute();
    member(groupA, alice.getId(), false);
    member(groupA, bob.getId(), false);
    member(groupB, bob.getId(), false);
    member(groupB, max.getId(), true);
    organization = new OrganizationRepository(dsl).insert("Acme", "acme.example").getId();
    long reporter =
        new ContactRepository(dsl)
            .findOrCreate("carla@acme.example", "Carla", organization)
            .getId();
    for (int i = 0; i < 30; i++) {
      long group = List.of(groupA, groupB, groupC).get(i % 3);
      // Every fifth ticket is Alice's, whatever its group.
      Long assignee = i % 5 == 0 ? alice.getId() : (i % 5 == 1 ? bob.getId() : null);
      TicketsRecord row =
          new TicketsRecord()
              .setNumber(tickets.nextNumber())
              .setSubject("Ticket " + i)
              .setStatus(assignee == null ? "NEW" : "OPEN")
              .setPriority("NORMAL")
              .setReporterId(reporter)
              .setOrganizationId(organization)
              .setChannel("EMAIL")
              .setGroupId(group)
              .setAssigneeId(assignee)
              .setCreatedAt(T0.plusMinutes(i))
              .setUpdatedAt(T0.plusMinutes(i))
              .setSlaSortKey(T0.toInstant().toEpochMilli() + i)
              .setVersion(1L);
      tickets.insert(row);
      seeded.add(row);
    }
  }

  private long group(String name) {
    return dsl.insertInto(GROUPS).set(GROUPS.NAME, name).returning(GROUPS.ID).fetchOne().getId();
  }

  private void member(long group, long agent, boolean manager) {
    dsl.insertInto(GROUP_MEMBERS)
        .set(GROUP_MEMBERS.GROUP_ID, group)
        .set(GROUP_MEMBERS.AGENT_ID, agent)
        .set(GROUP_MEMBERS.MANAGER, manager)
        .execute();
  }

  private TicketAccess accessOf(AgentsRecord agent) {
    return TicketAccess.agent(agent.getId(), membership.groupsOf(agent.getId()));
  }

  private Set<Long> expected(TicketAccess access) {
    return seeded.stream()
        .filter(access::sees)
        .map(TicketsRecord::getNumber)
        .collect(Collectors.toSet());
  }

  private Set<Long> listed(TicketFilter filter) {
    Set<Long> numbers = new java.util.HashSet<>();
    TicketCursor after = null;
    do {
      TicketPage page = tickets.list(filter, after, 7);
      page.items().forEach(view -> numbers.add(view.number()));
      after = page.next().orElse(null);
    } while (after != null);
    return numbers;
  }

  @Test
  void shouldReadAnAgentsGroups() {
    assertThat(membership.groupsOf(alice.getId())).containsExactly(groupA);
    assertThat(membership.groupsOf(bob.getId())).containsExactlyInAnyOrder(groupA, groupB);
  }

  @Test
  void shouldListAnAgentTheirGroupsTicketsAndTheirOwnOnly() {
    TicketAccess alices = accessOf(alice);
    Set<Long> expected = expected(alices);

    Set<Long> listed = listed(TicketFilter.defaults().within(alices));

    assertThat(listed).isEqualTo(expected);
    assertThat(seeded)
        .as("group A's, plus Alice's in B and C")
        .filteredOn(t -> expected.contains(t.getNumber()))
        .allMatch(t -> t.getGroupId() == groupA || alice.getId().equals(t.getAssigneeId()));
    assertThat(seeded)
        .filteredOn(t -> t.getGroupId() != groupA && alice.getId().equals(t.getAssigneeId()))
        .as("assigned to her in another group")
        .isNotEmpty()
        .allMatch(t -> listed.contains(t.getNumber()));
    assertThat(listed).hasSizeLessThan(seeded.size());
  }

  @Test
  void shouldListAMemberOfTwoGroupsTheTicketsOfBoth() {
    TicketAccess bobs = accessOf(bob);

    assertThat(listed(TicketFilter.defaults().within(bobs))).isEqualTo(expected(bobs));
    assertThat(seeded)
        .filteredOn(t -> t.getGroupId() == groupA || t.getGroupId() == groupB)
        .allMatch(bobs::sees);
  }

  @Test
  void shouldListEverythingWithoutALimit() {
    assertThat(listed(TicketFilter.defaults())).hasSize(seeded.size());
    assertThat(listed(TicketFilter.defaults().within(TicketAccess.ALL))).hasSize(seeded.size());
  }

  @Test
  void shouldLimitCountsBulkSelectionsSearchesAndRelatedTicketsAlike() {
    TicketAccess alices = accessOf(alice);
    Set<Long> expected = expected(alices);
    TicketFilter search =
        new TicketFilter(Set.of(), Set.of(), null, false, null, "ticket", false).within(alices);

    assertThat(tickets.count(TicketFilter.defaults().within(alices), 1000))
        .isEqualTo(expected.size());
    assertThat(tickets.matchingNumbers(TicketFilter.defaults().within(alices), 1000))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(listed(search)).isSubsetOf(expected);
    assertThat(
            tickets
                .listRelated(
                    TicketRepository.RelatedBy.ORGANIZATION, organization, null, 100, alices)
                .stream()
                .map(TicketView::number))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void shouldSeeNothingButTheirOwnTicketsWithoutAGroup() {
    TicketAccess none = TicketAccess.agent(alice.getId(), Set.of());

    assertThat(listed(TicketFilter.defaults().within(none)))
        .isEqualTo(expected(none))
        .isNotEmpty()
        .allMatch(
            n ->
                seeded.stream()
                    .anyMatch(
                        t -> t.getNumber().equals(n) && alice.getId().equals(t.getAssigneeId())));
  }

  @Test
  void shouldNameTheActiveManagersOfATicketsGroup() {
    long inB =
        seeded.stream().filter(t -> t.getGroupId() == groupB).findFirst().orElseThrow().getNumber();
    long inC =
        seeded.stream().filter(t -> t.getGroupId() == groupC).findFirst().orElseThrow().getNumber();

    assertThat(membership.activeManagersOfTicket(inB))
        .extracting(AgentsRecord::getId)
        .containsExactly(max.getId());
    assertThat(membership.activeManagersOfTicket(inC)).as("a group without managers").isEmpty();
    assertThat(membership.activeManagersOfTicket(Long.MAX_VALUE)).isEmpty();
  }
}
