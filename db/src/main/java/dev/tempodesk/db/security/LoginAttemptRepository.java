package dev.tempodesk.db.security;

import static dev.tempodesk.db.jooq.Tables.LOGIN_ATTEMPTS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Login attempts, shared by every replica. An attempt is recorded before its password is checked
 * (outcome PENDING), so concurrent guesses see each other and cannot slip past the limit together.
 */
@Repository
public class LoginAttemptRepository {
  private final DSLContext dsl;

  public LoginAttemptRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Counted attempts since a moment: failed ones and ones still being checked. */
  public record Counted(int count, Optional<Instant> oldest) {}

  public long begin(String email, String clientIp, Instant at) {
    return dsl.insertInto(LOGIN_ATTEMPTS)
        .set(LOGIN_ATTEMPTS.EMAIL, email)
        .set(LOGIN_ATTEMPTS.CLIENT_IP, clientIp)
        .set(LOGIN_ATTEMPTS.ATTEMPTED_AT, at.atOffset(ZoneOffset.UTC))
        .returning(LOGIN_ATTEMPTS.ID)
        .fetchOne(LOGIN_ATTEMPTS.ID);
  }

  public Counted countByEmail(String email, Instant since) {
    return counted(LOGIN_ATTEMPTS.EMAIL.eq(email), since);
  }

  public Counted countByClientIp(String clientIp, Instant since) {
    return counted(LOGIN_ATTEMPTS.CLIENT_IP.eq(clientIp), since);
  }

  public void finish(long attemptId, String outcome) {
    dsl.update(LOGIN_ATTEMPTS)
        .set(LOGIN_ATTEMPTS.OUTCOME, outcome)
        .where(LOGIN_ATTEMPTS.ID.eq(attemptId))
        .execute();
  }

  /** After a successful sign-in the earlier failures for that address no longer count. */
  public void clearFailures(String email) {
    dsl.update(LOGIN_ATTEMPTS)
        .set(LOGIN_ATTEMPTS.OUTCOME, "CLEARED")
        .where(LOGIN_ATTEMPTS.EMAIL.eq(email), LOGIN_ATTEMPTS.OUTCOME.eq("FAILED"))
        .execute();
  }

  public int deleteOlderThan(Instant cutoff) {
    return dsl.deleteFrom(LOGIN_ATTEMPTS)
        .where(LOGIN_ATTEMPTS.ATTEMPTED_AT.lt(cutoff.atOffset(ZoneOffset.UTC)))
        .execute();
  }

  private Counted counted(Condition who, Instant since) {
    var row =
        dsl.select(DSL.count(), DSL.min(LOGIN_ATTEMPTS.ATTEMPTED_AT))
            .from(LOGIN_ATTEMPTS)
            .where(
                who,
                LOGIN_ATTEMPTS.ATTEMPTED_AT.ge(since.atOffset(ZoneOffset.UTC)),
                LOGIN_ATTEMPTS.OUTCOME.in("PENDING", "FAILED"))
            .fetchOne();
    OffsetDateTime oldest = row.value2();
    return new Counted(row.value1(), Optional.ofNullable(oldest).map(OffsetDateTime::toInstant));
  }
}
