package dev.tempodesk.bench.ingest;

import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.InboundEmail;
import dev.tempodesk.fakes.nylas.InboundFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The mail of a B1 run, always the same for a size: {@code threads} conversations opened by
 * customers (some customers open several), and replies to random earlier conversations until {@code
 * emails} messages have arrived. Bodies are a few hundred characters, like a short support mail.
 */
final class MailLoad {
  private static final String[] PRODUCTS = {
    "printer", "laptop", "VPN", "invoice", "password", "monitor", "Wi-Fi", "mailbox", "licence"
  };
  private static final String[] PROBLEMS = {
    "does not start",
    "is very slow",
    "shows an error",
    "was charged twice",
    "cannot connect",
    "stopped working after the update",
    "needs replacing"
  };
  private static final String BODY =
      "Hello support team,\n\nsince this morning our %s %s. We restarted it twice and checked the"
          + " cables and settings as your help page suggests, but nothing changed. Three people in"
          + " the office are affected and cannot work properly. Could you please have a look and"
          + " tell us what to try next?\n\nKind regards,\n%s\n";

  private final int emails;
  private final int threads;
  private final double fileShare;
  private final int fileBytes;

  MailLoad(int emails, int threads) {
    this(emails, threads, 0, 0);
  }

  private MailLoad(int emails, int threads, double fileShare, int fileBytes) {
    if (threads < 1 || emails < threads) {
      throw new IllegalArgumentException("need at least one email per thread");
    }
    this.emails = emails;
    this.threads = threads;
    this.fileShare = fileShare;
    this.fileBytes = fileBytes;
  }

  /**
   * The same mail, where a share of the emails (chosen by a seeded random of their own, so the text
   * stays the same) carries one PDF of {@code bytes}, each with other content.
   */
  MailLoad withFiles(double share, int bytes) {
    return new MailLoad(emails, threads, share, bytes);
  }

  /** How many emails carry a file. */
  int filesCarried() {
    Random files = new Random(17);
    int count = 0;
    for (int i = 0; i < emails; i++) {
      if (files.nextDouble() < fileShare) {
        count++;
      }
    }
    return count;
  }

  int emails() {
    return emails;
  }

  int threads() {
    return threads;
  }

  /** Puts every email into the fake mailbox, in arrival order; returns them as stored there. */
  List<FakeMessage> deliver(FakeNylasServer nylas, String grantId) {
    Random random = new Random(20261122);
    int customers = Math.max(1, threads * 3 / 4);
    List<FakeMessage> delivered = new ArrayList<>(emails);
    List<FakeMessage> starts = new ArrayList<>(threads);
    Random files = new Random(17);
    for (int i = 0; i < emails; i++) {
      List<InboundFile> attached = files.nextDouble() < fileShare ? List.of(file(i)) : List.of();
      // Thread openings are spread over the run instead of all coming first.
      boolean opens =
          starts.size() < threads
              && (starts.isEmpty() || random.nextInt(emails - i) < threads - starts.size());
      FakeMessage message;
      if (opens) {
        int customer = starts.size() % customers;
        String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
        String problem = PROBLEMS[random.nextInt(PROBLEMS.length)];
        message =
            nylas.receive(
                grantId,
                new InboundEmail(
                    "Customer " + customer,
                    "customer" + customer + "@client.example",
                    null,
                    "Our " + product + " " + problem,
                    BODY.formatted(product, problem, "Customer " + customer),
                    null,
                    Map.of(),
                    attached));
        starts.add(message);
      } else {
        FakeMessage parent = starts.get(random.nextInt(starts.size()));
        message =
            nylas.receive(
                grantId,
                new InboundEmail(
                    parent.from().getFirst().name(),
                    parent.from().getFirst().email(),
                    null,
                    "Re: " + parent.subject(),
                    "Any news on this? It is still not working.\n\n" + parent.body(),
                    parent.id(),
                    Map.of(),
                    attached));
      }
      delivered.add(message);
    }
    return delivered;
  }

  /** A PDF header, then bytes of its own, so no two files are the same. */
  private InboundFile file(int email) {
    byte[] content = new byte[fileBytes];
    new Random(email).nextBytes(content);
    byte[] header = ("%PDF-1.4\n% email " + email + "\n").getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, content, 0, Math.min(header.length, content.length));
    return InboundFile.attached("scan-" + email + ".pdf", "application/pdf", content);
  }
}
