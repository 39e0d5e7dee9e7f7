package dev.tempodesk.bench.ingest;

import static dev.tempodesk.activities.ticket.TicketRows.at;

import dev.tempodesk.activities.ticket.TicketRows;
import dev.tempodesk.bench.BenchDatabases;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.workflows.ticket.SlaPolicy;
import dev.tempodesk.workflows.ticket.TicketSla;
import dev.tempodesk.workflows.ticket.TicketState;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * B1's baseline: the rows the email path leaves behind for the same mail (contacts, tickets with
 * their SLA clocks, messages, CREATED audit events, thread mappings) written into a fresh database
 * with plain batched JDBC in one transaction: no HTTP, no workflow, no per-message transaction.
 * This is the floor for putting that mail into Postgres at all.
 */
final class JdbcIngestBaseline {
  private static final int BATCH = 1000;

  /** Tables the email path writes per email, compared between the two databases after a run. */
  static final List<String> TABLES =
      List.of("contacts", "tickets", "messages", "ticket_events", "mailbox_threads");

  record Result(Duration took, Map<String, Integer> rows) {}

  Result run(List<FakeMessage> mail, String grantId, String address) throws SQLException {
    TestDatabases.TestDatabase database = BenchDatabases.fresh();
    try (Connection connection = BenchDatabases.connect(database, "reWriteBatchedInserts=true")) {
      long mailbox = insertMailbox(connection, grantId, address);
      long started = System.nanoTime();
      connection.setAutoCommit(false);
      write(connection, mailbox, mail);
      connection.commit();
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      connection.setAutoCommit(true);
      return new Result(took, countRows(connection));
    } finally {
      BenchDatabases.drop(database);
    }
  }

  private static void write(Connection connection, long mailbox, List<FakeMessage> mail)
      throws SQLException {
    Instant now = Instant.now();
    Map<String, Long> contacts = insertContacts(connection, mail);
    Map<String, FakeMessage> openings = new LinkedHashMap<>();
    mail.forEach(message -> openings.putIfAbsent(message.threadId(), message));
    Map<String, Long> ticketOfThread = numbers(connection, openings.keySet());
    insertTickets(connection, mailbox, openings, ticketOfThread, contacts, now);
    insertMessages(connection, mailbox, mail, ticketOfThread, contacts, now);
    insertEvents(connection, openings, ticketOfThread, contacts, now);
    insertThreads(connection, mailbox, ticketOfThread);
  }

  private static long insertMailbox(Connection connection, String grantId, String address)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into mailboxes (grant_id, email, provider) values (?, ?, 'google')"
                + " returning id")) {
      insert.setString(1, grantId);
      insert.setString(2, address);
      try (ResultSet id = insert.executeQuery()) {
        id.next();
        return id.getLong(1);
      }
    }
  }

  private static Map<String, Long> insertContacts(Connection connection, List<FakeMessage> mail)
      throws SQLException {
    Map<String, String> names = new LinkedHashMap<>();
    for (FakeMessage message : mail) {
      var from = message.from().getFirst();
      names.putIfAbsent(from.email().toLowerCase(), from.name());
    }
    try (PreparedStatement insert =
        connection.prepareStatement("insert into contacts (email, display_name) values (?, ?)")) {
      Batch batch = new Batch(insert);
      for (var contact : names.entrySet()) {
        insert.setString(1, contact.getKey());
        insert.setString(2, contact.getValue());
        batch.add();
      }
      batch.flush();
    }
    Map<String, Long> ids = new HashMap<>();
    try (Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("select email, id from contacts")) {
      while (rows.next()) {
        ids.put(rows.getString(1), rows.getLong(2));
      }
    }
    return ids;
  }

  /** Ticket numbers from the app's sequence, one per thread, in one round trip. */
  private static Map<String, Long> numbers(Connection connection, Iterable<String> threads)
      throws SQLException {
    List<String> pending = new ArrayList<>();
    threads.forEach(pending::add);
    Map<String, Long> numbers = new LinkedHashMap<>();
    try (PreparedStatement next =
        connection.prepareStatement(
            "select nextval('ticket_numbers') from generate_series(1, ?)")) {
      next.setInt(1, pending.size());
      try (ResultSet rows = next.executeQuery()) {
        for (String thread : pending) {
          rows.next();
          numbers.put(thread, rows.getLong(1));
        }
      }
    }
    return numbers;
  }

  private static void insertTickets(
      Connection connection,
      long mailbox,
      Map<String, FakeMessage> openings,
      Map<String, Long> numbers,
      Map<String, Long> contacts,
      Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into tickets (number, subject, status, priority, reporter_id, channel,"
                + " mailbox_id, thread_id, acknowledgement_due, created_at, updated_at, version,"
                + " assign_due_at, assign_target_ms, resolve_due_at, resolve_target_ms,"
                + " sla_sort_key) values (?, ?, 'NEW', 'NORMAL', ?, 'EMAIL', ?, ?, true, ?, ?, 1,"
                + " ?, ?, ?, ?, ?)")) {
      Batch batch = new Batch(insert);
      for (var opening : openings.entrySet()) {
        FakeMessage first = opening.getValue();
        TicketsRecord row = withSla(numbers.get(opening.getKey()), first.subject(), now);
        insert.setLong(1, row.getNumber());
        insert.setString(2, row.getSubject());
        insert.setLong(3, contacts.get(first.from().getFirst().email().toLowerCase()));
        insert.setLong(4, mailbox);
        insert.setString(5, first.threadId());
        insert.setObject(6, row.getCreatedAt());
        insert.setObject(7, row.getUpdatedAt());
        insert.setObject(8, row.getAssignDueAt());
        setLong(insert, 9, row.getAssignTargetMs());
        insert.setObject(10, row.getResolveDueAt());
        setLong(insert, 11, row.getResolveTargetMs());
        insert.setLong(12, row.getSlaSortKey());
        batch.add();
      }
      batch.flush();
    }
  }

  /** The SLA columns as a new NORMAL ticket gets them (the same pure functions the app uses). */
  private static TicketsRecord withSla(long number, String subject, Instant now) {
    TicketsRecord row =
        new TicketsRecord()
            .setNumber(number)
            .setSubject(subject)
            .setStatus("NEW")
            .setPriority("NORMAL")
            .setChannel("EMAIL")
            .setReporterId(0L)
            .setCreatedAt(at(now))
            .setUpdatedAt(at(now))
            .setVersion(1L);
    TicketState state = TicketRows.toState(row, null);
    TicketSla.start(state, SlaPolicy.defaults(), now);
    return TicketRows.withSla(row, state);
  }

  private static void insertMessages(
      Connection connection,
      long mailbox,
      List<FakeMessage> mail,
      Map<String, Long> numbers,
      Map<String, Long> contacts,
      Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into messages (id, ticket_number, mailbox_id, provider_message_id,"
                + " internet_message_id, in_reply_to, references_header, direction,"
                + " author_contact_id, from_address, to_addresses, subject, body_text,"
                + " occurred_at, signalled_at) values (?, ?, ?, ?, ?, ?, ?, 'INBOUND', ?, ?, ?,"
                + " ?, ?, ?, ?)")) {
      Batch batch = new Batch(insert);
      for (FakeMessage message : mail) {
        String sender = message.from().getFirst().email().toLowerCase();
        insert.setObject(
            1,
            UUID.nameUUIDFromBytes(
                (mailbox + "/" + message.id()).getBytes(StandardCharsets.UTF_8)));
        insert.setLong(2, numbers.get(message.threadId()));
        insert.setLong(3, mailbox);
        insert.setString(4, message.id());
        insert.setString(5, message.messageIdHeader());
        insert.setString(6, message.header("In-Reply-To"));
        insert.setString(7, message.header("References"));
        insert.setLong(8, contacts.get(sender));
        insert.setString(9, sender);
        insert.setString(
            10, String.join(", ", message.to().stream().map(to -> to.email()).toList()));
        insert.setString(11, message.subject());
        insert.setString(12, message.body());
        insert.setObject(13, at(Instant.ofEpochSecond(message.date())));
        insert.setObject(14, at(now));
        batch.add();
      }
      batch.flush();
    }
  }

  private static void insertEvents(
      Connection connection,
      Map<String, FakeMessage> openings,
      Map<String, Long> numbers,
      Map<String, Long> contacts,
      Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into ticket_events (id, ticket_number, ticket_version, kind, actor_kind,"
                + " actor_id, actor_name, comment, changes, occurred_at) values (?, ?, 1,"
                + " 'CREATED', 'CONTACT', ?, ?, 'Opened from email', '[]'::jsonb, ?)")) {
      Batch batch = new Batch(insert);
      for (var opening : openings.entrySet()) {
        var from = opening.getValue().from().getFirst();
        insert.setObject(1, UUID.randomUUID());
        insert.setLong(2, numbers.get(opening.getKey()));
        insert.setLong(3, contacts.get(from.email().toLowerCase()));
        insert.setString(4, from.name());
        insert.setObject(5, at(now));
        batch.add();
      }
      batch.flush();
    }
  }

  private static void insertThreads(Connection connection, long mailbox, Map<String, Long> numbers)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into mailbox_threads (mailbox_id, thread_id, ticket_number) values (?, ?, ?)")) {
      Batch batch = new Batch(insert);
      for (var thread : numbers.entrySet()) {
        insert.setLong(1, mailbox);
        insert.setString(2, thread.getKey());
        insert.setLong(3, thread.getValue());
        batch.add();
      }
      batch.flush();
    }
  }

  /** Rows per table of {@link #TABLES}, for comparing a baseline with a Tempodesk run. */
  static Map<String, Integer> countRows(Connection connection) throws SQLException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet count = statement.executeQuery("select count(*) from " + table)) {
          count.next();
          counts.put(table, count.getInt(1));
        }
      }
    }
    return counts;
  }

  private static void setLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  /** Sends rows to the server {@link #BATCH} at a time. */
  private static final class Batch {
    private final PreparedStatement statement;
    private int pending;

    Batch(PreparedStatement statement) {
      this.statement = statement;
    }

    void add() throws SQLException {
      statement.addBatch();
      if (++pending == BATCH) {
        flush();
      }
    }

    void flush() throws SQLException {
      if (pending > 0) {
        statement.executeBatch();
        pending = 0;
      }
    }
  }
}
