package dev.tempodesk.api.people;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.security.Passwords;
import dev.tempodesk.api.security.PersonSessions;
import dev.tempodesk.api.security.Role;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.api.ticket.TicketCommands;
import dev.tempodesk.api.ticket.TicketPatchRequest;
import dev.tempodesk.api.validation.Addresses;
import dev.tempodesk.api.validation.HeaderFields;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.ticket.TicketCursor;
import dev.tempodesk.db.ticket.TicketFilter;
import dev.tempodesk.db.ticket.TicketPage;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.db.ticket.TicketView;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.TicketStatus;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Adding and changing agents. Deactivating one hands their open tickets back to the assignment
 * queue through each ticket's workflow (unassigned, status NEW, with a comment), so none is lost.
 */
@Service
class AgentAdministration {
  private final AgentRepository agents;
  private final TicketRepository tickets;
  private final TicketCommands ticketCommands;
  private final Passwords passwords;
  private final PersonSessions sessions;
  private final ObjectProvider<AgentCapacityListener> capacityListeners;

  AgentAdministration(
      AgentRepository agents,
      TicketRepository tickets,
      TicketCommands ticketCommands,
      Passwords passwords,
      PersonSessions sessions,
      ObjectProvider<AgentCapacityListener> capacityListeners) {
    this.agents = agents;
    this.tickets = tickets;
    this.ticketCommands = ticketCommands;
    this.passwords = passwords;
    this.sessions = sessions;
    this.capacityListeners = capacityListeners;
  }

  AgentsRecord create(AgentRequests.Create request) {
    Role role = staffRole(request.role());
    String hash =
        request.password() == null ? null : passwords.hash("password", request.password());
    String[] skills = request.skills() == null ? null : Skills.normalize(request.skills());
    AgentsRecord agent;
    try {
      agent =
          agents.insert(
              Addresses.require("email", request.email()).address(),
              HeaderFields.require("displayName", request.displayName()).strip(),
              role.name(),
              request.capacity() == null ? 1 : request.capacity());
    } catch (DuplicateKeyException taken) {
      throw AddressTaken.of("email", request.email());
    }
    if (skills != null) {
      agents.setSkills(agent.getId(), skills);
    }
    if (Boolean.FALSE.equals(request.available())) {
      agent =
          agents.update(
              agent.getId(),
              agent.getEmail(),
              agent.getDisplayName(),
              agent.getRole(),
              agent.getCapacity(),
              false,
              true);
    }
    if (hash != null) {
      agents.setPasswordHash(agent.getId(), hash);
    }
    pokeAssigner(agent.getId());
    return agents.find(agent.getId()).orElseThrow();
  }

  AgentsRecord update(long id, AgentRequests.Patch patch, Actor admin) {
    AgentsRecord before =
        agents.find(id).orElseThrow(() -> new NotFoundException("There is no agent #" + id + "."));
    String role = patch.role() == null ? before.getRole() : staffRole(patch.role()).name();
    boolean active = patch.active() == null ? before.getActive() : patch.active();
    if ("ADMIN".equals(before.getRole())
        && before.getActive()
        && (!"ADMIN".equals(role) || !active)
        && activeAdmins() == 1) {
      throw FieldException.conflict(
          active ? "role" : "active",
          "Agent #" + id + " is the last active admin; make someone else admin first.");
    }
    String hash = patch.password() == null ? null : passwords.hash("password", patch.password());
    String[] skills = patch.skills() == null ? null : Skills.normalize(patch.skills());
    AgentsRecord after;
    try {
      after =
          agents.update(
              id,
              patch.email() == null
                  ? before.getEmail()
                  : Addresses.require("email", patch.email()).address(),
              patch.displayName() == null
                  ? before.getDisplayName()
                  : HeaderFields.require("displayName", patch.displayName()).strip(),
              role,
              patch.capacity() == null ? before.getCapacity() : patch.capacity(),
              patch.available() == null ? before.getAvailable() : patch.available(),
              active);
    } catch (DuplicateKeyException taken) {
      throw AddressTaken.of("email", patch.email());
    }
    if (skills != null) {
      agents.setSkills(id, skills);
    }
    sessions.addressChanged(before.getEmail(), after.getEmail());
    if (hash != null) {
      agents.setPasswordHash(id, hash);
      sessions.passwordChanged(SignedInUser.Kind.AGENT, id, after.getEmail());
    }
    if (!after.getActive()) {
      // Also on a repeated deactivation, so tickets left behind by an interrupted one move too.
      handBackOpenTickets(after, admin);
    }
    if (!Objects.equals(before.getCapacity(), after.getCapacity())
        || !Objects.equals(before.getAvailable(), after.getAvailable())
        || !Objects.equals(before.getActive(), after.getActive())
        // A new skill may let the agent take a ticket held for it.
        || (skills != null && !Arrays.equals(before.getSkills(), skills))) {
      pokeAssigner(id);
    }
    return agents.find(id).orElseThrow();
  }

  /**
   * The one place that tells auto-assignment an agent's capacity may have freed (agent added,
   * capacity raised, available again, reactivated).
   */
  private void pokeAssigner(long agentId) {
    capacityListeners.orderedStream().forEach(listener -> listener.agentCapacityChanged(agentId));
  }

  private void handBackOpenTickets(AgentsRecord agent, Actor admin) {
    TicketFilter theirs =
        new TicketFilter(Set.of(), Set.of(), agent.getId(), false, null, null, false);
    String comment =
        "%s (#%d) was deactivated by %s; the ticket goes back to the assignment queue."
            .formatted(agent.getDisplayName(), agent.getId(), admin.name());
    TicketCursor after = null;
    do {
      TicketPage page = tickets.list(theirs, after, 100);
      for (TicketView ticket : page.items()) {
        TicketPatchRequest unassign = new TicketPatchRequest();
        unassign.setComment(comment);
        unassign.setStatus(TicketStatus.NEW);
        unassign.setAssigneeId(null);
        ticketCommands.update(ticket.number(), unassign, Actor.SYSTEM);
      }
      after = page.next().orElse(null);
    } while (after != null);
  }

  private long activeAdmins() {
    return agents.listAll().stream()
        .filter(agent -> agent.getActive() && "ADMIN".equals(agent.getRole()))
        .count();
  }

  private static Role staffRole(Role role) {
    if (!role.isStaff()) {
      throw FieldException.invalid(
          "role", "Agents are ADMIN, MANAGER or AGENT; customers are contacts with portal access.");
    }
    return role;
  }
}
