package dev.tempodesk.api.embedded;

import static dev.tempodesk.api.Eventually.await;
import static dev.tempodesk.api.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TempodeskApplication;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.testing.TestDatabases;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Files in the demo mailbox, over HTTP: the demo conversation's screenshot and PDF, and a simulated
 * email with base64 attachments, come out as the thread's files with inline images served by
 * Tempodesk.
 */
class DemoMailboxAttachmentsTest {

  @Test
  void simulatedAndDemoMailCarryTheirFilesIntoTheThread() {
    TestDatabases.TestDatabase database = TestDatabases.fresh();
    try (DemoMailbox mailbox = DemoMailbox.start();
        ConfigurableApplicationContext app = start(database, mailbox)) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      HttpApi api = TestAccounts.signIn(port, TestAccounts.of(app).agent("AGENT").getEmail());

      // The demo's own conversation: a screenshot shown inline and a PDF.
      mailbox.server().receive(DemoMailbox.GRANT_ID, DemoMailConversation.mail());
      JsonNode demo = awaitFilesSettled(api, "label printer", 2);
      assertThat(files(demo))
          .extracting(
              f -> f.get("filename").asString(),
              f -> f.get("contentType").asString(),
              f -> f.get("state").asString(),
              f -> f.get("inline").asBoolean())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("screenshot.png", "image/png", "STORED", true),
              org.assertj.core.groups.Tuple.tuple(
                  "delivery-note-G-20417.pdf", "application/pdf", "STORED", false));
      String screenshotId = files(demo).getFirst().get("id").asString();
      assertThat(demo.get("bodyHtml").asString())
          .contains("src=\"/api/attachments/" + screenshotId + "?inline=true\"")
          .doesNotContain("cid:");

      // A simulated email with a file, and one that is really an executable.
      String word = "walrus" + UUID.randomUUID().toString().substring(0, 6);
      byte[] exe = new byte[512];
      exe[0] = 'M';
      exe[1] = 'Z';
      exe[0x3c] = (byte) 0x80;
      exe[0x80] = 'P';
      exe[0x81] = 'E';
      Response simulated =
          api.post(
              "/api/dev/inbound-email",
              json(
                  Map.of(
                      "fromEmail",
                      "zoe@newco.example",
                      "subject",
                      "Scanner " + word,
                      "body",
                      "Two files.",
                      "attachments",
                      List.of(
                          Map.of(
                              "filename", "scan.pdf",
                              "contentType", "application/pdf",
                              "contentBase64",
                                  Base64.getEncoder().encodeToString(DemoFiles.pdf("Scan 1"))),
                          Map.of(
                              "filename", "invoice.pdf",
                              "contentType", "application/pdf",
                              "contentBase64", Base64.getEncoder().encodeToString(exe))))));
      assertThat(simulated.status()).as(simulated.body().toString()).isEqualTo(202);
      JsonNode message = awaitFilesSettled(api, word, 2);
      List<JsonNode> files = files(message);
      assertThat(files.get(0).get("state").asString()).isEqualTo("STORED");
      assertThat(files.get(1).get("state").asString()).isEqualTo("REFUSED");
      assertThat(files.get(1).get("reason").asString()).contains("executable");

      Response storedRetry =
          api.post("/api/attachments/" + files.get(0).get("id").asString() + "/retry", "");
      assertThat(storedRetry.status()).isEqualTo(409);
      assertThat(api.post("/api/attachments/" + UUID.randomUUID() + "/retry", "").status())
          .isEqualTo(404);

      Response badBase64 =
          api.post(
              "/api/dev/inbound-email",
              json(
                  Map.of(
                      "fromEmail", "zoe@newco.example",
                      "body", "Broken file.",
                      "attachments",
                          List.of(Map.of("filename", "x.pdf", "contentBase64", "not base64!")))));
      assertThat(badBase64.status()).isEqualTo(400);
      assertThat(badBase64.problemField()).isEqualTo("attachments[0].contentBase64");
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

  /** The inbound message of the one ticket matching {@code text}, once no file is PENDING. */
  private static JsonNode awaitFilesSettled(HttpApi api, String text, int count) {
    await(
        () -> {
          JsonNode items =
              api.get("/api/tickets?text=" + text.replace(" ", "+")).body().get("items");
          if (items.size() != 1) {
            return false;
          }
          List<JsonNode> files = files(inbound(api, items.get(0).get("number").asLong()));
          return files.size() == count
              && files.stream().noneMatch(f -> f.get("state").asString().equals("PENDING"));
        });
    JsonNode items = api.get("/api/tickets?text=" + text.replace(" ", "+")).body().get("items");
    return inbound(api, items.get(0).get("number").asLong());
  }

  private static JsonNode inbound(HttpApi api, long number) {
    return api.get("/api/tickets/" + number + "/messages")
        .body()
        .valueStream()
        .filter(m -> m.get("direction").asString().equals("INBOUND"))
        .findFirst()
        .orElseThrow();
  }

  private static List<JsonNode> files(JsonNode message) {
    return message.get("attachments").valueStream().toList();
  }
}
