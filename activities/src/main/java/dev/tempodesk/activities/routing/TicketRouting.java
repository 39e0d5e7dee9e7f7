package dev.tempodesk.activities.routing;

import dev.tempodesk.activities.ticket.NewTicket;
import dev.tempodesk.db.routing.RoutingRuleRepository;
import dev.tempodesk.db.routing.RoutingRuleRepository.GroupName;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Routes a ticket about to be opened by the rules as they are in Postgres at that moment (one small
 * query per new ticket, no cache to invalidate): an admin's change applies to the next ticket.
 */
@Component
public class TicketRouting {
  private final RoutingRuleRepository rules;

  @Autowired
  public TicketRouting(RoutingRuleRepository rules) {
    this.rules = rules;
  }

  private TicketRouting() {
    this.rules = null;
  }

  /** Routes nothing: every ticket stays in the default group (rigs that test other things). */
  public static TicketRouting none() {
    return new TicketRouting();
  }

  /** The first enabled rule the ticket matches, if any. */
  public Optional<Routing.Match> route(NewTicket ticket) {
    if (rules == null) {
      return Optional.empty();
    }
    List<RoutingRule> enabled = rules.enabledInOrder().stream().map(RoutingRule::of).toList();
    if (enabled.isEmpty()) {
      return Optional.empty();
    }
    return Routing.firstMatch(enabled, RoutingFacts.of(ticket));
  }

  /** The default group as the audit trail names it, {@code Support (#1)}. */
  public String defaultGroupLabel() {
    if (rules == null) {
      return null;
    }
    GroupName group = rules.defaultGroup();
    return group == null ? null : group.name() + " (#" + group.id() + ")";
  }
}
