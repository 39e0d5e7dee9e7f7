package dev.tempodesk.api.mail;

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
 * ends as a message of a ticket, a skip with a reason or a quarantine row, and a normal mail sent
 * after all of them is ingested by the next pass. Mail nobody can be said to have sent is
 * quarantined, not dropped.
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

      MailOutcomes outcomes = new MailOutcomes(pipeline);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
      while (outcomes.accounted(sent.values()) < sent.size() && Instant.now().isBefore(deadline)) {
        Thread.sleep(200);
      }
      Map<String, String> outcome = new TreeMap<>();
      sent.forEach((name, message) -> outcome.put(name, outcomes.outcome(message.id())));
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
      while (!outcomes.stored(canary.id()) && Instant.now().isBefore(canaryDeadline)) {
        Thread.sleep(50);
      }
      long passesAfter = sync.status().passes();

      assertThat(outcome)
          .as("each mail is a message of a ticket or a skip with its reason")
          .allSatisfy((name, result) -> assertThat(result).as(name).isNotEqualTo("LOST"));
      assertThat(outcomes.stored(canary.id()))
          .as("a normal mail after all of them becomes a ticket")
          .isTrue();
      assertThat(passesAfter - passesBefore)
          .as("within one pass after the one running when it arrived")
          .isLessThanOrEqualTo(2);

      // The sender rule: first valid address of From, else Reply-To, else Sender (canonical form).
      Map<String, String> reporters =
          Map.of(
              "From: quoted local part with space", "\"q z\"@example.org",
              "From: quoted local part with comma", "\"smith,john\"@example.org",
              "From: several From with quoted comma", "jane@example.org",
              "From: upper case", "john.doe@example.org",
              "From: IDN domain (UTF-8)", "joerg@xn--mnchen-3ya.example",
              "From: IDN domain (punycode)", "joerg@xn--mnchen-3ya.example",
              "From: comments everywhere (A.5)", "pete@silly.test",
              "bad From, good Reply-To", "real.reply@example.org",
              "no From, Sender only", "sender.only@example.org",
              "From: group as From", "c@a.test");
      reporters.forEach(
          (name, email) ->
              assertThat(outcomes.reporter(sent.get(name).id())).as(name).isEqualTo(email));
      // Machine mail told apart without auto-reply headers (IMAP/EWS serve few).
      assertThat(outcome.get("delivery report from a plain address")).isEqualTo("skipped BOUNCE");
      assertThat(outcome.get("delivery report from MAILER-DAEMON")).isEqualTo("skipped BOUNCE");
      assertThat(outcome.get("Exchange out-of-office without headers"))
          .isEqualTo("skipped AUTO_REPLY");
      // Mail nobody can be said to have sent waits in quarantine for a person, with its reason.
      for (String nobody :
          List.of(
              "From: display name only", "From: empty From", "no headers at all", "empty mail")) {
        assertThat(outcome.get(nobody)).as(nobody).isEqualTo("quarantined");
      }
      // Broken MIME, calendars, S/MIME, TNEF, forwards and huge fields still become tickets.
      for (String ticket :
          List.of(
              "boundary never closed",
              "60 nested multiparts",
              "calendar invite as alternative",
              "S/MIME signed",
              "TNEF winmail.dat with text",
              "forwarded as message/rfc822",
              "digest of three messages",
              "subject of 100,000 chars",
              "body of 8 MB",
              "NUL in subject",
              "raw Latin-1 subject (invalid UTF-8)")) {
        assertThat(outcome.get(ticket)).as(ticket).isEqualTo("ingested");
      }
    }
  }
}
