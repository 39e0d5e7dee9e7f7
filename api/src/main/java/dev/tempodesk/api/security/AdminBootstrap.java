package dev.tempodesk.api.security;

import dev.tempodesk.api.config.InvalidSettingException;
import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.workflows.mail.MailAddresses;
import dev.tempodesk.workflows.mail.ParsedAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin from {@code TEMPODESK_ADMIN_EMAIL} and {@code TEMPODESK_ADMIN_PASSWORD}
 * when no admin can sign in. There is no default password: without the variables a production
 * install has no admin until they are set.
 */
@Component
class AdminBootstrap {
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final SecuritySettings.Admin admin;
  private final TempodeskProperties properties;
  private final AgentRepository agents;
  private final Passwords passwords;
  private final ContactRepository contacts;
  private final PersonSessions sessions;

  AdminBootstrap(
      SecuritySettings.Admin admin,
      TempodeskProperties properties,
      AgentRepository agents,
      ContactRepository contacts,
      Passwords passwords,
      PersonSessions sessions) {
    this.admin = admin;
    this.properties = properties;
    this.agents = agents;
    this.passwords = passwords;
    this.contacts = contacts;
    this.sessions = sessions;
    if (admin.given()) {
      // Fail at start-up, naming the variable, rather than at the first sign-in.
      ParsedAddress email = MailAddresses.parse(admin.email());
      if (!email.isValid()) {
        throw new InvalidSettingException(
            "TEMPODESK_ADMIN_EMAIL",
            "is not an email address (" + email.problem() + "): " + admin.email());
      }
      Passwords.problem(admin.password())
          .ifPresent(
              problem -> {
                throw new InvalidSettingException("TEMPODESK_ADMIN_PASSWORD", problem);
              });
    }
  }

  // After the demo people (order 10), so that the demo's admin counts as an existing admin.
  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  void createFirstAdmin() {
    if (agents.hasAdminWhoCanSignIn()) {
      return;
    }
    if (!admin.given()) {
      if (!properties.demo()) {
        log.warn(
            "No admin can sign in. Set TEMPODESK_ADMIN_EMAIL and TEMPODESK_ADMIN_PASSWORD to"
                + " create the first admin at start-up.");
      }
      return;
    }
    String email = MailAddresses.parse(admin.email()).orElseThrow().address();
    String name = admin.name() == null || admin.name().isBlank() ? "Administrator" : admin.name();
    String hash = passwords.hash("TEMPODESK_ADMIN_PASSWORD", admin.password());
    Optional<AgentsRecord> existing = agents.findByEmail(email);
    AgentsRecord agent;
    if (existing.isPresent()) {
      AgentsRecord a = existing.get();
      agent =
          agents.update(
              a.getId(),
              email,
              a.getDisplayName(),
              "ADMIN",
              a.getCapacity(),
              a.getAvailable(),
              true);
    } else if (contacts.findByEmail(email).isPresent()) {
      log.error(
          "TEMPODESK_ADMIN_EMAIL {} is a customer's (contact's) address, and an address belongs to"
              + " one person; no admin was created. Choose another address.",
          email);
      return;
    } else {
      try {
        agent = agents.insert(email, name, "ADMIN", 1);
      } catch (DuplicateKeyException anotherReplicaOrAContactWasFaster) {
        return;
      }
    }
    agents.setPasswordHash(agent.getId(), hash);
    sessions.passwordChanged(SignedInUser.Kind.AGENT, agent.getId(), email);
    log.info("Created the first admin {} from TEMPODESK_ADMIN_EMAIL", email);
  }
}
