package dev.tempodesk.activities.routing;

import dev.tempodesk.db.jooq.tables.records.RoutingRulesRecord;
import dev.tempodesk.db.routing.RoutingRuleRepository.RuleWithGroup;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.Priority;
import java.util.Arrays;
import java.util.List;

/**
 * A routing rule as {@link Routing} reads it: conditions (null, or no keywords, asks nothing) and
 * what it does to the ticket it matches.
 *
 * @param recipient a canonical address (lower case), compared with the mail's To and Cc
 * @param keywords words or phrases, any of which in the subject or the first message matches
 * @param setPriority null: the ticket keeps the priority it was opened with
 * @param addTags normalized tags added to the ticket
 */
public record RoutingRule(
    long id,
    String name,
    int position,
    boolean enabled,
    Long mailboxId,
    String recipient,
    Long organizationId,
    List<String> keywords,
    Channel channel,
    long groupId,
    String groupName,
    Priority setPriority,
    List<String> addTags) {

  public RoutingRule {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    addTags = addTags == null ? List.of() : List.copyOf(addTags);
  }

  public static RoutingRule of(RuleWithGroup row) {
    RoutingRulesRecord rule = row.rule();
    return new RoutingRule(
        rule.getId(),
        rule.getName(),
        rule.getPosition(),
        Boolean.TRUE.equals(rule.getEnabled()),
        rule.getMailboxId(),
        rule.getRecipient(),
        rule.getOrganizationId(),
        rule.getKeywords() == null ? List.of() : Arrays.asList(rule.getKeywords()),
        rule.getChannel() == null ? null : Channel.valueOf(rule.getChannel()),
        rule.getGroupId(),
        row.groupName(),
        rule.getSetPriority() == null ? null : Priority.valueOf(rule.getSetPriority()),
        rule.getAddTags() == null ? List.of() : Arrays.asList(rule.getAddTags()));
  }

  /** The group as the audit trail names groups: {@code Billing (#3)}. */
  public String groupLabel() {
    return groupName + " (#" + groupId + ")";
  }
}
