package dev.tempodesk.api.mail;

import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.fakes.nylas.InboundEmail;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken emails through the real mail path (fake Nylas over HTTP → sync → Postgres →
 * ticket workflows): each is either stored as a message of a ticket, recorded in skipped_messages
 * with a reason, or held in quarantine with its error, and the sync loop goes on: a normal email
 * sent after them is ingested promptly. HTML is stored as received; the web app sanitizes it with
 * DOMPurify when it shows it.
 */
class HostileEmailTest {
  private static final String HTML_ATTACKS =
      "<p>Hi</p><script>alert(1)</script><iframe src=\"https://evil.example\"></iframe>"
          + "<img src=x onerror=\"alert(2)\"><a href=\"javascript:alert(3)\">click</a>"
          + "<div onmouseover=\"steal()\">hover</div><svg onload=alert(4)></svg>";

  @Test
  void shouldIngestOrSkipWithAReasonEveryHostileEmailAndKeepSyncing() throws Exception {
    try (MailPipeline pipeline =
        new MailPipeline(
            FakeNylasServer.start("pipeline-key", "pipeline-client", FaultPlan.none()), 3)) {
      pipeline.startSync(Duration.ofMillis(300));
      FakeNylasServer nylas = pipeline.nylas;
      Map<String, FakeMessage> sent = new LinkedHashMap<>();
      for (Map.Entry<String, InboundEmail> hostile : hostileEmails().entrySet()) {
        sent.put(hostile.getKey(), nylas.receive(MailPipeline.GRANT, hostile.getValue()));
      }
      FakeMessage first = sent.get("plain first");
      sent.put(
          "duplicate Message-ID",
          nylas.receive(
              MailPipeline.GRANT,
              new InboundEmail(
                  "Dup",
                  "dup@customer.example",
                  null,
                  "Same id",
                  "again",
                  null,
                  Map.of("Message-ID", first.messageIdHeader()))));
      sent.put(
          "References loop to itself",
          nylas.receive(
              MailPipeline.GRANT,
              new InboundEmail(
                  "Loop",
                  "loop@customer.example",
                  null,
                  "Re: loop",
                  "loop",
                  null,
                  Map.of(
                      "Message-ID", "<self@loop.example>",
                      "In-Reply-To", "<self@loop.example>",
                      "References", "<self@loop.example> <self@loop.example>"))));
      sent.put(
          "reply to its own reply chain",
          nylas.receive(
              MailPipeline.GRANT,
              new InboundEmail(
                  "Loop",
                  "loop2@customer.example",
                  null,
                  "Re: chain",
                  "chain",
                  null,
                  Map.of(
                      "Message-ID", "<a@chain.example>",
                      "In-Reply-To", "<b@chain.example>",
                      "References", "<b@chain.example> <a@chain.example> <b@chain.example>"))));
      // Nylas's date is when the mail server received the mail; the sender's Date header is free.
      for (String date :
          List.of(
              "Thu, 01 Jan 1970 00:00:00 +0000",
              "Wed, 31 Dec 1969 23:59:59 +0000",
              "Fri, 31 Dec 9999 23:59:59 +0000",
              "yesterday-ish",
              "")) {
        sent.put(
            "absurd Date header '" + date + "'",
            nylas.receive(
                MailPipeline.GRANT,
                new InboundEmail(
                    "Time",
                    "time@customer.example",
                    null,
                    "When",
                    "dated",
                    null,
                    Map.of("Date", date))));
      }
      // A server clock far ahead: received in the year 3000 and 9999.
      for (long date : new long[] {32503680000L, 253402300799L}) {
        sent.put(
            "received at " + date,
            nylas.receiveAt(
                MailPipeline.GRANT,
                InboundEmail.of("Time", "future" + date + "@customer.example", "When", "dated"),
                date));
      }

      Instant hostileDone = Instant.now();
      FakeMessage canary =
          nylas.receive(
              MailPipeline.GRANT,
              InboundEmail.of("Normal", "normal@customer.example", "Normal question", "Hello"));
      Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
      while (!stored(pipeline, canary.id()) && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
      Duration canaryLatency = Duration.between(hostileDone, Instant.now());
      assertThat(stored(pipeline, canary.id()))
          .as("a normal email after the hostile ones is ingested within 90 s")
          .isTrue();
      while (accounted(pipeline, sent) < sent.size() && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }

      Map<String, String> outcome = new TreeMap<>();
      sent.forEach((name, message) -> outcome.put(name, outcome(pipeline, message.id())));
      Map<String, Long> tally =
          outcome.values().stream()
              .collect(Collectors.groupingBy(o -> o, TreeMap::new, Collectors.counting()));
      System.out.printf(
          "hostile mail: %d sent, outcomes %s, normal mail after them ingested in %d ms%n",
          sent.size(), tally, canaryLatency.toMillis());
      outcome.forEach((name, result) -> System.out.printf("  %-40s %s%n", name, result));

      FakeMessage later =
          nylas.receive(
              MailPipeline.GRANT,
              InboundEmail.of("Later", "later@customer.example", "Later question", "Still there?"));
      Instant laterDeadline = Instant.now().plus(Duration.ofSeconds(30));
      while (!stored(pipeline, later.id()) && Instant.now().isBefore(laterDeadline)) {
        Thread.sleep(100);
      }
      assertThat(stored(pipeline, later.id()))
          .as("sync still ingests new mail after passes over the hostile ones")
          .isTrue();
      assertThat(sent).hasSizeGreaterThanOrEqualTo(40);
      assertThat(outcome)
          .allSatisfy((name, result) -> assertThat(result).as(name).isNotEqualTo("LOST"));
      assertThat(accounted(pipeline, sent)).isEqualTo(sent.size());
      assertThat(outcome.get("script, iframe, on* handlers, javascript: URL"))
          .isEqualTo("ingested");
      assertThat(
              storedBody(pipeline, sent.get("script, iframe, on* handlers, javascript: URL").id()))
          .as("the API stores HTML as received; the web app sanitizes it")
          .isEqualTo(HTML_ATTACKS);
      assertThat(outcome.get("Auto-Submitted: auto-replied")).isEqualTo("skipped AUTO_REPLY");
      assertThat(outcome.get("mailer-daemon bounce")).isEqualTo("skipped BOUNCE");
    }
  }

  private static Map<String, InboundEmail> hostileEmails() {
    Map<String, InboundEmail> mails = new LinkedHashMap<>();
    mails.put("plain first", InboundEmail.of("First", "first@customer.example", "First", "Hi"));
    mails.put("no subject", InboundEmail.of("A", "a@customer.example", null, "no subject"));
    mails.put("empty subject", InboundEmail.of("A", "a@customer.example", "", "empty subject"));
    mails.put("blank subject", InboundEmail.of("A", "a@customer.example", "   \t ", "blank"));
    mails.put("no sender", InboundEmail.of(null, null, "Who am I", "nobody"));
    mails.put("empty sender", InboundEmail.of("", "", "Empty sender", "nobody"));
    mails.put("sender not an address", InboundEmail.of("X", "not an address", "Odd", "odd"));
    mails.put("empty body", InboundEmail.of("B", "b@customer.example", "Empty body", ""));
    mails.put("null body", InboundEmail.of("B", "b@customer.example", "Null body", null));
    mails.put("5 MB body", InboundEmail.of("C", "c@customer.example", "Huge", "y".repeat(5 << 20)));
    mails.put(
        "very long subject",
        InboundEmail.of("D", "d@customer.example", "S".repeat(20_000), "long subject"));
    mails.put(
        "very long sender name",
        InboundEmail.of("N".repeat(5_000), "e@customer.example", "Name", "long name"));
    mails.put(
        "very long address",
        InboundEmail.of("F", "f".repeat(400) + "@customer.example", "Address", "long address"));
    mails.put(
        "script, iframe, on* handlers, javascript: URL",
        InboundEmail.of("G", "g@customer.example", "<b>HTML</b> attack", HTML_ATTACKS));
    mails.put(
        "unclosed HTML",
        InboundEmail.of("G", "g@customer.example", "Unclosed", "<div><table><tr><td><b>"));
    mails.put(
        "invalid charset declared",
        new InboundEmail(
            "H",
            "h@customer.example",
            null,
            "Charset",
            "caf\u00e9 \ufffd\ufffd",
            null,
            Map.of("Content-Type", "text/plain; charset=x-no-such-charset")));
    mails.put(
        "mojibake and replacement chars",
        InboundEmail.of("H", "h@customer.example", "Ã©Ã¨ \ufffd", "\ufffd\ufffd\ufffd Ã¼"));
    mails.put(
        "NUL characters",
        InboundEmail.of("I\u0000", "i@customer.example", "NUL\u0000subject", "body\u0000with NUL"));
    mails.put(
        "control characters",
        InboundEmail.of("J", "j@customer.example", "Bell\u0007\u001b[31m", "esc \u001b[2J \u0008"));
    mails.put(
        "RTL override",
        InboundEmail.of(
            "\u202eK", "k@customer.example", "\u202egnp.exe", "\u05e9\u05dc\u05d5\u05dd"));
    mails.put(
        "emoji and astral",
        InboundEmail.of(
            "L \ud83d\ude00", "l@customer.example", "\ud83d\udd25\ud83d\udd25", "\ud834\udd1e"));
    mails.put(
        "lone surrogates",
        InboundEmail.of("M", "m@customer.example", "half \ud800 pair", "broken \udc00 pair"));
    mails.put(
        "1,000 recipients",
        new InboundEmail(
            "O",
            "o@customer.example",
            IntStream.range(0, 1000)
                .mapToObj(i -> "r" + i + "@customer.example")
                .collect(Collectors.joining(",")),
            "Everyone",
            "spam to all",
            null,
            Map.of()));
    mails.put(
        "Auto-Submitted: auto-replied",
        new InboundEmail(
            "P",
            "p@customer.example",
            null,
            "Out of office",
            "away",
            null,
            Map.of("Auto-Submitted", "auto-replied")));
    mails.put(
        "Auto-Submitted: auto-generated",
        new InboundEmail(
            "P",
            "p@customer.example",
            null,
            "Generated",
            "robot",
            null,
            Map.of("Auto-Submitted", "auto-generated")));
    mails.put(
        "X-Autoreply",
        new InboundEmail(
            "P", "p@customer.example", null, "Auto", "away", null, Map.of("X-Autoreply", "yes")));
    mails.put(
        "X-Autorespond",
        new InboundEmail(
            "P", "p@customer.example", null, "Auto", "away", null, Map.of("X-Autorespond", "1")));
    mails.put(
        "Precedence: bulk",
        new InboundEmail(
            "Q",
            "q@customer.example",
            null,
            "Newsletter",
            "news",
            null,
            Map.of("Precedence", "bulk")));
    mails.put(
        "Precedence: junk",
        new InboundEmail(
            "Q", "q@customer.example", null, "Junk", "junk", null, Map.of("Precedence", "junk")));
    mails.put(
        "List-Id",
        new InboundEmail(
            "Q",
            "q@customer.example",
            null,
            "List",
            "list",
            null,
            Map.of("List-Id", "<list.example.com>")));
    mails.put(
        "mailer-daemon bounce",
        InboundEmail.of(
            "Mail Delivery System", "mailer-daemon@mx.example", "Undeliverable", "bounce"));
    mails.put(
        "postmaster bounce",
        InboundEmail.of("Postmaster", "postmaster@mx.example", "Delivery failed", "bounce"));
    mails.put(
        "from our own address",
        InboundEmail.of("Us", MailPipeline.ADDRESS, "Loop to ourselves", "echo"));
    mails.put(
        "auto-reply to our auto-reply",
        new InboundEmail(
            "R",
            "r@customer.example",
            null,
            "Re: [#1] Received",
            "auto",
            null,
            Map.of("Auto-Submitted", "auto-replied", "X-Autoreply", "yes")));
    mails.put(
        "unknown In-Reply-To",
        InboundEmail.replyTo("<nobody@nowhere.example>", "S", "s@customer.example", "Re: ?", "?"));
    mails.put(
        "malformed Message-ID",
        new InboundEmail(
            "T",
            "t@customer.example",
            null,
            "Bad id",
            "id",
            null,
            Map.of("Message-ID", "not even <bracketed")));
    mails.put(
        "huge References header",
        new InboundEmail(
            "U",
            "u@customer.example",
            null,
            "Refs",
            "refs",
            null,
            Map.of(
                "References",
                IntStream.range(0, 2000)
                    .mapToObj(i -> "<ref" + i + "@x.example>")
                    .collect(Collectors.joining(" ")))));
    mails.put(
        "ticket token of no ticket",
        InboundEmail.of("V", "v@customer.example", "Re: [#999999999] old", "token"));
    mails.put(
        "ticket token overflow",
        InboundEmail.of("V", "v@customer.example", "Re: [#99999999999999999999999] x", "token"));
    mails.put(
        "header injection in subject",
        InboundEmail.of("W", "w@customer.example", "Hi\r\nBcc: all@example.com", "inject"));
    mails.put(
        "SQL in fields",
        InboundEmail.of("'; drop table tickets; --", "x@customer.example", "' OR 1=1 --", "\\'\""));
    return mails;
  }

  private static int accounted(MailPipeline pipeline, Map<String, FakeMessage> sent) {
    return new MailOutcomes(pipeline).accounted(sent.values());
  }

  private static boolean stored(MailPipeline pipeline, String providerId) {
    return new MailOutcomes(pipeline).stored(providerId);
  }

  private static String storedBody(MailPipeline pipeline, String providerId) {
    return pipeline
        .jooq
        .dsl()
        .select(MESSAGES.BODY_HTML)
        .from(MESSAGES)
        .where(MESSAGES.PROVIDER_MESSAGE_ID.eq(providerId))
        .fetchOne(MESSAGES.BODY_HTML);
  }

  private static String outcome(MailPipeline pipeline, String providerId) {
    return new MailOutcomes(pipeline).outcome(providerId);
  }
}
