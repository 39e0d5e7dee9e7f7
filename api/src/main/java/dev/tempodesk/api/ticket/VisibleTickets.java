package dev.tempodesk.api.ticket;

import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.api.security.Role;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.db.group.GroupMembership;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.ticket.TicketAccess;
import dev.tempodesk.db.ticket.TicketFilter;
import dev.tempodesk.db.ticket.TicketRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who of the staff sees which tickets (issue 21; README "Groups and visibility"): admins every
 * ticket; managers every ticket, or with {@code TEMPODESK_MANAGERS_SEE_ALL=false} only their
 * groups' like agents; an agent the tickets of the groups they are a member of plus the tickets
 * assigned to them. A ticket someone may not see answers 404 as a missing one, as a customer's look
 * at someone else's ticket does, so its existence is not revealed. The rule itself is {@link
 * TicketAccess}.
 */
@Component
public class VisibleTickets {
  private final GroupMembership groups;
  private final TicketRepository tickets;
  private final CurrentActor current;
  private final boolean managersSeeAll;

  VisibleTickets(
      GroupMembership groups,
      TicketRepository tickets,
      CurrentActor current,
      @Value("${tempodesk.visibility.managers-see-all:true}") boolean managersSeeAll) {
    this.groups = groups;
    this.tickets = tickets;
    this.current = current;
    this.managersSeeAll = managersSeeAll;
  }

  /**
   * What this member of staff sees; their groups are read now, so a new membership counts at once.
   */
  public TicketAccess access(SignedInUser user) {
    if (user.kind() != SignedInUser.Kind.AGENT) {
      throw new IllegalArgumentException("Customers see tickets by the portal's rules");
    }
    if (user.role() == Role.ADMIN || (user.role() == Role.MANAGER && managersSeeAll)) {
      return TicketAccess.ALL;
    }
    return TicketAccess.agent(user.id(), groups.groupsOf(user.id()));
  }

  /** What the signed-in member of staff sees. */
  public TicketAccess access() {
    return access(current.required());
  }

  /**
   * The list's filter of the signed-in member of staff: {@code mine} is them, limited to theirs.
   */
  public TicketFilter filter(TicketListParams params) {
    SignedInUser user = current.required();
    return params.toFilter(user.id(), access(user));
  }

  /** Ticket #number if the signed-in member of staff may see it; otherwise 404 as if missing. */
  public TicketsRecord require(long number) {
    return require(current.required(), number);
  }

  /** Ticket #number if {@code user} may see it; otherwise 404 as if there were none. */
  public TicketsRecord require(SignedInUser user, long number) {
    TicketAccess access = access(user);
    return tickets
        .find(number)
        .filter(access::sees)
        .orElseThrow(() -> TicketRefusals.noSuchTicket(number));
  }

  /** Whether {@code user} may see ticket #number (false for a missing one). */
  public boolean sees(SignedInUser user, long number) {
    TicketAccess access = access(user);
    return tickets.find(number).filter(access::sees).isPresent();
  }
}
