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
 * The conversation as a demo user has it, over HTTP only: a customer email to the demo mailbox
 * becomes a ticket and is acknowledged, the agent replies, and the customer's answer to that reply
 * lands on the same ticket.
 */
class DemoMailboxConversationTest {

  @Test
  void shouldAcknowledgeReplyAndKeepTheCustomersAnswerOnTheSameTicket() {
    TestDatabases.TestDatabase database = TestDatabases.fresh();
    try (DemoMailbox mailbox = DemoMailbox.start();
        ConfigurableApplicationContext app = start(database, mailbox)) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      HttpApi api = TestAccounts.signIn(port, TestAccounts.of(app).agent("AGENT").getEmail());
      String word = "zebra" + UUID.randomUUID().toString().substring(0, 6);

      Response simulated =
          api.post(
              "/api/dev/inbound-email",
              json(
                  Map.of(
                      "fromName", "Zoe",
                      "fromEmail", "zoe@newco.example",
                      "subject", "Laptop " + word + " will not boot",
                      "body", "Black screen.")));
      assertThat(simulated.status()).as(simulated.body().toString()).isEqualTo(202);
      long number = awaitSingleTicket(api, word);

      awaitDeliveryStatuses(api, number, List.of("SENT"));
      List<FakeMessage> acknowledged = sentFor(mailbox, number);
      assertThat(acknowledged).hasSize(1);
      assertThat(acknowledged.getFirst().threadId())
          .isEqualTo(simulated.body().get("threadId").asString());

      Response replied =
          api.post(
              "/api/tickets/" + number + "/replies",
              json(Map.of("body", "<p>Hold the power button for 10 s.</p>", "bodyFormat", "HTML")));
      assertThat(replied.status()).as(replied.body().toString()).isEqualTo(202);
      awaitDeliveryStatuses(api, number, List.of("SENT", "SENT"));

      Response answer =
          api.post(
              "/api/dev/inbound-email",
              json(
                  Map.of(
                      "fromName", "Zoe",
                      "fromEmail", "zoe@newco.example",
                      "body", "That worked, thanks!",
                      "ticketNumber", number)));
      assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
      await(() -> messages(api, number).size() == 4);

      assertThat(awaitSingleTicket(api, word)).isEqualTo(number);
      // Mail dates have whole seconds, so the answer may sort before the reply it answers.
      assertThat(messages(api, number))
          .filteredOn(message -> message.get("direction").asString().equals("INBOUND"))
          .extracting(message -> message.get("bodyText").asString())
          .containsExactly("Black screen.", "That worked, thanks!");
      assertThat(sentFor(mailbox, number)).hasSize(2);
    }
  }

  static ConfigurableApplicationContext start(
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

  private static long awaitSingleTicket(HttpApi api, String word) {
    await(() -> api.get("/api/tickets?text=" + word).body().get("items").size() == 1);
    JsonNode items = api.get("/api/tickets?text=" + word).body().get("items");
    assertThat(items.size()).isEqualTo(1);
    return items.get(0).get("number").asLong();
  }

  private static void awaitDeliveryStatuses(HttpApi api, long number, List<String> expected) {
    await(
        () ->
            messages(api, number).stream()
                .filter(message -> message.get("direction").asString().equals("OUTBOUND"))
                .map(message -> message.get("deliveryStatus").asString())
                .toList()
                .equals(expected));
  }

  private static List<JsonNode> messages(HttpApi api, long number) {
    return api.get("/api/tickets/" + number + "/messages").body().valueStream().toList();
  }

  private static List<FakeMessage> sentFor(DemoMailbox mailbox, long number) {
    return mailbox.server().sent(DemoMailbox.GRANT_ID).stream()
        .filter(message -> message.subject().contains("[#" + number + "]"))
        .toList();
  }
}
