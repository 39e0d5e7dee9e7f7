package dev.tempodesk.api.ticket;

import static dev.tempodesk.db.jooq.Tables.GROUPS;
import static dev.tempodesk.db.jooq.Tables.GROUP_MEMBERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.api.security.Role;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.db.group.GroupMembership;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.ticket.TicketAccess;
import dev.tempodesk.db.ticket.TicketRepository;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who gets which {@link TicketAccess} by role, with managers seeing every ticket or, with {@code
 * TEMPODESK_MANAGERS_SEE_ALL=false}, their groups' like agents; and the 404 for a ticket one may
 * not see. Against a real Postgres.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibleTicketsTest {
  private DSLContext dsl;
  private TicketRepository tickets;
  private GroupMembership groups;
  private long billing;
  private long billingTicket;
  private SignedInUser agent;
  private SignedInUser manager;
  private SignedInUser admin;

  @BeforeAll
  void seed() {
    dsl = DSL.using(TestDatabases.fresh().dataSource(), SQLDialect.POSTGRES);
    tickets = new TicketRepository(dsl);
    groups = new GroupMembership(dsl);
    AgentRepository agents = new AgentRepository(dsl);
    agent = user(agents.insert("alice@example.com", "Alice", "AGENT", 3), Role.AGENT);
    manager = user(agents.insert("max@example.com", "Max", "MANAGER", 3), Role.MANAGER);
    admin = user(agents.insert("ada@example.com", "Ada", "ADMIN", 3), Role.ADMIN);
    billing =
        dsl.insertInto(GROUPS).set(GROUPS.NAME, "Billing").returning(GROUPS.ID).fetchOne().getId();
    long reporter = new ContactRepository(dsl).findOrCreate("c@x.example", "C", null).getId();
    billingTicket = tickets.nextNumber();
    OffsetDateTime now = OffsetDateTime.parse("2031-06-01T00:00:00Z");
    tickets.insert(
        new TicketsRecord()
            .setNumber(billingTicket)
            .setSubject("Invoice")
            .setStatus("NEW")
            .setPriority("NORMAL")
            .setReporterId(reporter)
            .setChannel("EMAIL")
            .setGroupId(billing)
            .setCreatedAt(now)
            .setUpdatedAt(now)
            .setSlaSortKey(1L)
            .setVersion(1L));
  }

  private static SignedInUser user(AgentsRecord row, Role role) {
    return new SignedInUser(
        row.getId(), SignedInUser.Kind.AGENT, role, row.getDisplayName(), row.getEmail());
  }

  private VisibleTickets visible(boolean managersSeeAll) {
    return new VisibleTickets(groups, tickets, new CurrentActor(), managersSeeAll);
  }

  @Test
  void shouldLetAdminsAndByDefaultManagersSeeEveryTicket() {
    assertThat(visible(true).access(admin)).isEqualTo(TicketAccess.ALL);
    assertThat(visible(false).access(admin)).isEqualTo(TicketAccess.ALL);
    assertThat(visible(true).access(manager)).isEqualTo(TicketAccess.ALL);
    assertThat(visible(true).require(manager, billingTicket).getNumber()).isEqualTo(billingTicket);
  }

  @Test
  void shouldLimitManagersToTheirGroupsWhenTheSettingSaysSo() {
    TicketAccess limited = visible(false).access(manager);

    assertThat(limited.all()).isFalse();
    assertThat(limited.groupIds()).as("V44: the default group").hasSize(1).doesNotContain(billing);
    assertThatThrownBy(() -> visible(false).require(manager, billingTicket))
        .isInstanceOfSatisfying(
            FieldException.class,
            refusal -> {
              assertThat(refusal.kind()).isEqualTo(FieldException.Kind.NOT_FOUND);
              assertThat(refusal.getMessage()).isEqualTo(TicketRefusals.noTicket(billingTicket));
            });
  }

  @Test
  void shouldLimitAgentsToTheirGroupsAndAnswerAnInvisibleTicketAsAMissingOne() {
    TicketAccess alices = visible(true).access(agent);

    assertThat(alices).isEqualTo(TicketAccess.agent(agent.id(), groups.groupsOf(agent.id())));
    assertThat(visible(true).sees(agent, billingTicket)).isFalse();
    assertThat(visible(true).sees(agent, Long.MAX_VALUE)).isFalse();
    assertThatThrownBy(() -> visible(true).require(agent, billingTicket))
        .hasMessage(TicketRefusals.noTicket(billingTicket));
  }

  @Test
  void shouldRefuseToDecideForACustomer() {
    SignedInUser customer =
        new SignedInUser(1, SignedInUser.Kind.CONTACT, Role.CUSTOMER, "C", "c@x.example");

    assertThatThrownBy(() -> visible(true).access(customer))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldSeeTheTicketsOfAGroupAsSoonAsTheyJoinIt() {
    dsl.insertInto(GROUP_MEMBERS)
        .set(GROUP_MEMBERS.GROUP_ID, billing)
        .set(GROUP_MEMBERS.AGENT_ID, agent.id())
        .execute();
    try {
      assertThat(visible(true).sees(agent, billingTicket)).isTrue();
    } finally {
      dsl.deleteFrom(GROUP_MEMBERS)
          .where(GROUP_MEMBERS.GROUP_ID.eq(billing), GROUP_MEMBERS.AGENT_ID.eq(agent.id()))
          .execute();
    }
  }
}
