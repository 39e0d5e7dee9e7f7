package dev.tempodesk.db.security;

import static dev.tempodesk.db.jooq.Tables.API_TOKENS;

import dev.tempodesk.db.jooq.tables.records.ApiTokensRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * API tokens (V52): personal ones of any agent and service ones of admins. Only the secret's hash
 * is stored; the prefix finds the row for a presented secret.
 */
@Repository
public class ApiTokenRepository {
  private final DSLContext dsl;

  public ApiTokenRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A token to store; {@code expiresAt} null = never. */
  public record NewToken(
      long ownerId,
      String kind,
      String name,
      List<String> scopes,
      String prefix,
      byte[] secretHash,
      long createdBy,
      Instant expiresAt) {}

  /** Inserts the token, or answers empty when its prefix is taken (the caller draws another). */
  public Optional<ApiTokensRecord> insert(NewToken token) {
    return dsl.insertInto(API_TOKENS)
        .set(API_TOKENS.OWNER_ID, token.ownerId())
        .set(API_TOKENS.KIND, token.kind())
        .set(API_TOKENS.NAME, token.name())
        .set(API_TOKENS.SCOPES, token.scopes().toArray(String[]::new))
        .set(API_TOKENS.PREFIX, token.prefix())
        .set(API_TOKENS.SECRET_HASH, token.secretHash())
        .set(API_TOKENS.CREATED_BY, token.createdBy())
        .set(API_TOKENS.EXPIRES_AT, at(token.expiresAt()))
        .onConflict(API_TOKENS.PREFIX)
        .doNothing()
        .returning()
        .fetchOptional();
  }

  public Optional<ApiTokensRecord> findByPrefix(String prefix) {
    return dsl.selectFrom(API_TOKENS).where(API_TOKENS.PREFIX.eq(prefix)).fetchOptional();
  }

  public Optional<ApiTokensRecord> find(long id) {
    return dsl.selectFrom(API_TOKENS).where(API_TOKENS.ID.eq(id)).fetchOptional();
  }

  /** An agent's personal tokens, plus every service token when {@code withServiceTokens}. */
  public List<ApiTokensRecord> listFor(long ownerId, boolean withServiceTokens) {
    Condition own = API_TOKENS.OWNER_ID.eq(ownerId).and(API_TOKENS.KIND.eq("PERSONAL"));
    return dsl.selectFrom(API_TOKENS)
        .where(withServiceTokens ? own.or(API_TOKENS.KIND.eq("SERVICE")) : own)
        .orderBy(API_TOKENS.ID.desc())
        .fetch();
  }

  /** Revokes the token once; answers whether this call revoked it. */
  public boolean revoke(long id, long revokedBy, Instant now) {
    return dsl.update(API_TOKENS)
            .set(API_TOKENS.REVOKED_AT, at(now))
            .set(API_TOKENS.REVOKED_BY, revokedBy)
            .where(API_TOKENS.ID.eq(id))
            .and(API_TOKENS.REVOKED_AT.isNull())
            .execute()
        == 1;
  }

  /**
   * Records a use unless one was recorded less than {@code interval} ago (so a busy token is
   * written at most once per interval, whichever replica serves it).
   */
  public void recordUse(long id, Instant now, String ip, String userAgent, Duration interval) {
    dsl.update(API_TOKENS)
        .set(API_TOKENS.LAST_USED_AT, at(now))
        .set(API_TOKENS.LAST_USED_IP, ip)
        .set(API_TOKENS.LAST_USED_AGENT, userAgent)
        .where(API_TOKENS.ID.eq(id))
        .and(
            API_TOKENS
                .LAST_USED_AT
                .isNull()
                .or(API_TOKENS.LAST_USED_AT.le(DSL.val(at(now.minus(interval))))))
        .execute();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
