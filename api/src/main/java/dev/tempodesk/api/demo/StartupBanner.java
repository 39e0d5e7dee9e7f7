package dev.tempodesk.api.demo;

import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.people.AgentRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the app where to find it and who the demo people are. */
@Component
class StartupBanner {
  private final Environment environment;
  private final TempodeskProperties properties;
  private final AgentRepository agents;

  StartupBanner(Environment environment, TempodeskProperties properties, AgentRepository agents) {
    this.environment = environment;
    this.properties = properties;
    this.agents = agents;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(100)
  void print() {
    String port = environment.getProperty("local.server.port", "8080");
    StringBuilder banner =
        new StringBuilder("\n  Tempodesk is running at http://localhost:" + port + "\n");
    banner
        .append("  API: http://localhost:")
        .append(port)
        .append("/api/tickets   OpenAPI: /v3/api-docs\n");
    if (properties.demo()) {
      banner
          .append("  Demo sign-ins (password '")
          .append(DemoLogins.PASSWORD)
          .append("'; demo mode only):\n");
      for (AgentsRecord agent : agents.listAll()) {
        if (agent.getEmail().endsWith("@" + DemoData.DOMAIN)) {
          banner.append("    %-24s %s%n".formatted(agent.getEmail(), agent.getRole()));
        }
      }
      for (String customer : DemoLogins.CUSTOMERS) {
        banner.append("    %-24s CUSTOMER (portal)%n".formatted(customer));
      }
    }
    System.out.println(banner);
  }
}
