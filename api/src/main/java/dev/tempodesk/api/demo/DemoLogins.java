package dev.tempodesk.api.demo;

import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.api.security.Passwords;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's sign-ins, only in the embedded demo mode: every demo agent and the two portal
 * customers get the password {@value #PASSWORD}. Also applied to a demo database seeded before
 * sign-in existed; never touches a password that is already set. The password policy ({@link
 * Passwords#problem}) is for passwords set through the API and the web app; these documented demo
 * logins of the embedded mode keep their short one.
 */
@Component
public class DemoLogins {
  public static final String PASSWORD = "demo";
  public static final List<String> CUSTOMERS = List.of("carla@acme.example", "gina@globex.example");

  private final TempodeskProperties properties;
  private final AgentRepository agents;
  private final ContactRepository contacts;
  private final Passwords passwords;

  DemoLogins(
      TempodeskProperties properties,
      AgentRepository agents,
      ContactRepository contacts,
      Passwords passwords) {
    this.properties = properties;
    this.agents = agents;
    this.contacts = contacts;
    this.passwords = passwords;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(11)
  public void ensure() {
    if (!properties.demo()) {
      return;
    }
    String hash = passwords.hashDemo(PASSWORD);
    agents.listAll().stream()
        .filter(agent -> agent.getEmail().endsWith("@" + DemoData.DOMAIN))
        .filter(agent -> agent.getPasswordHash() == null)
        .forEach(agent -> agents.setPasswordHash(agent.getId(), hash));
    for (String email : CUSTOMERS) {
      contacts
          .findByEmail(email)
          .filter(contact -> contact.getPasswordHash() == null)
          .ifPresent(contact -> contacts.setPortalAccess(contact.getId(), true, hash));
    }
  }
}
