package dev.tempodesk.api;

import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/** People who can sign in, created straight in the database of a running test app. */
public final class TestAccounts {
  public static final String PASSWORD = "correct horse battery";

  private final AgentRepository agents;
  private final ContactRepository contacts;
  private final PasswordEncoder encoder;
  private final String hash;

  private TestAccounts(ApplicationContext app) {
    this.agents = app.getBean(AgentRepository.class);
    this.contacts = app.getBean(ContactRepository.class);
    this.encoder = app.getBean(PasswordEncoder.class);
    this.hash = encoder.encode(PASSWORD);
  }

  public static TestAccounts of(ApplicationContext app) {
    return new TestAccounts(app);
  }

  /** A new agent with a unique address, role ADMIN, MANAGER or AGENT, and {@link #PASSWORD}. */
  public AgentsRecord agent(String role) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    AgentsRecord agent =
        agents.insert(
            role.toLowerCase() + "-" + unique + "@example.com",
            role.charAt(0) + role.substring(1).toLowerCase() + " " + unique,
            role,
            3);
    agents.setPasswordHash(agent.getId(), hash);
    return agents.find(agent.getId()).orElseThrow();
  }

  /** A new contact with portal access and {@link #PASSWORD}. */
  public ContactsRecord customer(Long organizationId) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    ContactsRecord contact =
        contacts.findOrCreate(
            "customer-" + unique + "@example.com", "Customer " + unique, organizationId);
    return contacts.setPortalAccess(contact.getId(), true, hash);
  }

  public static HttpApi signIn(int port, String email) {
    return HttpApi.signedInAs(port, email, PASSWORD);
  }
}
