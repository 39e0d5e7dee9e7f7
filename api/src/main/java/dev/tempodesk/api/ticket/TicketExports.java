package dev.tempodesk.api.ticket;

import static dev.tempodesk.db.jooq.Tables.GROUPS;

import dev.tempodesk.api.export.CsvWriter;
import dev.tempodesk.db.ticket.TicketFilter;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.db.ticket.TicketView;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ticket list as CSV: every ticket a list filter matches, in the list's order, written row by
 * row as the database cursor yields them (see {@link TicketRepository#forEachMatching}), so an
 * export of a million tickets needs no more memory than one of ten.
 */
@Component
class TicketExports {
  /** The header row; each row has these cells in this order. */
  static final List<String> COLUMNS =
      List.of(
          "number",
          "subject",
          "status",
          "priority",
          "group",
          "assignee",
          "reporter_name",
          "reporter_email",
          "organization",
          "channel",
          "tags",
          "pending_reason",
          "resolution",
          "created_at",
          "updated_at",
          "closed_at",
          "sla_due_at",
          "sla_breached");

  private final TicketRepository tickets;
  private final DSLContext dsl;
  private final TransactionTemplate readOnly;
  private final Clock clock;
  private final int fetchSize;

  TicketExports(
      TicketRepository tickets,
      DSLContext dsl,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${tempodesk.export.fetch-size:1000}") int fetchSize) {
    this.tickets = tickets;
    this.dsl = dsl;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.clock = clock;
    this.fetchSize = fetchSize;
  }

  /**
   * Writes the header and one row per matching ticket, flushing the header at once (the response is
   * committed before the first ticket is read).
   *
   * @return how many tickets were written
   * @throws java.io.UncheckedIOException when {@code out} fails: the query is stopped first
   */
  long write(TicketFilter filter, OutputStream out) {
    CsvWriter csv = new CsvWriter(out);
    csv.row(COLUMNS);
    csv.flush();
    Instant now = clock.instant();
    long[] written = {0};
    readOnly.executeWithoutResult(
        transaction -> {
          Map<Long, String> groups =
              dsl.select(GROUPS.ID, GROUPS.NAME).from(GROUPS).fetchMap(GROUPS.ID, GROUPS.NAME);
          tickets.forEachMatching(
              filter,
              fetchSize,
              view -> {
                csv.row(row(view, groups, now));
                written[0]++;
              });
        });
    csv.flush();
    return written[0];
  }

  private static List<Object> row(TicketView view, Map<Long, String> groups, Instant now) {
    SlaDto sla = TicketDto.from(view, now).sla();
    List<Object> cells = new ArrayList<>(COLUMNS.size());
    cells.add(view.number());
    cells.add(view.subject());
    cells.add(view.status());
    cells.add(view.priority());
    cells.add(groups.get(view.row().getGroupId()));
    cells.add(view.assigneeName());
    cells.add(view.reporterName());
    cells.add(view.reporterEmail());
    cells.add(view.organizationName());
    cells.add(view.channel());
    cells.add(String.join(", ", view.tags()));
    cells.add(view.pendingReason());
    cells.add(view.resolution());
    cells.add(instant(view.createdAt()));
    cells.add(instant(view.updatedAt()));
    cells.add(instant(view.closedAt()));
    cells.add(sla.resolutionEta());
    cells.add(
        sla.metrics().stream()
            .filter(SlaDto.Metric::breached)
            .map(metric -> metric.metric().name())
            .collect(Collectors.joining(", ")));
    return cells;
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  /** {@code tickets-<when>.csv}, e.g. {@code tickets-20261206-2013.csv}. */
  String filename() {
    String stamp = clock.instant().toString().substring(0, 16).replace("-", "").replace(":", "");
    return "tickets-" + stamp.replace('T', '-') + ".csv";
  }
}
