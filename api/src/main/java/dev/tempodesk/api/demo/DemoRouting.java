package dev.tempodesk.api.demo;

import dev.tempodesk.db.jooq.tables.records.RoutingRulesRecord;
import dev.tempodesk.db.routing.RoutingRuleRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's routing rule: mail to {@value #ADDRESS} goes to the Billing group, tagged billing.
 * Seeded after the demo's tickets (which stay where they are), and only when a Billing group
 * exists.
 */
@Component
class DemoRouting {
  static final String ADDRESS = "billing@" + DemoData.DOMAIN;
  private static final Logger log = LoggerFactory.getLogger(DemoRouting.class);

  private final RoutingRuleRepository rules;

  DemoRouting(RoutingRuleRepository rules) {
    this.rules = rules;
  }

  void seed() {
    rules
        .groupNamed("Billing")
        .ifPresentOrElse(
            billing ->
                rules.insert(
                    new RoutingRulesRecord()
                        .setName("Billing mail")
                        .setEnabled(true)
                        .setRecipient(ADDRESS)
                        .setKeywords(new String[0])
                        .setGroupId(billing.id())
                        .setAddTags(new String[] {"billing"})),
            () -> log.info("No Billing group: the demo has no routing rule"));
  }
}
