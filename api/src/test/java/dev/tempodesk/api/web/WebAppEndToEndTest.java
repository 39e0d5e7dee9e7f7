package dev.tempodesk.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.TempodeskApplication;
import dev.tempodesk.api.config.RuntimeSettings;
import dev.tempodesk.api.embedded.DemoMailbox;
import dev.tempodesk.api.embedded.EmbeddedMode;
import dev.tempodesk.api.mail.PoisonMail;
import dev.tempodesk.fakes.nylas.InboundEmail;
import dev.tempodesk.fakes.openai.FakeOpenAiServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web app in real Chromium against the app in embedded mode (embedded Postgres with demo data,
 * in-memory Temporal, demo mailbox), on free ports so it runs next to a developer's app. The
 * journeys live in {@code webapp/e2e/steps.mjs}; this test starts the app, runs them with Node and
 * playwright-core, and fails when any fails. Screenshots go to {@code webapp/target/screenshots}.
 * Needs Chromium: set CHROMIUM_PATH, or skip with {@code -De2e.skip=true}.
 */
class WebAppEndToEndTest {
  private static final Path WEBAPP = Path.of("../webapp").toAbsolutePath().normalize();
  private static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

  @TempDir Path dataDirectory;

  @Test
  void shouldPassTheBrowserJourneysAgainstTheEmbeddedApp() throws Exception {
    if (Boolean.getBoolean("e2e.skip")) {
      return;
    }
    assertThat(Files.isExecutable(CHROMIUM))
        .as(
            "The browser tests need Chromium at %s (apt-get install -y chromium, or set"
                + " CHROMIUM_PATH); skip them with -De2e.skip=true",
            CHROMIUM)
        .isTrue();
    RuntimeSettings settings =
        RuntimeSettings.from(
            Map.of(
                "TEMPODESK_DATA_DIR", dataDirectory.toString(),
                "TEMPODESK_POSTGRES_PORT", "" + freePort(),
                "TEMPODESK_TEMPORAL_PORT", "" + freePort()));
    // Assist against the fake OpenAI-compatible model (TEMPODESK_ASSIST_URL and _MODEL).
    try (FakeOpenAiServer model = FakeOpenAiServer.start();
        EmbeddedMode embedded = EmbeddedMode.start(settings);
        ConfigurableApplicationContext app =
            TempodeskApplication.run(
                embedded,
                "--server.port=0",
                "--tempodesk.assist.url=" + model.baseUrl(),
                "--tempodesk.assist.model=" + FakeOpenAiServer.DEFAULT_MODEL,
                // every journey's new ticket is triaged: the default budget (30/min) is for people
                "--tempodesk.assist.per-minute=600")) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      // One mail the database cannot store, so the quarantine step shows a real row.
      embedded
          .demoMailbox()
          .orElseThrow()
          .server()
          .receive(
              DemoMailbox.GRANT_ID,
              new InboundEmail(
                  "Mallory Mailer",
                  "billing@vendor.example",
                  null,
                  "Invoice 4711 attached",
                  "Please find the invoice attached.",
                  null,
                  Map.of("Message-ID", PoisonMail.oversizeMessageId())));
      Path log = Files.createTempFile("tempodesk-e2e", ".log");
      ProcessBuilder node =
          new ProcessBuilder("node", "e2e/run.mjs")
              .directory(WEBAPP.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      node.environment().put("BASE_URL", "http://localhost:" + port);
      node.environment().put("CHROMIUM_PATH", CHROMIUM.toString());
      Process process = node.start();
      boolean finished = process.waitFor(10, TimeUnit.MINUTES);
      if (!finished) {
        process.destroyForcibly();
      }
      String output = Files.readString(log);
      System.out.println(output);
      assertThat(finished).as("the browser journeys finish within 10 minutes").isTrue();
      assertThat(process.exitValue()).as("browser journeys:%n%s", output).isZero();
      // The journeys whose APIs this backend serves must have run, not been skipped.
      assertThat(output)
          .contains(
              "PASS an agent signs in",
              "PASS the ticket list",
              "PASS changing the priority",
              "PASS an agent attaches a file to a reply, sees it in the thread and downloads",
              "PASS an inbound HTML mail shows its inline (cid:) image",
              "PASS a mail with a tracking pixel fetches nothing remote",
              "PASS an admin lists the agents",
              "PASS an admin creates a business calendar",
              "PASS an admin writes an SLA policy",
              "PASS a ticket shows its first-response and next-reply clocks in business time",
              "PASS a manager bulk-closes three tickets",
              "PASS an agent applies a macro and sends the reply",
              "PASS the ticket list updates live when a ticket changes elsewhere",
              "PASS an agent writes a formatted reply with CC and BCC",
              "PASS two agents on one ticket see each other live",
              "PASS on a 390 px phone the list, the ticket page and the portal fit",
              "PASS a manager edits an organization and adds an asset",
              "PASS the statistics dashboard",
              "PASS an agent finds a ticket by a word that appears only in a message body",
              "PASS an agent saves a view and reopens it from the rail",
              "PASS keyboard shortcuts move through the list and open a ticket",
              "PASS an agent tags a ticket and filters the list by the tag",
              "PASS filtering the list by mailbox, reporter and a date range",
              "PASS an agent sets a signature and it is appended to a reply",
              "PASS an admin creates a group with members",
              "PASS a routing rule sends a customer email to its group, auto-assigned to a member",
              "PASS a manager reads a ticket's lifecycle in the Activity tab",
              "PASS an admin subscribes a webhook and sees its deliveries",
              "PASS similar tickets suggest a past reply with no provider configured",
              "PASS an agent reads the summary and takes a suggested reply and triage from the model",
              "PASS a customer signs into the portal",
              "PASS the customer opens a request and replies",
              "PASS the customer sends a file and downloads it, and gets 404 for another",
              "PASS a manager sees quarantined mail with its reason and tries it again");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
