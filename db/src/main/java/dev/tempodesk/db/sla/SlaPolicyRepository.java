package dev.tempodesk.db.sla;

import static dev.tempodesk.db.jooq.Tables.SLA_POLICIES;

import dev.tempodesk.db.jooq.tables.records.SlaPoliciesRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * SLA policies (V25), kept in order: positions run 1..n without gaps, the first policy whose
 * conditions a ticket meets governs it. Conditions, targets and pause rules are stored as the JSON
 * the API shows; checking them is {@code SlaPolicyRules}'s job. Writes that move positions lock the
 * table, so concurrent ones queue rather than collide.
 */
@Repository
public class SlaPolicyRepository {
  private final DSLContext dsl;

  public SlaPolicyRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The JSON parts of a policy, as the API spells them. */
  public record Rules(long calendarId, String conditions, String targets, String pauses) {}

  public List<SlaPoliciesRecord> listInOrder() {
    return dsl.selectFrom(SLA_POLICIES).orderBy(SLA_POLICIES.POSITION).fetch();
  }

  public Optional<SlaPoliciesRecord> find(long id) {
    return dsl.selectFrom(SLA_POLICIES).where(SLA_POLICIES.ID.eq(id)).fetchOptional();
  }

  /** Names of the policies counting time in this calendar, in order. */
  public List<String> namesUsingCalendar(long calendarId) {
    return dsl.select(SLA_POLICIES.NAME)
        .from(SLA_POLICIES)
        .where(SLA_POLICIES.CALENDAR_ID.eq(calendarId))
        .orderBy(SLA_POLICIES.POSITION)
        .fetch(SLA_POLICIES.NAME);
  }

  /**
   * Inserts a policy at {@code position} (kept within 1..n+1; null puts it first), moving the later
   * ones down. Throws Spring's {@code DuplicateKeyException} when the name is taken.
   */
  public SlaPoliciesRecord insert(String name, Integer position, Rules rules) {
    return dsl.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          lock(t);
          int count = t.fetchCount(SLA_POLICIES);
          int at = position == null ? 1 : Math.clamp(position, 1, count + 1);
          t.update(SLA_POLICIES)
              .set(SLA_POLICIES.POSITION, SLA_POLICIES.POSITION.plus(1))
              .where(SLA_POLICIES.POSITION.ge(at))
              .execute();
          return t.insertInto(SLA_POLICIES)
              .set(SLA_POLICIES.NAME, name)
              .set(SLA_POLICIES.POSITION, at)
              .set(SLA_POLICIES.CALENDAR_ID, rules.calendarId())
              .set(SLA_POLICIES.CONDITIONS, JSONB.valueOf(rules.conditions()))
              .set(SLA_POLICIES.TARGETS, JSONB.valueOf(rules.targets()))
              .set(SLA_POLICIES.PAUSES, JSONB.valueOf(rules.pauses()))
              .returning()
              .fetchOne();
        });
  }

  /**
   * Replaces a policy's name and rules, keeping its position; empty if there is none. The policy is
   * the admin's from then on: it no longer follows the configuration. Throws Spring's {@code
   * DuplicateKeyException} when the name is taken.
   */
  public Optional<SlaPoliciesRecord> update(long id, String name, Rules rules) {
    return dsl.update(SLA_POLICIES)
        .set(SLA_POLICIES.NAME, name)
        .set(SLA_POLICIES.CALENDAR_ID, rules.calendarId())
        .set(SLA_POLICIES.CONDITIONS, JSONB.valueOf(rules.conditions()))
        .set(SLA_POLICIES.TARGETS, JSONB.valueOf(rules.targets()))
        .set(SLA_POLICIES.PAUSES, JSONB.valueOf(rules.pauses()))
        .set(SLA_POLICIES.FOLLOWS_CONFIGURATION, false)
        .set(SLA_POLICIES.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(SLA_POLICIES.ID.eq(id))
        .returning()
        .fetchOptional();
  }

  /**
   * Writes the configured targets (as the API spells them) into the seeded policy while it follows
   * the configuration (V31), leaving its edit time alone: it stays never edited.
   *
   * @return the policy written, empty when none follows the configuration any more
   */
  public Optional<SlaPoliciesRecord> followConfiguration(String targets) {
    return dsl.update(SLA_POLICIES)
        .set(SLA_POLICIES.TARGETS, JSONB.valueOf(targets))
        .where(SLA_POLICIES.FOLLOWS_CONFIGURATION)
        .returning()
        .fetchOptional();
  }

  /** Deletes a policy and closes the gap it leaves; false if there is none. */
  public boolean delete(long id) {
    return dsl.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          lock(t);
          Integer position =
              t.deleteFrom(SLA_POLICIES)
                  .where(SLA_POLICIES.ID.eq(id))
                  .returning(SLA_POLICIES.POSITION)
                  .fetchOptional(SLA_POLICIES.POSITION)
                  .orElse(null);
          if (position == null) {
            return false;
          }
          t.update(SLA_POLICIES)
              .set(SLA_POLICIES.POSITION, SLA_POLICIES.POSITION.minus(1))
              .where(SLA_POLICIES.POSITION.gt(position))
              .execute();
          return true;
        });
  }

  /**
   * Puts the policies in this order (positions 1..n). False, changing nothing, unless the ids are
   * exactly those of all policies, each once.
   */
  public boolean reorder(List<Long> ids) {
    return dsl.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          lock(t);
          List<Long> existing = t.select(SLA_POLICIES.ID).from(SLA_POLICIES).fetch(SLA_POLICIES.ID);
          if (ids.size() != existing.size()
              || ids.stream().distinct().count() != ids.size()
              || !existing.containsAll(ids)) {
            return false;
          }
          for (int i = 0; i < ids.size(); i++) {
            t.update(SLA_POLICIES)
                .set(SLA_POLICIES.POSITION, -(i + 1))
                .where(SLA_POLICIES.ID.eq(ids.get(i)))
                .execute();
          }
          t.update(SLA_POLICIES).set(SLA_POLICIES.POSITION, SLA_POLICIES.POSITION.neg()).execute();
          return true;
        });
  }

  private static void lock(DSLContext t) {
    t.execute("lock table sla_policies in share row exclusive mode");
  }
}
