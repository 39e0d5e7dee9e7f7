package dev.tempodesk.bench.rig;

import com.zaxxer.hikari.HikariDataSource;
import dev.tempodesk.bench.BenchDatabases;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import java.sql.SQLException;

/**
 * A fresh, migrated database behind the app's kind of connection pool ({@link
 * BenchDatabases#pool}), with jOOQ over it; dropped again on close.
 */
public final class PooledDatabase implements AutoCloseable {
  /** The pool size of the app's default Hikari configuration. */
  public static final int CONNECTIONS = BenchDatabases.POOL_SIZE;

  private final TestDatabases.TestDatabase database = BenchDatabases.fresh();
  private final HikariDataSource pool = BenchDatabases.pool(database);
  private final TestJooq jooq = TestJooq.over(pool);

  public TestJooq jooq() {
    return jooq;
  }

  @Override
  public void close() throws SQLException {
    pool.close();
    BenchDatabases.drop(database);
  }
}
