package dev.tempodesk.bench.rig;

import com.zaxxer.hikari.HikariDataSource;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;

/**
 * A fresh, migrated database on the embedded Postgres behind a connection pool, as the app has one:
 * without it every query would start a Postgres backend and the figures would measure that.
 */
public final class PooledDatabase implements AutoCloseable {
  /** The pool size of the app's default Hikari configuration. */
  public static final int CONNECTIONS = 10;

  private final HikariDataSource pool = new HikariDataSource();
  private final TestJooq jooq;

  public PooledDatabase() {
    pool.setJdbcUrl(TestDatabases.fresh().jdbcUrl());
    pool.setUsername("postgres");
    pool.setMaximumPoolSize(CONNECTIONS);
    jooq = TestJooq.over(pool);
  }

  public TestJooq jooq() {
    return jooq;
  }

  @Override
  public void close() {
    pool.close();
  }
}
