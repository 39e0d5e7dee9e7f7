package dev.tempodesk.db.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real Postgres for tests: one embedded server per JVM, a fresh migrated database per call, so
 * test classes never see each other's rows.
 */
public final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestDatabases() {}

  /** A new, empty database, migrated to the latest schema. */
  public static TestDatabase fresh() {
    return migratedTo(null);
  }

  /** A new, empty database migrated up to a version (e.g. "15"), or the latest when null. */
  public static TestDatabase migratedTo(String version) {
    String name = "tempodesk_test_" + COUNTER.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    TestDatabase database = new TestDatabase(server().getJdbcUrl("postgres", name));
    Flyway.configure()
        .dataSource(database.dataSource())
        .locations("classpath:db/migration")
        .target(version == null ? "latest" : version)
        .load()
        .migrate();
    return database;
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start embedded Postgres", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stop));
    }
    return server;
  }

  private static synchronized void stop() {
    try {
      server.close();
    } catch (IOException e) {
      // the JVM is going away; nothing left to clean up
    }
  }

  /** One test database: its JDBC URL (user postgres, no password) and a data source. */
  public record TestDatabase(String jdbcUrl) {
    /** Applies the remaining migrations (after {@link #migratedTo}). */
    public void migrate() {
      Flyway.configure()
          .dataSource(dataSource())
          .locations("classpath:db/migration")
          .load()
          .migrate();
    }

    public DataSource dataSource() {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setUrl(jdbcUrl);
      dataSource.setUser("postgres");
      return dataSource;
    }
  }
}
