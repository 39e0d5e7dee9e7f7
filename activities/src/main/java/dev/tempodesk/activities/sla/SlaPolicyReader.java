package dev.tempodesk.activities.sla;

import dev.tempodesk.db.calendar.BusinessCalendarRepository;
import dev.tempodesk.db.group.GroupRepository;
import dev.tempodesk.db.jooq.tables.records.BusinessCalendarsRecord;
import dev.tempodesk.db.jooq.tables.records.SlaPoliciesRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.sla.SlaPolicyRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.calendar.BusinessCalendar;
import dev.tempodesk.workflows.calendar.TimeRange;
import dev.tempodesk.workflows.ticket.AppliedSla;
import dev.tempodesk.workflows.ticket.SlaPolicyRules;
import dev.tempodesk.workflows.ticket.SlaPolicyRules.TicketFacts;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads SLA policies and business calendars from their rows (V24, V25) as the values workflow code
 * computes with, {@link SlaPolicyRules} and {@link BusinessCalendar}: the one place that knows the
 * stored JSON's shape on the way in. Stored rules are checked again as they are read, so a row
 * changed behind the API's back fails loudly instead of timing clocks wrongly.
 */
@Component
public class SlaPolicyReader {
  private static final TypeReference<Map<String, Map<String, String>>> TARGETS =
      new TypeReference<>() {};
  private static final TypeReference<Map<String, List<String>>> PAUSES = new TypeReference<>() {};
  private static final TypeReference<Map<DayOfWeek, List<TimeRange>>> HOURS =
      new TypeReference<>() {};

  /** The stored {@code conditions} object; a list left out asks nothing. */
  record StoredConditions(
      List<Long> organizationIds,
      List<String> priorities,
      List<String> channels,
      List<Long> mailboxIds) {}

  private final SlaPolicyRepository policies;
  private final BusinessCalendarRepository calendars;
  private final TicketRepository tickets;
  private final GroupRepository groups;
  private final JsonMapper json;

  public SlaPolicyReader(
      SlaPolicyRepository policies,
      BusinessCalendarRepository calendars,
      TicketRepository tickets,
      GroupRepository groups,
      JsonMapper json) {
    this.policies = policies;
    this.calendars = calendars;
    this.tickets = tickets;
    this.groups = groups;
    this.json = json;
  }

  /** Every policy, in the order they are tried. */
  public List<SlaPolicyRules> all() {
    return policies.listInOrder().stream().map(this::policy).toList();
  }

  /** The row of the policy governing a ticket with these facts: the first by position to match. */
  public Optional<SlaPoliciesRecord> match(TicketFacts ticket) {
    Map<Integer, SlaPoliciesRecord> byPosition = new LinkedHashMap<>();
    policies.listInOrder().forEach(row -> byPosition.put(row.getPosition(), row));
    List<SlaPolicyRules> values = byPosition.values().stream().map(this::policy).toList();
    return SlaPolicyRules.firstMatch(values, ticket)
        .map(policy -> byPosition.get(policy.position()));
  }

  /**
   * The policy governing ticket {@code ticketNumber}, with a copy of its rules and calendar, or
   * null when the configured defaults apply: when none matches, and when the first match is the
   * seeded Default while it follows the configuration (V31), whose targets are the configured ones
   * round the clock by construction. So until an admin edits it, tickets it governs run exactly as
   * before policies (the workflow's own copy of {@code tempodesk.sla.*}, no policy event). A null
   * mailbox in {@code facts} is taken from the ticket's row, when there is one. A ticket whose
   * group has a default SLA policy (issue 21) gets that one, whatever the conditions say.
   */
  public AppliedSla lookUp(long ticketNumber, TicketFacts facts) {
    TicketFacts complete = facts;
    if (facts.mailboxId() == null) {
      Long mailboxId = tickets.find(ticketNumber).map(TicketsRecord::getMailboxId).orElse(null);
      complete =
          new TicketFacts(facts.organizationId(), facts.priority(), facts.channel(), mailboxId);
    }
    TicketFacts matched = complete;
    Optional<SlaPoliciesRecord> row =
        groups
            .defaultSlaPolicyOfTicket(ticketNumber)
            .flatMap(policies::find)
            .or(() -> match(matched));
    if (row.isEmpty() || row.get().getFollowsConfiguration()) {
      return null;
    }
    SlaPoliciesRecord policy = row.get();
    BusinessCalendarsRecord calendar = calendars.find(policy.getCalendarId()).orElseThrow();
    return new AppliedSla(
        policy.getId(),
        policy.getName(),
        calendar.getId(),
        calendar.getName(),
        policy(policy),
        calendar(calendar));
  }

  /** A stored policy as the value; throws {@code InvalidPolicyException} if it breaks a rule. */
  public SlaPolicyRules policy(SlaPoliciesRecord row) {
    StoredConditions conditions =
        json.readValue(row.getConditions().data(), StoredConditions.class);
    return SlaPolicyRules.parse(
        row.getName(),
        row.getPosition(),
        row.getCalendarId(),
        conditions.organizationIds(),
        conditions.priorities(),
        conditions.channels(),
        conditions.mailboxIds(),
        json.readValue(row.getTargets().data(), TARGETS),
        json.readValue(row.getPauses().data(), PAUSES));
  }

  /**
   * A stored calendar as the value; throws {@code InvalidCalendarException} if it breaks a rule.
   */
  public BusinessCalendar calendar(BusinessCalendarsRecord row) {
    return new BusinessCalendar(
        row.getZone(),
        json.readValue(row.getHours().data(), HOURS),
        Arrays.asList(row.getHolidays()));
  }
}
