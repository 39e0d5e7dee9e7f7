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
            new Target("webapp.root", "/", "x"));
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
                "{\"resultId\":1}"));
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
}
