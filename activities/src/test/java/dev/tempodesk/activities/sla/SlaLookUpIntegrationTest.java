package dev.tempodesk.activities.sla;

import static dev.tempodesk.db.jooq.Tables.MAILBOXES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.assignment.AssignerWakeUp;
import dev.tempodesk.activities.ticket.TicketRows;
import dev.tempodesk.activities.ticket.TicketStoreActivitiesImpl;
import dev.tempodesk.db.calendar.BusinessCalendarRepository;
import dev.tempodesk.db.group.GroupRepository;
import dev.tempodesk.db.jooq.tables.records.SlaPoliciesRecord;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.db.sla.SlaPolicyRepository;
import dev.tempodesk.db.sla.SlaPolicyRepository.Rules;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.calendar.BusinessCalendar;
import dev.tempodesk.workflows.ticket.AppliedSla;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.SlaMetric;
import dev.tempodesk.workflows.ticket.SlaPolicyRules.TicketFacts;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store activity's {@code lookUpSla} over a real Postgres: the first policy by position whose
 * conditions the ticket meets, with a copy of its rules and calendar, or null when none does.
 */
class SlaLookUpIntegrationTest {
  private final TestJooq jooq = TestJooq.over(TestDatabases.fresh().dataSource());
  private final DSLContext dsl = jooq.dsl();
  private final TicketRepository tickets = new TicketRepository(dsl);
  private final SlaPolicyRepository policies = new SlaPolicyRepository(dsl);
  private final BusinessCalendarRepository calendars = new BusinessCalendarRepository(dsl);
  private final JsonMapper json = JsonMapper.builder().build();
  private final SlaPolicyReader reader =
      new SlaPolicyReader(policies, calendars, tickets, new GroupRepository(dsl), json);
  private final TicketStoreActivitiesImpl store =
      new TicketStoreActivitiesImpl(
          tickets,
          new TicketEventRepository(dsl),
          jooq.transactions(),
          json,
          AssignerWakeUp.none(),
          reader);

  private final BusinessCalendar supportHours =
      BusinessCalendar.in("Europe/Berlin")
          .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "18:00")
          .holiday(LocalDate.of(2026, 12, 24))
          .build();

  private long acme;
  private long globex;
  private long supportHoursId;
  private long builtInId;

  @BeforeEach
  void setUp() {
    OrganizationRepository organizations = new OrganizationRepository(dsl);
    acme = organizations.insert("Acme", "acme.example").getId();
    globex = organizations.insert("Globex", "globex.example").getId();
    supportHoursId =
        calendars
            .insert(
                "Support hours",
                supportHours.zone(),
                json.writeValueAsString(supportHours.hours()),
                supportHours.holidays())
            .getId();
    builtInId = calendars.builtIn().getId();
  }

  private long policy(String name, Integer position, long calendar, String conditions) {
    return policies
        .insert(
            name,
            position,
            new Rules(
                calendar,
                conditions,
                "{\"HIGH\": {\"FIRST_RESPONSE\": \"PT1H\", \"NEXT_REPLY\": \"PT2H\"},"
                    + " \"NORMAL\": {\"FIRST_RESPONSE\": \"PT4H\"}}",
                "{\"RESOLUTION\": [\"CUSTOMER\"]}"))
        .getId();
  }

  private AppliedSla lookUp(Long organization, Priority priority, Channel channel, Long mailbox) {
    return store.lookUpSla(424242, new TicketFacts(organization, priority, channel, mailbox));
  }

  /** What lookUpSla's null means: the configured defaults (tempodesk.sla.*) round the clock. */
  private static final String CONFIGURED = "configured defaults";

  private static String name(AppliedSla applied) {
    return applied == null ? CONFIGURED : applied.policyName();
  }

  @Test
  void shouldApplyTheFirstPolicyByPositionWhoseConditionsHold() {
    long gold =
        policy(
            "Gold",
            1,
            supportHoursId,
            "{\"organizationIds\": [" + acme + "], \"priorities\": [\"HIGH\", \"URGENT\"]}");
    long silver = policy("Silver", 2, supportHoursId, "{\"organizationIds\": [" + acme + "]}");

    assertThat(name(lookUp(acme, Priority.HIGH, Channel.EMAIL, null))).isEqualTo("Gold");
    assertThat(name(lookUp(acme, Priority.NORMAL, Channel.EMAIL, null)))
        .as("priority condition fails: the next one")
        .isEqualTo("Silver");
    assertThat(name(lookUp(globex, Priority.HIGH, Channel.EMAIL, null)))
        .as("another organization: the seeded Default, last, which follows the configuration")
        .isEqualTo(CONFIGURED);
    assertThat(name(lookUp(null, Priority.URGENT, Channel.PORTAL, null)))
        .as("no organization meets no organization condition")
        .isEqualTo(CONFIGURED);

    long defaultId = policies.listInOrder().getLast().getId();
    assertThat(policies.reorder(List.of(silver, gold, defaultId))).isTrue();
    assertThat(name(lookUp(acme, Priority.HIGH, Channel.EMAIL, null)))
        .as("reordered: the broader policy first wins")
        .isEqualTo("Silver");
  }

  @Test
  void shouldMatchOnChannelAndOnTheMailboxTakenFromTheTicketRow() {
    long mailbox = mailbox("grant-support", "support@tempodesk.dev");
    long other = mailbox("grant-sales", "sales@tempodesk.dev");
    policy(
        "Support inbox",
        1,
        supportHoursId,
        "{\"channels\": [\"EMAIL\"], \"mailboxIds\": [" + mailbox + "]}");
    long number = ticketIn(mailbox);

    TicketFacts noMailbox = new TicketFacts(acme, Priority.NORMAL, Channel.EMAIL, null);
    assertThat(name(store.lookUpSla(number, noMailbox)))
        .as("the mailbox comes from the ticket's row")
        .isEqualTo("Support inbox");
    assertThat(
            name(
                store.lookUpSla(
                    number, new TicketFacts(acme, Priority.NORMAL, Channel.EMAIL, other))))
        .as("a mailbox given wins over the row's")
        .isEqualTo(CONFIGURED);
    assertThat(
            name(
                store.lookUpSla(
                    number, new TicketFacts(acme, Priority.NORMAL, Channel.PHONE, null))))
        .as("channel condition fails")
        .isEqualTo(CONFIGURED);
    assertThat(name(store.lookUpSla(number + 1000, noMailbox)))
        .as("no row, no mailbox: a mailbox condition does not hold")
        .isEqualTo(CONFIGURED);
  }

  @Test
  void shouldCopyThePolicysRulesAndCalendar() {
    long gold = policy("Gold", 1, supportHoursId, "{\"priorities\": [\"HIGH\"]}");

    AppliedSla applied = lookUp(globex, Priority.HIGH, Channel.PORTAL, null);

    assertThat(applied.policyId()).isEqualTo(gold);
    assertThat(applied.policyName()).isEqualTo("Gold");
    assertThat(applied.calendarId()).isEqualTo(supportHoursId);
    assertThat(applied.calendarName()).isEqualTo("Support hours");
    assertThat(applied.calendar()).isEqualTo(supportHours);
    assertThat(applied.rules().target(Priority.HIGH, SlaMetric.FIRST_RESPONSE))
        .contains(Duration.ofHours(1));
    assertThat(applied.rules().target(Priority.HIGH, SlaMetric.NEXT_REPLY))
        .contains(Duration.ofHours(2));
    assertThat(applied.rules().target(Priority.HIGH, SlaMetric.RESOLUTION)).isEmpty();
    assertThat(applied.rules().pauses(SlaMetric.RESOLUTION, PendingReason.CUSTOMER)).isTrue();
    assertThat(applied.rules().pauses(SlaMetric.RESOLUTION, PendingReason.THIRD_PARTY)).isFalse();
    assertThat(applied.rules().pauses(SlaMetric.FIRST_RESPONSE, PendingReason.THIRD_PARTY))
        .as("a metric left out is paused by every reason")
        .isTrue();
  }

  @Test
  void shouldApplyTheSeededDefaultAsAPolicyOnceAnAdminEditedIt() {
    SlaPoliciesRecord seeded = policies.listInOrder().getFirst();
    assertThat(lookUp(globex, Priority.LOW, Channel.PORTAL, null))
        .as("following the configuration: the workflow's configured defaults")
        .isNull();

    policies
        .update(
            seeded.getId(),
            "Default",
            new Rules(builtInId, "{}", "{\"LOW\": {\"FIRST_RESPONSE\": \"PT8H\"}}", "{}"))
        .orElseThrow();

    AppliedSla edited = lookUp(globex, Priority.LOW, Channel.PORTAL, null);
    assertThat(edited.policyId()).isEqualTo(seeded.getId());
    assertThat(edited.calendarId()).isEqualTo(builtInId);
    assertThat(edited.calendar()).isEqualTo(BusinessCalendar.alwaysOpen());
    assertThat(edited.rules().target(Priority.LOW, SlaMetric.FIRST_RESPONSE))
        .contains(Duration.ofHours(8));
  }

  @Test
  void shouldTravelWithTheTicketThroughItsRow() {
    policy("Gold", 1, supportHoursId, "{}");
    long number = ticketIn(null);
    TicketState ticket = TicketRows.toState(tickets.find(number).orElseThrow(), null);
    ticket.sla =
        store.lookUpSla(number, new TicketFacts(acme, Priority.HIGH, Channel.PORTAL, null));
    ticket.version = 2;

    tickets.writeProjection(TicketRows.toRow(ticket, Instant.now()));

    TicketState restored = TicketRows.toState(tickets.find(number).orElseThrow(), null);
    assertThat(restored.sla).isEqualTo(ticket.sla);
    assertThat(tickets.find(number).orElseThrow().getSlaCalendarId()).isEqualTo(supportHoursId);
  }

  @Test
  void shouldApplyTheDefaultPolicyOfTheTicketsGroupBeforeTheFirstMatch() {
    policy("Gold", 1, supportHoursId, "{\"organizationIds\": [" + acme + "]}");
    long billingHours = policy("Billing hours", 2, builtInId, "{\"channels\": [\"PHONE\"]}");
    GroupRepository groups = new GroupRepository(dsl);
    long billing =
        groups.insert(new GroupRepository.Fields("Billing", null, billingHours, 600)).getId();
    long network = groups.insert(new GroupRepository.Fields("Network", null, null, 600)).getId();
    long inBilling = ticketIn(null);
    long inNetwork = ticketIn(null);
    moveTo(inBilling, billing);
    moveTo(inNetwork, network);
    TicketFacts acmeByMail = new TicketFacts(acme, Priority.HIGH, Channel.EMAIL, null);

    assertThat(name(store.lookUpSla(inBilling, acmeByMail)))
        .as("the group's policy, although Gold comes first and Billing hours' condition fails")
        .isEqualTo("Billing hours");
    assertThat(name(store.lookUpSla(inNetwork, acmeByMail)))
        .as("a group without a default policy: the first match as before")
        .isEqualTo("Gold");
  }

  private void moveTo(long number, long groupId) {
    dsl.update(TICKETS).set(TICKETS.GROUP_ID, groupId).where(TICKETS.NUMBER.eq(number)).execute();
  }

  @Test
  void shouldFindNoneWhenNoPolicyMatches() {
    policy("Gold", 1, supportHoursId, "{\"organizationIds\": [" + acme + "]}");
    SlaPoliciesRecord seeded = policies.listInOrder().getLast();
    assertThat(policies.delete(seeded.getId())).isTrue();

    assertThat(lookUp(globex, Priority.HIGH, Channel.EMAIL, null)).isNull();
    assertThat(name(lookUp(acme, Priority.HIGH, Channel.EMAIL, null))).isEqualTo("Gold");
  }

  @Test
  void shouldFindNoneInARigWithoutPolicies() {
    TicketStoreActivitiesImpl rig =
        new TicketStoreActivitiesImpl(
            tickets, new TicketEventRepository(dsl), jooq.transactions(), json);

    assertThat(rig.lookUpSla(1, new TicketFacts(acme, Priority.HIGH, Channel.EMAIL, null)))
        .isNull();
  }

  private long mailbox(String grant, String email) {
    return dsl.insertInto(MAILBOXES)
        .set(MAILBOXES.GRANT_ID, grant)
        .set(MAILBOXES.EMAIL, email)
        .returning(MAILBOXES.ID)
        .fetchOne()
        .getId();
  }

  private long ticketIn(Long mailbox) {
    TicketState ticket = new TicketState();
    ticket.number = tickets.nextNumber();
    ticket.subject = "Printer on fire";
    ticket.status = TicketStatus.NEW;
    ticket.priority = Priority.NORMAL;
    ticket.reporterId =
        new ContactRepository(dsl).findOrCreate("carla@acme.example", "Carla", acme).getId();
    ticket.organizationId = acme;
    ticket.channel = Channel.EMAIL;
    ticket.createdAt = Instant.parse("2026-12-07T08:00:00Z");
    ticket.version = 1;
    tickets.insert(TicketRows.toRow(ticket, ticket.createdAt));
    if (mailbox != null) {
      dsl.update(TICKETS)
          .set(TICKETS.MAILBOX_ID, mailbox)
          .where(TICKETS.NUMBER.eq(ticket.number))
          .execute();
    }
    return ticket.number;
  }
}
