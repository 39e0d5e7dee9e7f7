package dev.tempodesk.api.routing;

import dev.tempodesk.activities.routing.RoutingRule;
import dev.tempodesk.db.jooq.tables.records.RoutingRulesRecord;
import dev.tempodesk.db.routing.RoutingRuleRepository.RuleWithGroup;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** The JSON of {@code /api/routing-rules}. */
final class RoutingRuleDtos {
  private RoutingRuleDtos() {}

  @Schema(
      description =
          "A routing rule as written. Conditions left out (or null, or an empty keyword list) ask"
              + " nothing; every condition given must hold; a rule without conditions matches"
              + " every ticket. A refusal (422) names the field.")
  record RuleRequest(
      @Schema(example = "Billing mail") String name,
      @Schema(description = "Default true") Boolean enabled,
      @Schema(description = "The mailbox the mail came in through") Long mailboxId,
      @Schema(
              description = "An address the mail was sent to (To or Cc), compared as an address",
              example = "billing@acme.example")
          String recipient,
      @Schema(description = "The ticket's organization") Long organizationId,
      @Schema(
              description =
                  "Any of these words or phrases (whole words, case-insensitive) in the subject or"
                      + " the first message; at most 50, each at most 100 characters",
              example = "[\"invoice\", \"refund\"]")
          List<String> keywords,
      @Schema(description = "EMAIL, PORTAL, PHONE or AGENT") String channel,
      @Schema(description = "The group the ticket goes to (required)") Long groupId,
      @Schema(description = "LOW, NORMAL, HIGH or URGENT; null keeps the ticket's priority")
          String setPriority,
      @Schema(description = "Tags added to the ticket, normalized like ticket tags")
          List<String> addTags) {}

  @Schema(description = "A routing rule: the first enabled rule by position that matches wins")
  record RuleDto(
      long id,
      String name,
      int position,
      boolean enabled,
      Long mailboxId,
      String recipient,
      Long organizationId,
      List<String> keywords,
      String channel,
      long groupId,
      String groupName,
      String setPriority,
      List<String> addTags,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {

    static RuleDto from(RuleWithGroup row) {
      RoutingRulesRecord rule = row.rule();
      return new RuleDto(
          rule.getId(),
          rule.getName(),
          rule.getPosition(),
          Boolean.TRUE.equals(rule.getEnabled()),
          rule.getMailboxId(),
          rule.getRecipient(),
          rule.getOrganizationId(),
          rule.getKeywords() == null ? List.of() : Arrays.asList(rule.getKeywords()),
          rule.getChannel(),
          rule.getGroupId(),
          row.groupName(),
          rule.getSetPriority(),
          rule.getAddTags() == null ? List.of() : Arrays.asList(rule.getAddTags()),
          rule.getCreatedAt(),
          rule.getUpdatedAt());
    }

    RuleRequest asRequest() {
      return new RuleRequest(
          name,
          enabled,
          mailboxId,
          recipient,
          organizationId,
          keywords,
          channel,
          groupId,
          setPriority,
          addTags);
    }
  }

  @Schema(description = "Every rule's id, once each, in the order they should be tried")
  record OrderRequest(List<Long> ids) {}

  @Schema(description = "A new ticket's facts, to see which rule would route it")
  record TestRequest(
      Long mailboxId,
      @Schema(description = "Addresses the mail was sent to (To and Cc); display names allowed")
          List<String> recipients,
      Long organizationId,
      String subject,
      @Schema(description = "The first message's text") String text,
      @Schema(description = "EMAIL, PORTAL, PHONE or AGENT; default EMAIL") String channel) {}

  @Schema(description = "The rule that would route such a ticket; rule null: the default group")
  record TestResult(RuleDto rule, List<String> matched, String description) {
    static TestResult none(String defaultGroup) {
      return new TestResult(
          null, List.of(), "No rule matches: the ticket goes to the default group " + defaultGroup);
    }
  }

  static List<RoutingRule> rules(List<RuleWithGroup> rows) {
    return rows.stream().map(RoutingRule::of).toList();
  }
}
