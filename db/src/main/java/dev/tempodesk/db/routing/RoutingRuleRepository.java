package dev.tempodesk.db.routing;

import static dev.tempodesk.db.jooq.Tables.GROUPS;
import static dev.tempodesk.db.jooq.Tables.MAILBOXES;
import static dev.tempodesk.db.jooq.Tables.ORGANIZATIONS;
import static dev.tempodesk.db.jooq.Tables.ROUTING_RULES;

import dev.tempodesk.db.jooq.tables.records.RoutingRulesRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Routing rules (V44): an ordered list, the first enabled rule whose conditions a new ticket meets
 * sends it to its group. Writes that touch positions lock the table, so two admins adding rules at
 * once each get a position of their own.
 */
@Repository
public class RoutingRuleRepository {
  private final DSLContext dsl;

  public RoutingRuleRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A rule with the name of the group it sends tickets to. */
  public record RuleWithGroup(RoutingRulesRecord rule, String groupName) {}

  /** A group: the default one, or one a rule names. */
  public record GroupName(long id, String name) {}

  /** Every rule, in the order they are tried. */
  public List<RuleWithGroup> listInOrder() {
    return withGroups().orderBy(ROUTING_RULES.POSITION).fetch(RoutingRuleRepository::withGroup);
  }

  /** The enabled rules, in the order they are tried: what a new ticket is routed by. */
  public List<RuleWithGroup> enabledInOrder() {
    return withGroups()
        .where(ROUTING_RULES.ENABLED)
        .orderBy(ROUTING_RULES.POSITION)
        .fetch(RoutingRuleRepository::withGroup);
  }

  public Optional<RuleWithGroup> find(long id) {
    return withGroups()
        .where(ROUTING_RULES.ID.eq(id))
        .fetchOptional(RoutingRuleRepository::withGroup);
  }

  /** The group a ticket no rule routes lands in. */
  public GroupName defaultGroup() {
    return dsl.select(GROUPS.ID, GROUPS.NAME)
        .from(GROUPS)
        .where(GROUPS.IS_DEFAULT)
        .fetchOne(r -> new GroupName(r.value1(), r.value2()));
  }

  public Optional<GroupName> group(long id) {
    return dsl.select(GROUPS.ID, GROUPS.NAME)
        .from(GROUPS)
        .where(GROUPS.ID.eq(id))
        .fetchOptional(r -> new GroupName(r.value1(), r.value2()));
  }

  /** The group of this name (case-insensitive), if there is one. */
  public Optional<GroupName> groupNamed(String name) {
    return dsl.select(GROUPS.ID, GROUPS.NAME)
        .from(GROUPS)
        .where(DSL.lower(GROUPS.NAME).eq(DSL.lower(DSL.val(name))))
        .fetchOptional(r -> new GroupName(r.value1(), r.value2()));
  }

  public boolean mailboxExists(long id) {
    return dsl.fetchExists(MAILBOXES, MAILBOXES.ID.eq(id));
  }

  public boolean organizationExists(long id) {
    return dsl.fetchExists(ORGANIZATIONS, ORGANIZATIONS.ID.eq(id));
  }

  /**
   * Adds {@code rule} (every field but id, position and timestamps) after the last rule.
   *
   * @return the stored rule
   */
  public RoutingRulesRecord insert(RoutingRulesRecord rule) {
    return dsl.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          lock(t);
          int last =
              t.select(DSL.coalesce(DSL.max(ROUTING_RULES.POSITION), 0))
                  .from(ROUTING_RULES)
                  .fetchOne(0, Integer.class);
          RoutingRulesRecord row = t.newRecord(ROUTING_RULES);
          copyWritable(rule, row);
          row.setPosition(last + 1);
          row.store();
          row.refresh();
          return row;
        });
  }

  /** Replaces a rule's name, switch, conditions and actions, keeping its position. */
  public Optional<RoutingRulesRecord> update(long id, RoutingRulesRecord rule) {
    return dsl.update(ROUTING_RULES)
        .set(ROUTING_RULES.NAME, rule.getName())
        .set(ROUTING_RULES.ENABLED, rule.getEnabled())
        .set(ROUTING_RULES.MAILBOX_ID, rule.getMailboxId())
        .set(ROUTING_RULES.RECIPIENT, rule.getRecipient())
        .set(ROUTING_RULES.ORGANIZATION_ID, rule.getOrganizationId())
        .set(ROUTING_RULES.KEYWORDS, rule.getKeywords())
        .set(ROUTING_RULES.CHANNEL, rule.getChannel())
        .set(ROUTING_RULES.GROUP_ID, rule.getGroupId())
        .set(ROUTING_RULES.SET_PRIORITY, rule.getSetPriority())
        .set(ROUTING_RULES.ADD_TAGS, rule.getAddTags())
        .set(ROUTING_RULES.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(ROUTING_RULES.ID.eq(id))
        .returning()
        .fetchOptional();
  }

  public boolean delete(long id) {
    return dsl.deleteFrom(ROUTING_RULES).where(ROUTING_RULES.ID.eq(id)).execute() == 1;
  }

  /**
   * Puts the rules in the order of {@code ids} (positions 1, 2, …); false, changing nothing, unless
   * {@code ids} names every rule exactly once.
   */
  public boolean reorder(List<Long> ids) {
    return dsl.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          lock(t);
          List<Long> existing =
              t.select(ROUTING_RULES.ID).from(ROUTING_RULES).fetch(ROUTING_RULES.ID);
          if (ids.size() != existing.size()
              || ids.stream().distinct().count() != ids.size()
              || !existing.containsAll(ids)) {
            return false;
          }
          // Positions are unique and deferrable: checked once, at commit.
          t.execute("set constraints routing_rules_position_unique deferred");
          for (int i = 0; i < ids.size(); i++) {
            t.update(ROUTING_RULES)
                .set(ROUTING_RULES.POSITION, i + 1)
                .where(ROUTING_RULES.ID.eq(ids.get(i)))
                .execute();
          }
          return true;
        });
  }

  private SelectOnConditionStep<Record> withGroups() {
    return dsl.select(ROUTING_RULES.asterisk(), GROUPS.NAME)
        .from(ROUTING_RULES)
        .join(GROUPS)
        .on(GROUPS.ID.eq(ROUTING_RULES.GROUP_ID));
  }

  private static RuleWithGroup withGroup(Record record) {
    return new RuleWithGroup(record.into(ROUTING_RULES), record.get(GROUPS.NAME));
  }

  private static void copyWritable(RoutingRulesRecord from, RoutingRulesRecord to) {
    to.setName(from.getName());
    to.setEnabled(from.getEnabled());
    to.setMailboxId(from.getMailboxId());
    to.setRecipient(from.getRecipient());
    to.setOrganizationId(from.getOrganizationId());
    to.setKeywords(from.getKeywords());
    to.setChannel(from.getChannel());
    to.setGroupId(from.getGroupId());
    to.setSetPriority(from.getSetPriority());
    to.setAddTags(from.getAddTags());
  }

  private static void lock(DSLContext t) {
    t.execute("lock table routing_rules in share row exclusive mode");
  }
}
