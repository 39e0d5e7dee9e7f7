package dev.tempodesk.db.testing;

import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.springframework.boot.jooq.autoconfigure.SpringTransactionProvider;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * jOOQ and Spring transactions over a test database, wired like Spring Boot's jOOQ
 * auto-configuration: without the proxy jOOQ would take its own connections and a
 * TransactionTemplate would not cover its writes.
 */
public record TestJooq(DSLContext dsl, TransactionTemplate transactions) {

  public static TestJooq over(DataSource dataSource) {
    DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
    DSLContext dsl =
        DSL.using(
            new DefaultConfiguration()
                .set(
                    new DataSourceConnectionProvider(
                        new TransactionAwareDataSourceProxy(dataSource)))
                .set(new SpringTransactionProvider(manager))
                .set(SQLDialect.POSTGRES));
    return new TestJooq(dsl, new TransactionTemplate(manager));
  }
}
