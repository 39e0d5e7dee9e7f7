package dev.tempodesk.api.mail;

import static dev.tempodesk.db.jooq.Tables.MAILBOX_THREADS;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.SKIPPED_MESSAGES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.demo.nylas.FakeMessage;
import dev.tempodesk.api.demo.nylas.FakeNylasServer;
import dev.tempodesk.api.demo.nylas.FaultKind;
import dev.tempodesk.api.demo.nylas.FaultPlan;
import dev.tempodesk.api.demo.nylas.InboundEmail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * No email is lost or doubled: 2,000 messages over 400 threads, replies arriving across many poll
 * cycles, while the fake Nylas answers with 5xx, 429 and slow responses and serves duplicated and
 * reordered pages, and the worker is killed and restarted twice mid-run. The size can be raised
 * with -Dtempodesk.noLoss.messages=10000.
 */
class MailIngestNoLossTest {
  private static final int MESSAGE_COUNT = Integer.getInteger("tempodesk.noLoss.messages", 2000);
  private static final int THREAD_COUNT = MESSAGE_COUNT / 5;
  // Off by default: mailing 400 acknowledgements through the same faults (and listing their copies
  // on every pass) more than doubles the run on a busy machine.
  private static final boolean ACKNOWLEDGE = Boolean.getBoolean("tempodesk.noLoss.acknowledge");

  @Test
  void shouldStoreEveryMessageExactlyOnceWithOneTicketPerThreadUnderFaultsAndCrashes()
      throws Exception {
    FaultPlan faults =
        FaultPlan.seeded(20261122)
            .internalErrors(0.01)
            .badGateways(0.01)
            .gatewayTimeouts(0.01)
            .rateLimits(0.01, 1)
            .slowResponses(0.02, Duration.ofMillis(300))
            .duplicatedPages(0.2)
            .reorderedPages(0.2);
    try (MailPipeline pipeline =
        new MailPipeline(
            FakeNylasServer.start("pipeline-key", "pipeline-client", faults), 2, ACKNOWLEDGE)) {
      pipeline.startSync(Duration.ofMillis(300));
      Random random = new Random(42);
      List<FakeMessage> threadStarts = new ArrayList<>();
      Map<String, Integer> expectedSkips = new HashMap<>();
      int customerMail = 0;
      for (int i = 0; i < MESSAGE_COUNT; i++) {
        boolean newThread =
            threadStarts.size() < THREAD_COUNT && (i % 5 == 0 || threadStarts.isEmpty());
        String parent =
            newThread ? null : threadStarts.get(random.nextInt(threadStarts.size())).id();
        if (!newThread && i % 97 == 0) {
          // Out-of-office answers and list mail come in too; they must be recorded, not ingested.
          pipeline.nylas.receive(
              MailPipeline.GRANT,
              new InboundEmail(
                  "Auto",
                  "ooo" + i + "@customer.example",
                  MailPipeline.ADDRESS,
                  "Out of office",
                  "I am away",
                  parent,
                  Map.of("Auto-Submitted", "auto-replied")));
          expectedSkips.merge("AUTO_REPLY", 1, Integer::sum);
          continue;
        }
        FakeMessage message =
            pipeline.nylas.receive(
                MailPipeline.GRANT,
                new InboundEmail(
                    "Customer " + (i % 37),
                    "c" + (i % 37) + "@customer.example",
                    MailPipeline.ADDRESS,
                    newThread ? "Problem " + i : "Re: follow-up",
                    "Message body " + i,
                    parent,
                    Map.of()));
        customerMail++;
        if (newThread) {
          threadStarts.add(message);
        }
        if (i % 50 == 49) {
          Thread.sleep(40); // let poll cycles interleave with arrivals
        }
        if (i == MESSAGE_COUNT / 3 || i == 2 * MESSAGE_COUNT / 3) {
          pipeline.killWorker();
          Thread.sleep(500);
          pipeline.startWorker();
        }
      }
      pipeline.nylas.addDraft(MailPipeline.GRANT, "c1@customer.example", "Draft", "unsent", null);
      expectedSkips.merge("DRAFT", 1, Integer::sum);

      int expectedStored = customerMail;
      Instant deadline = Instant.now().plus(Duration.ofMinutes(ACKNOWLEDGE ? 6 : 4));
      while (storedMessages(pipeline) < expectedStored && Instant.now().isBefore(deadline)) {
        Thread.sleep(250);
      }
      Thread.sleep(2_000); // later passes re-list the overlap: nothing may be stored twice

      var dsl = pipeline.jooq.dsl();
      int stored = storedMessages(pipeline);
      int distinctProviderIds =
          dsl.fetchValue(
              DSL.select(DSL.countDistinct(MESSAGES.PROVIDER_MESSAGE_ID))
                  .from(MESSAGES)
                  .where(MESSAGES.DIRECTION.eq("INBOUND")));
      int tickets = dsl.fetchCount(TICKETS);
      int mappedThreads = dsl.fetchCount(MAILBOX_THREADS);
      int ticketThreads =
          dsl.fetchValue(DSL.select(DSL.countDistinct(TICKETS.THREAD_ID)).from(TICKETS));
      Map<String, Integer> skips =
          dsl.select(SKIPPED_MESSAGES.REASON, DSL.count())
              .from(SKIPPED_MESSAGES)
              // Copies of the acknowledgements come back as the sends finish; checked below.
              .where(SKIPPED_MESSAGES.REASON.ne("OUTBOUND_COPY"))
              .groupBy(SKIPPED_MESSAGES.REASON)
              .fetchMap(SKIPPED_MESSAGES.REASON, DSL.count());
      Map<FaultKind, Long> injected = pipeline.nylas.faultCounts();
      System.out.printf(
          "no-loss: injected %d customer messages in %d threads; stored %d (distinct %d),"
              + " tickets %d, mapped threads %d, skipped %s; faults %s%n",
          customerMail,
          threadStarts.size(),
          stored,
          distinctProviderIds,
          tickets,
          mappedThreads,
          skips,
          injected);

      assertThat(stored).isEqualTo(expectedStored);
      assertThat(distinctProviderIds).isEqualTo(expectedStored);
      assertThat(tickets).isEqualTo(THREAD_COUNT);
      assertThat(mappedThreads).isEqualTo(THREAD_COUNT);
      assertThat(ticketThreads).isEqualTo(THREAD_COUNT);
      assertThat(skips).isEqualTo(expectedSkips);
      long serverErrors =
          injected.getOrDefault(FaultKind.INTERNAL_ERROR, 0L)
              + injected.getOrDefault(FaultKind.BAD_GATEWAY, 0L)
              + injected.getOrDefault(FaultKind.GATEWAY_TIMEOUT, 0L);
      assertThat(serverErrors).as("5xx answers were injected").isPositive();
      if (ACKNOWLEDGE) {
        assertEachTicketAcknowledgedOnce(pipeline);
      }
      assertThat(injected)
          .as("the run was really disturbed")
          .containsKeys(
              FaultKind.RATE_LIMITED,
              FaultKind.SLOW_RESPONSE,
              FaultKind.DUPLICATED_PAGE,
              FaultKind.REORDERED_PAGE);
    }
  }

  private static int storedMessages(MailPipeline pipeline) {
    return pipeline.jooq.dsl().fetchCount(MESSAGES, MESSAGES.DIRECTION.eq("INBOUND"));
  }

  /**
   * Every ticket is acknowledged exactly once, although sends met the same faults and worker kills:
   * retries reuse the Idempotency-Key, so the fake mails each acknowledgement once.
   */
  private static void assertEachTicketAcknowledgedOnce(MailPipeline pipeline)
      throws InterruptedException {
    var dsl = pipeline.jooq.dsl();
    var sentRows = MESSAGES.DIRECTION.eq("OUTBOUND").and(MESSAGES.DELIVERY_STATUS.eq("SENT"));
    // A send lost with a killed worker is tried again after its 2-minute start-to-close timeout.
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    while (dsl.fetchCount(MESSAGES, sentRows) < THREAD_COUNT && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
    List<String> subjects =
        pipeline.nylas.sent(MailPipeline.GRANT).stream().map(FakeMessage::subject).toList();
    System.out.printf(
        "no-loss: %d acknowledgements sent for %d tickets%n", subjects.size(), THREAD_COUNT);
    assertThat(dsl.fetchCount(MESSAGES, sentRows)).isEqualTo(THREAD_COUNT);
    assertThat(subjects).hasSize(THREAD_COUNT).doesNotHaveDuplicates();
    assertThat(
            dsl.fetchCount(
                SKIPPED_MESSAGES,
                SKIPPED_MESSAGES
                    .REASON
                    .eq("OUTBOUND_COPY")
                    .and(SKIPPED_MESSAGES.MATCHED_MESSAGE_ID.isNull())))
        .as("every copy of our own mail is matched to the message it copies")
        .isZero();
  }
}
