package dev.tempodesk.bench.list;

import dev.tempodesk.db.ticket.TicketRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.CallbackExecuteListener;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * The SQL and bind values jOOQ sends for a list request, captured by running the app's own
 * repository method with the controller's arguments; the baseline replays it with a plain
 * PreparedStatement.
 */
record RenderedQuery(String sql, List<Object> binds) {

  static RenderedQuery of(DataSource dataSource, ListRequest request) {
    List<RenderedQuery> seen = new ArrayList<>();
    var configuration =
        new DefaultConfiguration()
            .set(dataSource)
            .set(SQLDialect.POSTGRES)
            .set(
                new CallbackExecuteListener()
                    .onExecuteStart(
                        ctx ->
                            seen.add(
                                new RenderedQuery(
                                    ctx.sql(), List.copyOf(ctx.query().getBindValues())))));
    new TicketRepository(DSL.using(configuration))
        .list(request.filter(), request.cursor(), ListRequest.PAGE_SIZE);
    if (seen.size() != 1) {
      throw new IllegalStateException("expected one statement per list, saw " + seen.size());
    }
    return seen.getFirst();
  }

  /** Runs the statement and reads every column of every row, as a mapper would; returns rows. */
  int execute(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < binds.size(); i++) {
        statement.setObject(i + 1, binds.get(i));
      }
      int rows = 0;
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          for (int column = 1; column <= columns; column++) {
            result.getObject(column);
          }
          rows++;
        }
      }
      return rows;
    }
  }
}
