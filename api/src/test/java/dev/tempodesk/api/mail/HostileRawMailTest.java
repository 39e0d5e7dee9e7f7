package dev.tempodesk.api.mail;

import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.SKIPPED_MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.workflows.mailbox.MailboxSyncWorkflow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The RFC edge cases of {@link HostileMailCorpus} as raw mail through the whole path (fake Nylas
 * parses each like a provider-backed Nylas, then sync → Postgres → ticket workflows): every one
 * ends as a message of a ticket or a skip with a reason, and a normal mail sent after all of them
 * is ingested by the next pass.
 */
class HostileRawMailTest {

  @Test
  void everyRfcEdgeCaseEndsAccountedForAndTheMailboxKeepsFlowing() throws Exception {
    Map<String, byte[]> corpus = HostileMailCorpus.all();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(150);
    try (MailPipeline pipeline =
        new MailPipeline(
            FakeNylasServer.start("pipeline-key", "pipeline-client", FaultPlan.none()), 3)) {
      MailboxSyncWorkflow sync = pipeline.startSync(Duration.ofMillis(300));
      FakeNylasServer nylas = pipeline.nylas;
      Map<String, FakeMessage> sent = new LinkedHashMap<>();
      corpus.forEach((name, raw) -> sent.put(name, nylas.receiveRaw(MailPipeline.GRANT, raw)));

      Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
      while (accounted(pipeline, sent) < sent.size() && Instant.now().isBefore(deadline)) {
        Thread.sleep(200);
      }
      Map<String, String> outcome = new TreeMap<>();
      sent.forEach((name, message) -> outcome.put(name, outcome(pipeline, message.id())));
      Map<String, Long> tally =
          outcome.values().stream()
              .collect(Collectors.groupingBy(o -> o, TreeMap::new, Collectors.counting()));
      System.out.printf("raw hostile mail: %d sent, outcomes %s%n", sent.size(), tally);
      outcome.forEach((name, result) -> System.out.printf("  %-55s %s%n", name, result));

      long passesBefore = sync.status().passes();
      FakeMessage canary =
          nylas.receiveRaw(
              MailPipeline.GRANT,
              HostileMailCorpus.mail(
                  "From: Normal <normal@customer.example>\nSubject: Normal question", "Hello"));
      Instant canaryDeadline = Instant.now().plus(Duration.ofSeconds(30));
      while (!stored(pipeline, canary.id()) && Instant.now().isBefore(canaryDeadline)) {
        Thread.sleep(50);
      }
      long passesAfter = sync.status().passes();

      assertThat(outcome)
          .as("each mail is a message of a ticket or a skip with its reason")
          .allSatisfy((name, result) -> assertThat(result).as(name).isNotEqualTo("LOST"));
      assertThat(stored(pipeline, canary.id()))
          .as("a normal mail after all of them becomes a ticket")
          .isTrue();
      assertThat(passesAfter - passesBefore)
          .as("within one pass after the one running when it arrived")
          .isLessThanOrEqualTo(2);
    }
  }

  private static int accounted(MailPipeline pipeline, Map<String, FakeMessage> sent) {
    List<String> ids = sent.values().stream().map(FakeMessage::id).toList();
    var dsl = pipeline.jooq.dsl();
    return dsl.fetchCount(MESSAGES, MESSAGES.PROVIDER_MESSAGE_ID.in(ids))
        + dsl.fetchCount(SKIPPED_MESSAGES, SKIPPED_MESSAGES.PROVIDER_MESSAGE_ID.in(ids));
  }

  private static boolean stored(MailPipeline pipeline, String providerId) {
    return pipeline.jooq.dsl().fetchExists(MESSAGES, MESSAGES.PROVIDER_MESSAGE_ID.eq(providerId));
  }

  private static String outcome(MailPipeline pipeline, String providerId) {
    if (stored(pipeline, providerId)) {
      return "ingested";
    }
    String reason =
        pipeline
            .jooq
            .dsl()
            .select(SKIPPED_MESSAGES.REASON)
            .from(SKIPPED_MESSAGES)
            .where(SKIPPED_MESSAGES.PROVIDER_MESSAGE_ID.eq(providerId))
            .fetchOne(SKIPPED_MESSAGES.REASON);
    return reason == null ? "LOST" : "skipped " + reason;
  }
}
