package dev.tempodesk.db.security;

import static dev.tempodesk.db.jooq.Tables.SHARED_SECRETS;

import java.security.SecureRandom;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Secrets generated once and kept in Postgres, so every replica signs and checks with the same key
 * and a restart changes nothing.
 */
@Repository
public class SharedSecretRepository {
  static final int KEY_BYTES = 32;

  private final DSLContext dsl;
  private final SecureRandom random = new SecureRandom();

  public SharedSecretRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * The secret of this name, made now if no replica made it before. Concurrent first calls agree:
   * each offers a fresh key, the database keeps the first committed one, and all read that one.
   */
  public byte[] getOrCreate(String name) {
    byte[] offered = new byte[KEY_BYTES];
    random.nextBytes(offered);
    dsl.insertInto(SHARED_SECRETS)
        .set(SHARED_SECRETS.NAME, name)
        .set(SHARED_SECRETS.SECRET, offered)
        .onConflict(SHARED_SECRETS.NAME)
        .doNothing()
        .execute();
    return dsl.select(SHARED_SECRETS.SECRET)
        .from(SHARED_SECRETS)
        .where(SHARED_SECRETS.NAME.eq(name))
        .fetchOne(SHARED_SECRETS.SECRET);
  }
}
