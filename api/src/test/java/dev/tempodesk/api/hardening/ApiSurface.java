package dev.tempodesk.api.hardening;

import dev.tempodesk.api.hardening.HostileRequests.Target;
import dev.tempodesk.api.hardening.HostileRequests.Writer;
import dev.tempodesk.api.hardening.MalformedRequests.Who;
import java.util.List;

/**
 * The app's URLs and writers, for {@link HostileRequests}: API, portal, webhook, Actuator, web app.
 */
final class ApiSurface {
  private ApiSurface() {}

  static void probes(
      HostileRequests probes,
      long ticket,
      long agent,
      long contact,
      long organization,
      long portalTicket,
      String webhookSecret) {
    List<Target> everywhere =
        List.of(
            new Target("tickets.list", "/api/tickets", "text"),
            new Target("tickets.byId", "/api/tickets/" + ticket, "x"),
            new Target("tickets.events", "/api/tickets/" + ticket + "/events", "x"),
            new Target("tickets.byTag", "/api/tickets", "tag"),
            new Target("tags.list", "/api/tags", "prefix"),
            new Target("contacts.list", "/api/contacts", "organizationId"),
            new Target("stats.summary", "/api/stats/summary", "hours"),
            new Target("notifications.feed", "/api/notifications", "before"),
            new Target("portal.list", "/api/portal/tickets", "cursor"),
            new Target("portal.byId", "/api/portal/tickets/" + portalTicket, "x"),
            new Target("auth.me", "/api/auth/me", "x"),
            new Target("auth.csrf", "/api/auth/csrf", "x"),
            new Target("webhook.challenge", "/api/webhooks/nylas", "challenge"),
            new Target("actuator.health", "/actuator/health", "x"),
            new Target("actuator.info", "/actuator/info", "x"),
            new Target("openapi", "/v3/api-docs", "x"),
            new Target("webapp.route", "/tickets/" + ticket, "x"),
            new Target("webapp.root", "/", "x"),
            new Target("tickets.similar", "/api/tickets/" + ticket + "/similar", "limit"));
    for (Who who : Who.values()) {
      probes.urls(who, everywhere);
      probes.headers(
          who,
          List.of(
              new Target("tickets.list", "/api/tickets", "text"),
              new Target("portal.list", "/api/portal/tickets", "cursor"),
              new Target("actuator.health", "/actuator/health", "x"),
              new Target("webapp.route", "/tickets/" + ticket, "x")));
    }

    String t = "/api/tickets/" + ticket;
    String ticketJson =
        "{\"subject\":\"S\",\"description\":\"D\",\"reporterEmail\":\"r@example.com\"}";
    List<Writer> writers =
        List.of(
            new Writer("tickets.create", Who.ADMIN, "POST", "/api/tickets", ticketJson),
            new Writer("tickets.patch", Who.ADMIN, "PATCH", t, "{\"comment\":\"c\"}"),
            new Writer("tickets.reply", Who.ADMIN, "POST", t + "/replies", "{\"body\":\"Hi\"}"),
            new Writer("tickets.note", Who.ADMIN, "POST", t + "/notes", "{\"body\":\"Hi\"}"),
            new Writer("tickets.retry", Who.ADMIN, "POST", t + "/replies/m-1/retry", "{}"),
            new Writer(
                "agents.create",
                Who.ADMIN,
                "POST",
                "/api/agents",
                "{\"email\":\"ct@example.com\",\"displayName\":\"N\",\"role\":\"AGENT\"}"),
            new Writer("agents.patch", Who.ADMIN, "PATCH", "/api/agents/" + agent, "{}"),
            new Writer(
                "contacts.create",
                Who.ADMIN,
                "POST",
                "/api/contacts",
                "{\"email\":\"cc@example.com\",\"displayName\":\"C\"}"),
            new Writer("contacts.patch", Who.ADMIN, "PATCH", "/api/contacts/" + contact, "{}"),
            new Writer(
                "contacts.portalAccess",
                Who.ADMIN,
                "PUT",
                "/api/contacts/" + contact + "/portal-access",
                "{\"enabled\":false}"),
            new Writer(
                "organizations.create",
                Who.ADMIN,
                "POST",
                "/api/organizations",
                "{\"name\":\"O\"}"),
            new Writer(
                "organizations.patch",
                Who.ADMIN,
                "PATCH",
                "/api/organizations/" + organization,
                "{}"),
            new Writer(
                "assets.create",
                Who.ADMIN,
                "POST",
                "/api/organizations/" + organization + "/assets",
                "{\"name\":\"R\",\"kind\":\"NETWORK\"}"),
            new Writer("notifications.read", Who.ADMIN, "POST", "/api/notifications/1/read", ""),
            new Writer(
                "notifications.readAll", Who.ADMIN, "POST", "/api/notifications/read-all", ""),
            new Writer(
                "quarantine.retry",
                Who.ADMIN,
                "POST",
                "/api/mailboxes/1/quarantine/m-1/retry",
                "{\"fromEmail\":\"a@example.com\"}"),
            new Writer(
                "dev.inboundEmail",
                Who.ADMIN,
                "POST",
                "/api/dev/inbound-email",
                "{\"fromEmail\":\"a@example.com\",\"body\":\"B\"}"),
            new Writer(
                "portal.create",
                Who.CUSTOMER,
                "POST",
                "/api/portal/tickets",
                "{\"subject\":\"S\",\"description\":\"D\"}"),
            new Writer(
                "portal.reply",
                Who.CUSTOMER,
                "POST",
                "/api/portal/tickets/" + portalTicket + "/replies",
                "{\"body\":\"B\"}"),
            new Writer(
                "auth.login",
                Who.ANONYMOUS,
                "POST",
                "/api/auth/login",
                "{\"email\":\"nobody@example.com\",\"password\":\"x\"}"),
            new Writer("webhook.post", Who.ANONYMOUS, "POST", "/api/webhooks/nylas", "{}"),
            new Writer(
                "assist.settings",
                Who.ADMIN,
                "PUT",
                "/api/assist/settings",
                "{\"enabled\":true,\"autoApplyTriage\":false}"),
            new Writer(
                "assist.triageApply",
                Who.ADMIN,
                "POST",
                t + "/assist/triage/apply",
                "{\"resultId\":1}"),
            // A loopback URL: even a body that gets through is refused (SSRF), nothing is made.
            new Writer(
                "webhookSubscriptions.create",
                Who.ADMIN,
                "POST",
                "/api/webhook-subscriptions",
                "{\"url\":\"http://127.0.0.1/x\",\"eventTypes\":[\"ticket.created\"]}"));
    contentTypes(probes, writers);

    List<String> get = List.of("GET");
    probes.wrongMethods(Who.ADMIN, "tickets.list", "/api/tickets", List.of("GET", "POST"));
    probes.wrongMethods(Who.ADMIN, "tickets.byId", t, List.of("GET", "PATCH"));
    probes.wrongMethods(Who.ADMIN, "tickets.reply", t + "/replies", List.of("POST"));
    probes.wrongMethods(Who.ADMIN, "agents.list", "/api/agents", List.of("GET", "POST"));
    probes.wrongMethods(
        Who.ADMIN, "contacts.byId", "/api/contacts/" + contact, List.of("GET", "PATCH"));
    probes.wrongMethods(Who.ADMIN, "stats.summary", "/api/stats/summary", get);
    probes.wrongMethods(Who.ADMIN, "auth.login", "/api/auth/login", List.of("POST"));
    probes.wrongMethods(Who.ADMIN, "actuator.health", "/actuator/health", get);
    probes.wrongMethods(Who.ADMIN, "webapp.route", "/tickets/" + ticket, get);
    probes.wrongMethods(Who.CUSTOMER, "portal.list", "/api/portal/tickets", List.of("GET", "POST"));
    probes.wrongMethods(
        Who.ANONYMOUS, "webhook.post", "/api/webhooks/nylas", List.of("GET", "POST"));
    probes.wrongMethods(Who.ANONYMOUS, "tickets.list", "/api/tickets", List.of());
    probes.wrongMethods(Who.ANONYMOUS, "error", "/error", get);
    probes.wrongMethods(Who.ANONYMOUS, "api.unknown", "/api/no-such-endpoint", List.of());

    probes.webhook(webhookSecret);

    probes.lenientJson(
        "tickets.create",
        Who.ADMIN,
        "POST",
        "/api/tickets",
        List.of(
            "{\"subject\":\"A\",\"subject\":\"B\",\"description\":\"D\",\"reporterEmail\":\"r@example.com\"}",
            "{\"subject\":\"A\",\"description\":\"D\",\"priority\":\"HIGH \",\"reporterEmail\":\"r@example.com\"}",
            "{\"subject\":\"A\",\"description\":\"D\",\"priority\":\"high\",\"reporterEmail\":\"r@example.com\"}",
            "{\"subject\":\"A\",\"description\":\"D\",\"priority\":1,\"reporterEmail\":\"r@example.com\"}",
            "{\"subject\":42,\"description\":\"D\",\"reporterEmail\":\"r@example.com\"}",
            "{\"subject\":\"A\",\"description\":true,\"reporterEmail\":\"r@example.com\"}",
            "{\"subject\":\"A\",\"description\":\"D\",\"reporterId\":\"1\"}",
            "{\"subject\":\"A\",\"description\":\"D\",\"reporterId\":1.0}",
            "{\"subject\":\"A\\r\\nBcc: evil@example.com\",\"description\":\"D\",\"reporterEmail\":\"r@example.com\"}",
            "{\"subject\":\"A\",\"description\":\"D\",\"reporterEmail\":\"r@example.com\\r\\nBcc: e@x.test\"}",
            "{\"subject\":\"A\",\"description\":\"D\",\"reporterEmail\":\"r@example.com\",\"reporterName\":\"R\\r\\nX: y\"}"));
    probes.lenientJson(
        "webhookSubscriptions.create",
        Who.ADMIN,
        "POST",
        "/api/webhook-subscriptions",
        List.of(
            "{\"url\":\"https://203.0.113.5\",\"url\":\"https://203.0.113.6\",\"eventTypes\":[\"ticket.created\"]}",
            "{\"url\":\"https://203.0.113.5\",\"eventTypes\":\"ticket.created\"}",
            "{\"url\":42,\"eventTypes\":[\"ticket.created\"]}",
            "{\"url\":\"https://203.0.113.5\",\"eventTypes\":[\"ticket.created\"],\"groupIds\":[\"1\"]}",
            "{\"url\":\"https://203.0.113.5\",\"eventTypes\":[\"ticket.created\"],\"enabled\":\"yes\"}",
            "{\"url\":\"https://203.0.113.5\",\"eventTypes\":[null]}",
            "{\"url\":\"https://203.0.113.5\\r\\nX: y\",\"eventTypes\":[\"ticket.created\"]}"));
    probes.lenientJson(
        "assist.settings",
        Who.ADMIN,
        "PUT",
        "/api/assist/settings",
        List.of(
            "{\"enabled\":\"yes\",\"autoApplyTriage\":false}",
            "{\"enabled\":true}",
            "{\"enabled\":null,\"autoApplyTriage\":null}",
            "{\"enabled\":true,\"autoApplyTriage\":false,\"model\":\"x\"}"));
    probes.lenientJson(
        "assist.triageApply",
        Who.ADMIN,
        "POST",
        t + "/assist/triage/apply",
        List.of(
            "{\"resultId\":\"1\"}",
            "{\"resultId\":-1}",
            "{\"resultId\":1.5}",
            "{\"resultId\":99999999999999999999}",
            "{}"));
    probes.lenientJson(
        "tickets.reply",
        Who.ADMIN,
        "POST",
        t + "/replies",
        List.of(
            "{\"body\":\"B\",\"body\":\"C\"}",
            "{\"body\":\"B\",\"cc\":[\"a@example.com\\r\\nBcc: e@x.test\"]}",
            "{\"body\":\"B\",\"cc\":\"a@example.com\"}",
            "{\"body\":\"B\",\"setStatus\":{\"status\":\"PENDING \",\"comment\":\"c\"}}"));
    probes.lenientJson(
        "agents.patch",
        Who.ADMIN,
        "PATCH",
        "/api/agents/" + agent,
        List.of(
            "{\"capacity\":\"3\"}",
            "{\"capacity\":3.0}",
            "{\"available\":\"true\"}",
            "{\"available\":\"false\",\"available\":true}",
            "{\"role\":\"agent\"}",
            "{\"role\":\" AGENT\"}"));
    probes.lenientJson(
        "portal.create",
        Who.CUSTOMER,
        "POST",
        "/api/portal/tickets",
        List.of(
            "{\"subject\":\"S\",\"description\":\"D\",\"description\":\"E\"}",
            "{\"subject\":\"S\\r\\nBcc: e@x.test\",\"description\":\"D\"}",
            "{\"subject\":1,\"description\":2}"));
  }

  /**
   * Issue 21 and 22's URLs and writers: groups, routing rules, tokens, merges, invitations,
   * exports, lifecycle views, bulk actions.
   */
  static void issue21And22(
      HostileRequests probes, long ticket, long group, long rule, long contact, long token) {
    String t = "/api/tickets/" + ticket;
    List<Target> readers =
        List.of(
            new Target("groups.list", "/api/groups", "mine"),
            new Target("groups.byId", "/api/groups/" + group, "x"),
            new Target("routingRules.list", "/api/routing-rules", "x"),
            new Target("routingRules.byId", "/api/routing-rules/" + rule, "x"),
            new Target("tokens.list", "/api/tokens", "x"),
            new Target("contacts.merges", "/api/contacts/" + contact + "/merges", "x"),
            new Target(
                "contacts.invitations", "/api/contacts/" + contact + "/portal-invitations", "x"),
            new Target("tickets.export", "/api/tickets/export", "groupId"),
            new Target("tickets.exportOne", t + "/export", "x"),
            new Target("stats.export", "/api/stats/export", "report"),
            new Target("lifecycle.ticket", t + "/lifecycle", "pageToken"),
            new Target("lifecycle.mailbox", "/api/mailboxes/1/lifecycle", "size"),
            new Target("lifecycle.assigner", "/api/assignment/lifecycle", "pageToken"),
            new Target("invitations.accept", "/api/auth/invitations/x", "x"));
    for (Who who : Who.values()) {
      probes.urls(who, readers);
    }
    List<Writer> writers =
        List.of(
            new Writer("groups.create", Who.ADMIN, "POST", "/api/groups", "{\"name\":\"H\"}"),
            new Writer("groups.patch", Who.ADMIN, "PATCH", "/api/groups/" + group, "{}"),
            new Writer(
                "routingRules.create",
                Who.ADMIN,
                "POST",
                "/api/routing-rules",
                "{\"name\":\"H\",\"groupId\":" + group + "}"),
            new Writer(
                "routingRules.patch", Who.ADMIN, "PATCH", "/api/routing-rules/" + rule, "{}"),
            new Writer(
                "routingRules.order",
                Who.ADMIN,
                "PUT",
                "/api/routing-rules/order",
                "{\"ids\":[" + rule + "]}"),
            new Writer(
                "routingRules.test",
                Who.ADMIN,
                "POST",
                "/api/routing-rules/test",
                "{\"subject\":\"S\"}"),
            new Writer(
                "tokens.create",
                Who.ADMIN,
                "POST",
                "/api/tokens",
                "{\"name\":\"H\",\"scopes\":[\"tickets:read\"]}"),
            new Writer(
                "contacts.merge",
                Who.ADMIN,
                "POST",
                "/api/contacts/" + contact + "/merge",
                "{\"contactId\":987654321}"),
            new Writer(
                "contacts.invite",
                Who.ADMIN,
                "POST",
                "/api/contacts/987654321/portal-invitation",
                ""),
            new Writer(
                "bulk.create",
                Who.ADMIN,
                "POST",
                "/api/tickets/bulk",
                "{\"comment\":\"c\",\"numbers\":[987654321],\"changes\":{\"priority\":\"LOW\"}}"),
            new Writer(
                "invitations.accept",
                Who.ANONYMOUS,
                "POST",
                "/api/auth/invitations/no-such-token",
                "{\"password\":\"correct horse battery\"}"));
    contentTypes(probes, writers);
    probes.wrongMethods(Who.ADMIN, "groups.list", "/api/groups", List.of("GET", "POST"));
    probes.wrongMethods(
        Who.ADMIN, "groups.byId", "/api/groups/" + group, List.of("GET", "PATCH", "DELETE"));
    probes.wrongMethods(
        Who.ADMIN, "routingRules.order", "/api/routing-rules/order", List.of("PUT"));
    probes.wrongMethods(Who.ADMIN, "routingRules.test", "/api/routing-rules/test", List.of("POST"));
    probes.wrongMethods(Who.ADMIN, "tokens.list", "/api/tokens", List.of("GET", "POST"));
    probes.wrongMethods(Who.ADMIN, "tokens.byId", "/api/tokens/" + token, List.of("DELETE"));
    probes.wrongMethods(
        Who.ADMIN, "contacts.merge", "/api/contacts/" + contact + "/merge", List.of("POST"));
    probes.wrongMethods(Who.ADMIN, "tickets.export", "/api/tickets/export", List.of("GET"));
    probes.wrongMethods(Who.ADMIN, "stats.export", "/api/stats/export", List.of("GET"));
    probes.wrongMethods(Who.ADMIN, "lifecycle.ticket", t + "/lifecycle", List.of("GET"));
    probes.wrongMethods(Who.ADMIN, "bulk.create", "/api/tickets/bulk", List.of("POST"));
    probes.lenientJson(
        "groups.create",
        Who.ADMIN,
        "POST",
        "/api/groups",
        List.of(
            "{\"name\":\"Dup\",\"name\":\"Dup2\"}",
            "{\"name\":\"Lenient\",\"skillWaitSeconds\":\"60\"}",
            "{\"name\":\"Lenient2\",\"skillWaitSeconds\":60.0}",
            "{\"name\":\"  \\u00a0 \"}",
            "{\"name\":\"Probed\"}",
            "{\"name\":\"PROBED\"}"));
    probes.lenientJson(
        "tokens.create",
        Who.ADMIN,
        "POST",
        "/api/tokens",
        List.of(
            "{\"name\":\"L\",\"scopes\":[\"tickets:read\",\"tickets:read\"]}",
            "{\"name\":\"L\",\"scopes\":\"tickets:read\"}",
            "{\"name\":\"L\",\"scopes\":[\"admin\"],\"service\":true}",
            "{\"name\":\"L\",\"scopes\":[\"tickets:read\"],\"expiresAt\":\"2099-01-01T00:00:00+14:00\"}",
            "{\"name\":\"L\",\"scopes\":[\"tickets:read\"],\"expiresAt\":1}"));
  }

  /** Every writer with broken content types, as its caller and signed out. */
  private static void contentTypes(HostileRequests probes, List<Writer> writers) {
    writers.forEach(probes::contentTypes);
    for (Writer writer : writers) {
      // The same write signed out: refused by sign-in or CSRF, never by a crash.
      if (writer.who() != Who.ANONYMOUS) {
        probes.contentTypes(
            new Writer(
                writer.endpoint(),
                Who.ANONYMOUS,
                writer.method(),
                writer.path(),
                writer.validBody()));
      }
    }
  }
}
