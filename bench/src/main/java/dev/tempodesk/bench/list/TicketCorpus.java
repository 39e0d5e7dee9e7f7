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
 * word ("firmware") is in one of a thousand. Rows obey every constraint of the schema; the
 * deadlines follow the priorities the way the SLA clocks set them.
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
          resolve_remaining_ms)
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
            then (extract(epoch from resolve_target) * 500)::bigint end
        from (
          select number, created, agent, contact, priority,
            case priority when 'LOW' then interval '8 hours' when 'NORMAL' then interval '4 hours'
              when 'HIGH' then interval '1 hour' else interval '30 minutes' end as assign_target,
            case priority when 'LOW' then interval '5 days' when 'NORMAL' then interval '2 days'
              when 'HIGH' then interval '1 day' else interval '8 hours' end as resolve_target,
            case when closing < (case when age > 0.15 then 0.97 else 0.5 end) then 'CLOSED'
              when kind < 0.55 then 'OPEN' when kind < 0.8 then 'NEW' else 'PENDING' end
              as status,
            initcap(products[1 + floor(pick1 * %3$d)::int]) || ' '
              || problems[1 + floor(pick2 * %4$d)::int]
              || case when number %% 3 = 0 then ' (order ' || (100000 + number * 7 %% 900000)
                || ')' else '' end
              || case when number %% 1000 = 7 then ' after the firmware upgrade' else '' end
              as subject
          from (
            select 1000 + g as number,
              1 - g::float8 / %1$d as age,
              now() - interval '3 years' * (1 - g::float8 / %1$d) as created,
              random() as closing, random() as kind, random() as pick1, random() as pick2,
              1 + floor(random() * %5$d)::bigint as agent,
              1 + floor(random() * %6$d)::bigint as contact,
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
