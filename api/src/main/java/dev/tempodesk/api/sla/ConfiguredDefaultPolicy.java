package dev.tempodesk.api.sla;

import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.db.calendar.BusinessCalendarRepository;
import dev.tempodesk.db.sla.SlaPolicyRepository;
import dev.tempodesk.workflows.ticket.SlaPolicyRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Keeps the seeded "Default" SLA policy on the configured targets ({@code tempodesk.sla.*}) while
 * no admin has edited it (V31 {@code follows_configuration}): at start-up, before the workers take
 * tickets, its targets become the configured ones. So a deployment's configuration governs every
 * ticket no other policy matches, as it did before policies, and the policies page shows what
 * applies. Once an admin edits the policy it is theirs and the configuration no longer touches it.
 * Live tickets keep the copy they took, as they kept their targets across restarts before.
 */
@Component
class ConfiguredDefaultPolicy implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(ConfiguredDefaultPolicy.class);

  private final SlaPolicyRepository repository;
  private final BusinessCalendarRepository calendars;
  private final SlaPolicies policies;
  private final TempodeskProperties properties;

  ConfiguredDefaultPolicy(
      SlaPolicyRepository repository,
      BusinessCalendarRepository calendars,
      SlaPolicies policies,
      TempodeskProperties properties) {
    this.repository = repository;
    this.calendars = calendars;
    this.policies = policies;
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() {
    SlaPolicyRules configured =
        SlaPolicyRules.of("Default", 1, calendars.builtIn().getId(), properties.sla());
    repository
        .followConfiguration(policies.rules(configured).targets())
        .ifPresent(
            policy ->
                log.info(
                    "SLA policy \"{}\" follows the configured targets (tempodesk.sla)",
                    policy.getName()));
  }
}
