package dev.tempodesk.api.embedded;

import static dev.tempodesk.api.Eventually.await;
import static dev.tempodesk.api.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TempodeskApplication;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.fakes.nylas.FakeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Addresses the old shape check refused, over HTTP only, through the demo mailbox (the real Nylas
 * client and sync path against the fake): a customer writing from {@code "q z"@example.org} becomes
 * a ticket (the sync does not stall on it), an agent opening a ticket for the same address in other
 * case finds the same contact, a reply's CC with a comma inside quotes reaches the provider as one
 * recipient each, and addresses that are none are a 400 naming the field.
 */
class OddAddressesTest {
  private static final String QUOTED = "\"q z\"@example.org";

  @Test
  void shouldTurnQuotedAddressesIntoTicketsAndSendToThemAsWritten() {
    TestDatabases.TestDatabase database = TestDatabases.fresh();
    try (DemoMailbox mailbox = DemoMailbox.start();
        ConfigurableApplicationContext app = start(database, mailbox)) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      HttpApi api = TestAccounts.signIn(port, TestAccounts.of(app).agent("MANAGER").getEmail());
      String word = "quoted" + UUID.randomUUID().toString().substring(0, 6);

      Response simulated =
          api.post(
              "/api/dev/inbound-email",
              json(
                  Map.of(
                      "fromName",
                      "Q Z",
                      "fromEmail",
                      QUOTED,
                      "subject",
                      "Printer " + word,
                      "body",
                      "It jams.")));
      assertThat(simulated.status()).as(simulated.body().toString()).isEqualTo(202);
      JsonNode mailed = awaitSingleTicket(api, word);
      assertThat(mailed.get("reporterEmail").asString()).isEqualTo(QUOTED);
      assertThat(mailed.get("reporterName").asString()).isEqualTo("Q Z");
      long number = mailed.get("number").asLong();
      awaitDeliveryStatuses(api, number, List.of("SENT"));
      assertThat(sentFor(mailbox, number).getFirst().to())
          .as("the acknowledgement goes to the address as written")
          .containsExactly(new FakeMessage.Participant(null, QUOTED));

      // A normal mail after it is still ingested: the sync did not stop on the quoted sender.
      Response normal =
          api.post(
              "/api/dev/inbound-email",
              json(
                  Map.of(
                      "fromEmail", "plain@example.org",
                      "subject", "Plain " + word,
                      "body", "Hello")));
      assertThat(normal.status()).isEqualTo(202);
      await(() -> tickets(api, word).size() == 2);

      Response created =
          api.post(
              "/api/tickets",
              json(
                  Map.of(
                      "subject", "Phone " + word,
                      "description", "Called in.",
                      "reporterEmail", "\"Q Z\"@Example.ORG.")));
      assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
      assertThat(created.body().get("reporterEmail").asString()).isEqualTo(QUOTED);
      assertThat(created.body().get("reporterId").asLong())
          .as("the same person in other case is the same contact")
          .isEqualTo(mailed.get("reporterId").asLong());

      Response replied =
          api.post(
              "/api/tickets/" + number + "/replies",
              json(
                  Map.of(
                      "body",
                      "Please restart it.",
                      "cc",
                      List.of("\"Doe, Jane\" <Jane@Example.org>", "\"a,b\"@example.org"))));
      assertThat(replied.status()).as(replied.body().toString()).isEqualTo(202);
      awaitDeliveryStatuses(api, number, List.of("SENT", "SENT"));
      FakeMessage reply = sentFor(mailbox, number).getLast();
      assertThat(reply.to()).containsExactly(new FakeMessage.Participant(null, QUOTED));
      assertThat(reply.cc())
          .as("a comma inside quotes does not split a recipient")
          .containsExactly(
              new FakeMessage.Participant("Doe, Jane", "jane@example.org"),
              new FakeMessage.Participant(null, "\"a,b\"@example.org"));

      Response unquotedSpace =
          api.post(
              "/api/tickets",
              json(
                  Map.of(
                      "subject", "Bad " + word,
                      "description", "x",
                      "reporterEmail", "q z@example.org")));
      Response commaOutsideQuotes =
          api.post(
              "/api/tickets/" + number + "/replies",
              json(Map.of("body", "Hi", "cc", List.of("Doe, Jane <jane@example.org>"))));
      Response unbalanced =
          api.post(
              "/api/dev/inbound-email",
              json(Map.of("fromEmail", "\"q z@example.org", "body", "x")));
      Response tooLong =
          api.post(
              "/api/contacts",
              json(Map.of("email", "a".repeat(65) + "@example.org", "displayName", "Long")));
      assertThat(unquotedSpace.status()).isEqualTo(400);
      assertThat(unquotedSpace.problemField()).isEqualTo("reporterEmail");
      assertThat(unquotedSpace.body().get("detail").asString()).contains("unquoted space");
      assertThat(commaOutsideQuotes.status()).isEqualTo(400);
      assertThat(commaOutsideQuotes.problemField()).isEqualTo("cc[0]");
      assertThat(unbalanced.status()).isEqualTo(400);
      assertThat(unbalanced.problemField()).isEqualTo("fromEmail");
      assertThat(tooLong.status()).isEqualTo(400);
      assertThat(tooLong.problemField()).isEqualTo("email");
      assertThat(tooLong.body().get("detail").asString()).contains("65 octets");
    }
  }

  private static ConfigurableApplicationContext start(
      TestDatabases.TestDatabase database, DemoMailbox mailbox) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.datasource.url=" + database.jdbcUrl());
    args.add("--spring.datasource.username=postgres");
    args.add("--tempodesk.mail.poll-interval=PT1S");
    mailbox.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
    return new SpringApplicationBuilder(TempodeskApplication.class)
        .profiles("test")
        .initializers(context -> context.getBeanFactory().registerSingleton("demoMailbox", mailbox))
        .run(args.toArray(String[]::new));
  }

  private static List<JsonNode> tickets(HttpApi api, String word) {
    return api.get("/api/tickets?text=" + word).body().get("items").valueStream().toList();
  }

  private static JsonNode awaitSingleTicket(HttpApi api, String word) {
    await(() -> tickets(api, word).size() == 1);
    return tickets(api, word).getFirst();
  }

  private static void awaitDeliveryStatuses(HttpApi api, long number, List<String> expected) {
    await(
        () ->
            api.get("/api/tickets/" + number + "/messages")
                .body()
                .valueStream()
                .filter(message -> message.get("direction").asString().equals("OUTBOUND"))
                .map(message -> message.get("deliveryStatus").asString())
                .toList()
                .equals(expected));
  }

  private static List<FakeMessage> sentFor(DemoMailbox mailbox, long number) {
    return mailbox.server().sent(DemoMailbox.GRANT_ID).stream()
        .filter(message -> message.subject().contains("[#" + number + "]"))
        .toList();
  }
}
