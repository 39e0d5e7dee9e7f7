package dev.tempodesk.bench.list;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * B2's data: {@code tickets} tickets over three years of a busy helpdesk, with the people they
 * join. Most old tickets are closed; the recent ones are a mix of NEW, OPEN (assigned), PENDING and
 * CLOSED, so about one in ten is still live. Subjects combine a product and a problem from short
 * lists (each product word is in about 1 subject of 40), every third names an order, and a rare
 * word ("firmware") is in one of a thousand. Each ticket has five messages, a conversation between
 * the customer (every fourth ticket's first mail is HTML) and an agent; see {@link #MESSAGES} for
 * the words only the bodies hold. Rows obey every constraint of the schema; the deadlines follow
 * the priorities the way the SLA clocks set them; each ticket's search document is what the
 * triggers of migration V33 would write (the same function builds it).
 */
final class TicketCorpus {
  static final String[] PRODUCTS = {
    "printer",
    "laptop",
    "VPN",
    "invoice",
    "password",
    "monitor",
    "Wi-Fi",
    "mailbox",
    "licence",
    "scanner",
    "phone",
    "headset",
    "docking station",
    "keyboard",
    "mouse",
    "projector",
    "router",
    "firewall",
    "backup",
    "calendar",
    "shared drive",
    "webcam",
    "tablet",
    "payroll",
    "CRM",
    "website",
    "checkout",
    "app",
    "account",
    "server",
    "database",
    "badge",
    "camera",
    "printer tray",
    "toner",
    "cable",
    "speaker",
    "charger",
    "SSO",
    "subscription"
  };
  static final String[] PROBLEMS = {
    "does not start",
    "is very slow",
    "shows an error",
    "was charged twice",
    "cannot connect",
    "stopped working after the update",
    "needs replacing",
    "crashes on login",
    "keeps disconnecting",
    "is missing",
    "freezes",
    "makes a noise",
    "was delivered damaged",
    "asks for a new password",
    "cannot be found",
    "is blocked",
    "sync fails",
    "overheats",
    "prints blank pages",
    "will not turn on",
    "has no sound",
    "rejects my card",
    "shows the wrong date",
    "is locked",
    "crashes randomly"
  };

  /** Ticket {@code n}'s product and problem: spread like random picks, known to its messages. */
  private static final String PRODUCT_PICK = "1 + (number * 7919 %% %d)";

  private static final String PROBLEM_PICK = "1 + (number * 104723 %% %d)";

  /**
   * The five messages of every ticket. Words only bodies hold: each ticket's order code "A" + 7 ×
   * number + 1,000,000 (one ticket each), "amber" (1 ticket in 3), "courier" (1 in 20), the error
   * code "0x80070057" (1 in 500).
   */
  private static final String MESSAGES =
      """
      insert into messages (id, ticket_number, direction, visibility, author_contact_id,
        author_agent_id, from_address, body_text, body_html, delivery_status, occurred_at,
        created_at)
      select gen_random_uuid(), number,
        case when k %% 2 = 1 then 'INBOUND' else 'OUTBOUND' end, 'PUBLIC',
        case when k %% 2 = 1 then contact end,
        case when k %% 2 = 0 then 1 + number %% %3$d end,
        case when k %% 2 = 1 then 'customer' || contact || '@client' || (contact %% %4$d + 1)
          || '.example' end,
        case when k = 1 and number %% 4 = 0 then null else body end,
        case when k = 1 and number %% 4 = 0 then '<html><head><style>p { margin: 0 }</style>'
          || '</head><body><p>' || replace(body, E'\n\n', '</p><p>') || '</p></body></html>'
          end,
        case when k %% 2 = 0 then 'SENT' end,
        now() - interval '3 years' * (1 - (number - 1000)::float8 / %1$d)
          + interval '1 hour' * k,
        now()
      from (
        select number, k, contact,
          case k
          when 1 then 'Hello,' || E'\n\n' || 'my ' || products[product] || ' '
            || problems[problem] || ' since ' || (array['Monday', 'Tuesday', 'Wednesday',
            'Thursday', 'Friday'])[1 + number %% 5] || '. I already restarted it twice.'
            || ' The order number is A' || (1000000 + number * 7) || '.' || E'\n\n'
            || 'Kind regards,' || E'\n' || 'Customer ' || contact
          when 2 then 'Hi,' || E'\n\n' || 'thank you for reaching out about your '
            || products[product] || '. Could you send a photo of the label and tell us whether'
            || ' the status light is blinking?'
            || case when number %% 7 = 0 then ' Please also try the reset button on the back.'
              else '' end || E'\n\n' || 'Best regards,' || E'\n' || 'Support'
          when 3 then 'Here is the photo. The light is '
            || (array['blinking amber', 'solid red', 'off'])[1 + number %% 3] || '.'
            || case when number %% 500 = 11 then ' The screen shows error 0x80070057.'
              else '' end
          when 4 then 'Thanks. We have '
            || (array['reset', 'updated', 'replaced'])[1 + number %% 3] || ' the '
            || products[product] || ' configuration'
            || case when number %% 20 = 0 then ' and booked a courier to collect the old one'
              else '' end || '. Please let us know if it happens again.'
          else (array['Thanks, that fixed it.', 'It is still not working, sadly.',
            'Works now, you can close this.'])[1 + number %% 3]
          end as body
        from (
          select number, k, %5$s as product, %6$s as problem,
            1 + (number * 104729 %% %2$d) as contact,
            array[%7$s] as products, array[%8$s] as problems
          from (select (g + 1000)::bigint as number, k
                from generate_series(1, %1$d) g, generate_series(1, 5) k) n) picks
      ) message
      """;

  final int tickets;
  final int organizations;
  final int contacts;
  final int agents;

  TicketCorpus(int tickets) {
    this.tickets = tickets;
    this.organizations = Math.max(10, tickets / 2_000);
    this.contacts = Math.max(50, tickets / 20);
    this.agents = 60;
  }

  /** The order code that only the first message of the {@code n}th ticket (1-based) holds. */
  String orderCode(int n) {
    return "A" + (1_000_000L + 7L * (1000 + n));
  }

  /** Fills an empty, migrated database; returns the number of live (not CLOSED) tickets. */
  long fill(Connection connection) throws SQLException {
    try (Statement sql = connection.createStatement()) {
      // Generated rows satisfy the constraints by construction; the per-row triggers (foreign
      // keys, the agents' idle-since bookkeeping) would only slow the load down.
      sql.execute("set session_replication_role = replica");
      sql.execute("select setseed(0.20261122)");
      sql.execute(
          "insert into organizations (name, domain) select 'Client ' || g, 'client' || g"
              + " || '.example' from generate_series(1, %d) g".formatted(organizations));
      sql.execute(
          "insert into assets (organization_id, name, kind) select g, 'Laptop fleet ' || g,"
              + " 'LAPTOP' from generate_series(1, %d) g".formatted(organizations));
      sql.execute(
          ("insert into contacts (email, display_name, organization_id) select 'customer' || g"
                  + " || '@client' || (g %% %1$d + 1) || '.example', 'Customer ' || g, g %% %1$d"
                  + " + 1 from generate_series(1, %2$d) g")
              .formatted(organizations, contacts));
      sql.execute(
          "insert into agents (email, display_name, role, capacity) select 'agent' || g"
              + " || '@tempodesk.example', 'Agent ' || g, 'AGENT', 20 from generate_series(1, %d) g"
                  .formatted(agents));
      // Messages first: the tickets' search documents are built from them as the rows go in.
      sql.execute(insertMessages());
      sql.execute(insertTickets());
      sql.execute("select setval('ticket_numbers', %d)".formatted(1000 + tickets));
      // A running install has computed its past hours: without this the stats workflow would
      // backfill three years of hours while the list is measured.
      sql.execute(
          "insert into stats_hours (bucket_start, created, closed, first_responses,"
              + " first_response_ms_total, resolution_ms_total, sla_met, computed_at) values"
              + " (date_trunc('hour', now()) - interval '1 hour', 0, 0, 0, 0, 0, 0, now())");
      sql.execute("set session_replication_role = default");
      sql.execute("vacuum analyze");
      try (var live = sql.executeQuery("select count(*) from tickets where status <> 'CLOSED'")) {
        live.next();
        return live.getLong(1);
      }
    }
  }

  private String insertTickets() {
    return """
        insert into tickets (number, subject, status, priority, assignee_id, reporter_id,
          organization_id, asset_id, channel, pending_reason, pending_until, resolution,
          created_at, assigned_at, first_response_at, closed_at, assign_due_at, resolve_due_at,
          sla_sort_key, version, updated_at, assign_target_ms, resolve_target_ms,
          resolve_remaining_ms, search_vector)
        select number, subject, status, priority,
          case when status <> 'NEW' then agent end,
          contact, contact %% %2$d + 1,
          case when number %% 5 = 0 then contact %% %2$d + 1 end,
          (array['EMAIL', 'EMAIL', 'EMAIL', 'PORTAL', 'PORTAL', 'PHONE'])[number %% 6 + 1],
          case when status = 'PENDING' then 'CUSTOMER' end,
          case when status = 'PENDING' then now() + interval '3 days' end,
          case when status = 'CLOSED' then 'SOLVED' end,
          created,
          case when status <> 'NEW' then created + interval '1 hour' end,
          case when status <> 'NEW' then created + interval '2 hours' end,
          case when status = 'CLOSED' then created + interval '20 hours' end,
          case when status = 'NEW' then created + assign_target end,
          case when status in ('NEW', 'OPEN') then created + resolve_target end,
          case when status in ('NEW', 'OPEN')
            then (extract(epoch from created + resolve_target) * 1000)::bigint
            else 9223372036854775807 end,
          case when status = 'NEW' then 1 else 3 end,
          case when status = 'CLOSED' then created + interval '20 hours' else created end,
          (extract(epoch from assign_target) * 1000)::bigint,
          (extract(epoch from resolve_target) * 1000)::bigint,
          case when status in ('PENDING', 'CLOSED')
            then (extract(epoch from resolve_target) * 500)::bigint end,
          ticket_search_document(number, subject, contact, contact %% %2$d + 1, '{}')
        from (
          select number, created, agent, contact, priority,
            case priority when 'LOW' then interval '8 hours' when 'NORMAL' then interval '4 hours'
              when 'HIGH' then interval '1 hour' else interval '30 minutes' end as assign_target,
            case priority when 'LOW' then interval '5 days' when 'NORMAL' then interval '2 days'
              when 'HIGH' then interval '1 day' else interval '8 hours' end as resolve_target,
            case when closing < (case when age > 0.15 then 0.97 else 0.5 end) then 'CLOSED'
              when kind < 0.55 then 'OPEN' when kind < 0.8 then 'NEW' else 'PENDING' end
              as status,
            initcap(products[%9$s]) || ' ' || problems[%10$s]
              || case when number %% 3 = 0 then ' (order ' || (100000 + number * 7 %% 900000)
                || ')' else '' end
              || case when number %% 1000 = 7 then ' after the firmware upgrade' else '' end
              as subject
          from (
            select (1000 + g)::bigint as number,
              1 - g::float8 / %1$d as age,
              now() - interval '3 years' * (1 - g::float8 / %1$d) as created,
              random() as closing, random() as kind,
              1 + floor(random() * %5$d)::bigint as agent,
              1 + ((1000 + g)::bigint * 104729 %% %6$d) as contact,
              (array['LOW', 'NORMAL', 'NORMAL', 'NORMAL', 'HIGH', 'HIGH', 'URGENT'])
                [1 + floor(random() * 7)::int] as priority,
              array[%7$s] as products, array[%8$s] as problems
            from generate_series(1, %1$d) g) raw
        ) ticket
        """
        .formatted(
            tickets,
            organizations,
            PRODUCTS.length,
            PROBLEMS.length,
            agents,
            contacts,
            literals(PRODUCTS),
            literals(PROBLEMS),
            PRODUCT_PICK.formatted(PRODUCTS.length),
            PROBLEM_PICK.formatted(PROBLEMS.length));
  }

  private String insertMessages() {
    return MESSAGES.formatted(
        tickets,
        contacts,
        agents,
        organizations,
        PRODUCT_PICK.formatted(PRODUCTS.length),
        PROBLEM_PICK.formatted(PROBLEMS.length),
        literals(PRODUCTS),
        literals(PROBLEMS));
  }

  private static String literals(String[] words) {
    StringBuilder out = new StringBuilder();
    for (String word : words) {
      out.append(out.isEmpty() ? "" : ", ").append('\'').append(word).append('\'');
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
