package dev.tempodesk.db.group;

import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.db.group.GroupRepository.Fields;
import dev.tempodesk.db.group.GroupRepository.Member;
import dev.tempodesk.db.jooq.tables.records.GroupsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.ticket.TicketRepository;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** Groups, their members and managers, and their tickets, against a real Postgres. */
class GroupRepositoryTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2031-05-04T09:00:00Z");

  private final DSLContext dsl = DSL.using(TestDatabases.fresh().dataSource(), SQLDialect.POSTGRES);
  private final GroupRepository groups = new GroupRepository(dsl);
  private final AgentRepository agents = new AgentRepository(dsl);
  private final TicketRepository tickets = new TicketRepository(dsl);
  private final long alice = agents.insert("alice@t.dev", "Alice", "AGENT", 5).getId();
  private final long max = agents.insert("max@t.dev", "Max", "MANAGER", 5).getId();

  @Test
  void shouldKeepSupportAsTheDefaultFirstAndNewAgentsItsMembers() {
    groups.insert(new Fields("Billing", "Invoices", null, 300));

    assertThat(groups.listAll())
        .extracting(GroupsRecord::getName)
        .containsExactly("Support", "Billing");
    GroupsRecord support = groups.findDefault();
    assertThat(groups.members(List.of(support.getId())).get(support.getId()))
        .containsExactly(new Member(max, "Max", true), new Member(alice, "Alice", false));
  }

  @Test
  void shouldRefuseANameTakenInAnotherCase() {
    groups.insert(new Fields("Billing", null, null, 600));

    // Spring translates it to DuplicateKeyException (GroupApiIntegrationTest: 409 naming name).
    assertThatThrownBy(() -> groups.insert(new Fields("billing", null, null, 600)))
        .isInstanceOf(IntegrityConstraintViolationException.class)
        .hasMessageContaining("(lower(name))=(billing) already exists");
  }

  @Test
  void shouldReplaceMembersAndTellAnAgentsGroupsAndWhoManages() {
    GroupsRecord billing = groups.insert(new Fields("Billing", null, null, 600));
    GroupsRecord network = groups.insert(new Fields("Network", null, null, 600));
    groups.replaceMembers(billing.getId(), members(alice, false, max, true));
    groups.replaceMembers(network.getId(), members(alice, false));

    groups.replaceMembers(billing.getId(), members(max, true));

    assertThat(groups.members(List.of(billing.getId())).get(billing.getId()))
        .containsExactly(new Member(max, "Max", true));
    assertThat(groups.groupsOf(alice))
        .extracting(GroupsRecord::getName)
        .containsExactly("Support", "Network");
    assertThat(groups.isMember(billing.getId(), alice)).isFalse();
    assertThat(groups.isMember(network.getId(), alice)).isTrue();
    assertThat(groups.isManager(billing.getId(), max)).isTrue();
    assertThat(groups.isManager(network.getId(), alice)).isFalse();
  }

  @Test
  void shouldUpdateFieldsAndFindNothingToUpdateForAnUnknownId() {
    GroupsRecord billing = groups.insert(new Fields("Billing", null, null, 600));

    GroupsRecord updated =
        groups.update(billing.getId(), new Fields("Billing EU", "Invoices", null, 0)).orElseThrow();

    assertThat(updated.getName()).isEqualTo("Billing EU");
    assertThat(updated.getDescription()).isEqualTo("Invoices");
    assertThat(updated.getSkillWaitSeconds()).isZero();
    assertThat(groups.update(999_999, new Fields("X", null, null, 0))).isEmpty();
  }

  @Test
  void shouldCountOpenTicketsPerGroupAndDeleteOnlyAnEmptyNonDefaultGroup() {
    GroupsRecord billing = groups.insert(new Fields("Billing", null, null, 600));
    GroupsRecord empty = groups.insert(new Fields("Empty", null, null, 600));
    long support = groups.findDefault().getId();
    ticket("NEW", billing.getId());
    ticket("CLOSED", billing.getId());
    ticket("NEW", null);

    assertThat(groups.openTicketCounts()).isEqualTo(Map.of(billing.getId(), 1, support, 1));
    assertThat(groups.ticketCount(billing.getId())).isEqualTo(2);
    assertThat(groups.delete(billing.getId())).isFalse();
    assertThat(groups.delete(support)).isFalse();
    assertThat(groups.delete(empty.getId())).isTrue();
    assertThat(groups.find(empty.getId())).isEmpty();
  }

  private static Map<Long, Boolean> members(Object... agentAndManager) {
    Map<Long, Boolean> members = new LinkedHashMap<>();
    for (int i = 0; i < agentAndManager.length; i += 2) {
      members.put((Long) agentAndManager[i], (Boolean) agentAndManager[i + 1]);
    }
    return members;
  }

  private void ticket(String status, Long groupId) {
    long reporter =
        new ContactRepository(dsl).findOrCreate("c@acme.example", "Carla", null).getId();
    TicketsRecord row =
        new TicketsRecord()
            .setNumber(tickets.nextNumber())
            .setSubject("Invoice twice")
            .setStatus(status)
            .setPriority("NORMAL")
            .setReporterId(reporter)
            .setChannel("EMAIL")
            .setCreatedAt(T0)
            .setUpdatedAt(T0)
            .setVersion(1L);
    if (status.equals("CLOSED")) {
      row.setResolution("SOLVED").setClosedAt(T0);
    }
    if (groupId != null) {
      row.setGroupId(groupId);
    } else {
      row.changed(TICKETS.GROUP_ID, false);
    }
    tickets.insert(row);
  }
}
