package dev.tempodesk.api.security;

import dev.tempodesk.api.validation.Addresses;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Who may sign in: active agents with a password, and contacts with portal access and a password.
 * An address belongs to one person (V16); one that an agent and a contact shared before signs in as
 * the agent.
 */
@Component
class Accounts {
  private final AgentRepository agents;
  private final ContactRepository contacts;
  private final PasswordEncoder encoder;
  // Checked when the address is unknown, so a wrong address costs as long as a wrong password.
  private final String decoyHash;

  Accounts(AgentRepository agents, ContactRepository contacts, PasswordEncoder encoder) {
    this.agents = agents;
    this.contacts = contacts;
    this.encoder = encoder;
    this.decoyHash = encoder.encode("decoy password that matches nothing");
  }

  Optional<SignedInUser> verify(String email, String password) {
    String address = Addresses.lookupKey(email);
    Optional<AgentsRecord> agent = agents.findByEmail(address).filter(Accounts::canSignIn);
    if (agent.isPresent()) {
      return encoder.matches(password, agent.get().getPasswordHash())
          ? Optional.of(user(agent.get()))
          : Optional.empty();
    }
    Optional<ContactsRecord> contact = contacts.findByEmail(address).filter(Accounts::canSignIn);
    if (contact.isPresent()) {
      return encoder.matches(password, contact.get().getPasswordHash())
          ? Optional.of(user(contact.get()))
          : Optional.empty();
    }
    encoder.matches(password, decoyHash);
    return Optional.empty();
  }

  /** Whether the password is the signed-in person's current one. */
  boolean passwordMatches(SignedInUser user, String password) {
    String hash =
        switch (user.kind()) {
          case AGENT -> agents.find(user.id()).map(AgentsRecord::getPasswordHash).orElse(null);
          case CONTACT ->
              contacts.find(user.id()).map(ContactsRecord::getPasswordHash).orElse(null);
        };
    return encoder.matches(password, hash == null ? decoyHash : hash) && hash != null;
  }

  void setPasswordHash(SignedInUser user, String hash) {
    switch (user.kind()) {
      case AGENT -> agents.setPasswordHash(user.id(), hash);
      case CONTACT -> contacts.setPortalAccess(user.id(), true, hash);
    }
  }

  /** The same person as stored now, or empty if they may no longer sign in. */
  Optional<SignedInUser> current(SignedInUser user) {
    return switch (user.kind()) {
      case AGENT -> agent(user.id());
      case CONTACT -> contacts.find(user.id()).filter(Accounts::canSignIn).map(Accounts::user);
    };
  }

  /** The agent as stored now, or empty if they may no longer sign in (API tokens' owners). */
  Optional<SignedInUser> agent(long id) {
    return agents.find(id).filter(Accounts::canSignIn).map(Accounts::user);
  }

  private static boolean canSignIn(AgentsRecord agent) {
    return agent.getActive() && agent.getPasswordHash() != null;
  }

  private static boolean canSignIn(ContactsRecord contact) {
    return contact.getPortalAccess() && contact.getPasswordHash() != null;
  }

  private static SignedInUser user(AgentsRecord agent) {
    return SignedInUser.agent(agent);
  }

  private static SignedInUser user(ContactsRecord contact) {
    return new SignedInUser(
        contact.getId(),
        SignedInUser.Kind.CONTACT,
        Role.CUSTOMER,
        contact.getDisplayName(),
        contact.getEmail());
  }
}
