package dev.tempodesk.db.security;

import static dev.tempodesk.db.jooq.Tables.LOGIN_ALERTS;
import static dev.tempodesk.db.jooq.Tables.LOGIN_CLIENT_THROTTLE;
import static dev.tempodesk.db.jooq.Tables.LOGIN_THROTTLE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Failed sign-ins per (address, client) pair and per client, shared by every replica (V15). The
 * {@code lock…} methods take a row lock until the caller's transaction ends, so concurrent attempts
 * of one pair or one client are decided one after another and cannot slip past a limit together.
 */
@Repository
public class LoginThrottleRepository {
  private final DSLContext dsl;

  public LoginThrottleRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** How many failures, and when the last one was (meaningless while {@code failures} is 0). */
  public record Failures(int failures, Instant lastFailureAt) {
    public static final Failures NONE = new Failures(0, Instant.EPOCH);
  }

  /** Failures spread over clients for one address. */
  public record Spread(int clients, int failures) {}

  /** The pair's failures, its row locked (created empty if absent) for this transaction. */
  public Failures lockPair(String email, String client, Instant now) {
    dsl.insertInto(LOGIN_THROTTLE)
        .set(LOGIN_THROTTLE.EMAIL, email)
        .set(LOGIN_THROTTLE.CLIENT, client)
        .set(LOGIN_THROTTLE.LAST_FAILURE_AT, at(now))
        .onConflictDoNothing()
        .execute();
    var row =
        dsl.select(LOGIN_THROTTLE.FAILURES, LOGIN_THROTTLE.LAST_FAILURE_AT)
            .from(LOGIN_THROTTLE)
            .where(LOGIN_THROTTLE.EMAIL.eq(email), LOGIN_THROTTLE.CLIENT.eq(client))
            .forUpdate()
            .fetchOne();
    return new Failures(row.value1(), row.value2().toInstant());
  }

  public void setPair(String email, String client, int failures, Instant lastFailureAt) {
    dsl.update(LOGIN_THROTTLE)
        .set(LOGIN_THROTTLE.FAILURES, failures)
        .set(LOGIN_THROTTLE.LAST_FAILURE_AT, at(lastFailureAt))
        .where(LOGIN_THROTTLE.EMAIL.eq(email), LOGIN_THROTTLE.CLIENT.eq(client))
        .execute();
  }

  /** A successful sign-in: the pair's failures no longer count. */
  public void clearPair(String email, String client) {
    dsl.deleteFrom(LOGIN_THROTTLE)
        .where(LOGIN_THROTTLE.EMAIL.eq(email), LOGIN_THROTTLE.CLIENT.eq(client))
        .execute();
  }

  /** The client's failures, its row locked (created empty if absent) for this transaction. */
  public Failures lockClient(String client, Instant now) {
    dsl.insertInto(LOGIN_CLIENT_THROTTLE)
        .set(LOGIN_CLIENT_THROTTLE.CLIENT, client)
        .set(LOGIN_CLIENT_THROTTLE.LAST_FAILURE_AT, at(now))
        .onConflictDoNothing()
        .execute();
    var row =
        dsl.select(LOGIN_CLIENT_THROTTLE.FAILURES, LOGIN_CLIENT_THROTTLE.LAST_FAILURE_AT)
            .from(LOGIN_CLIENT_THROTTLE)
            .where(LOGIN_CLIENT_THROTTLE.CLIENT.eq(client))
            .forUpdate()
            .fetchOne();
    return new Failures(row.value1(), row.value2().toInstant());
  }

  public void setClient(String client, int failures, Instant lastFailureAt) {
    dsl.update(LOGIN_CLIENT_THROTTLE)
        .set(LOGIN_CLIENT_THROTTLE.FAILURES, failures)
        .set(LOGIN_CLIENT_THROTTLE.LAST_FAILURE_AT, at(lastFailureAt))
        .where(LOGIN_CLIENT_THROTTLE.CLIENT.eq(client))
        .execute();
  }

  /** From how many clients, and how often in all, the address failed since a moment. */
  public Spread spreadOf(String email, Instant since) {
    var row =
        dsl.select(DSL.count(), DSL.coalesce(DSL.sum(LOGIN_THROTTLE.FAILURES), DSL.inline(0)))
            .from(LOGIN_THROTTLE)
            .where(
                LOGIN_THROTTLE.EMAIL.eq(email),
                LOGIN_THROTTLE.FAILURES.gt(0),
                LOGIN_THROTTLE.LAST_FAILURE_AT.ge(at(since)))
            .fetchOne();
    return new Spread(row.value1(), row.value2().intValue());
  }

  /**
   * Records an alert about the address unless one was recorded since {@code since}; true when this
   * call recorded it (so exactly one replica tells the admins).
   */
  public boolean claimAlert(String email, Instant now, Instant since) {
    return dsl.insertInto(LOGIN_ALERTS)
            .set(LOGIN_ALERTS.EMAIL, email)
            .set(LOGIN_ALERTS.ALERTED_AT, at(now))
            .onConflict(LOGIN_ALERTS.EMAIL)
            .doUpdate()
            .set(LOGIN_ALERTS.ALERTED_AT, at(now))
            .where(LOGIN_ALERTS.ALERTED_AT.lt(at(since)))
            .execute()
        == 1;
  }

  /** Forgets failures (and alerts) older than the cutoff; answers how many rows went. */
  public int forgetOlderThan(Instant cutoff) {
    return dsl.deleteFrom(LOGIN_THROTTLE)
            .where(LOGIN_THROTTLE.LAST_FAILURE_AT.lt(at(cutoff)))
            .execute()
        + dsl.deleteFrom(LOGIN_CLIENT_THROTTLE)
            .where(LOGIN_CLIENT_THROTTLE.LAST_FAILURE_AT.lt(at(cutoff)))
            .execute()
        + dsl.deleteFrom(LOGIN_ALERTS).where(LOGIN_ALERTS.ALERTED_AT.lt(at(cutoff))).execute();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
