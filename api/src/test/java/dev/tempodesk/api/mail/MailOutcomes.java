package dev.tempodesk.api.mail;

import static dev.tempodesk.db.jooq.Tables.CONTACTS;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.QUARANTINED_MESSAGES;
import static dev.tempodesk.db.jooq.Tables.SKIPPED_MESSAGES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.db.mail.QuarantineRepository;
import dev.tempodesk.fakes.nylas.FakeMessage;
import java.util.Collection;
import java.util.List;

/**
 * What became of mail the sync listed: a message of a ticket ("ingested"), a skip with its reason,
 * a quarantine row still open, or nothing ("LOST" — the one outcome that must never happen).
 */
final class MailOutcomes {
  private final MailPipeline pipeline;

  MailOutcomes(MailPipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** How many of these mails have an outcome. */
  int accounted(Collection<FakeMessage> sent) {
    List<String> ids = sent.stream().map(FakeMessage::id).toList();
    var dsl = pipeline.jooq.dsl();
    return dsl.fetchCount(MESSAGES, MESSAGES.PROVIDER_MESSAGE_ID.in(ids))
        + dsl.fetchCount(SKIPPED_MESSAGES, SKIPPED_MESSAGES.PROVIDER_MESSAGE_ID.in(ids))
        + dsl.fetchCount(
            QUARANTINED_MESSAGES,
            QUARANTINED_MESSAGES.PROVIDER_MESSAGE_ID.in(ids),
            QUARANTINED_MESSAGES.STATUS.ne(QuarantineRepository.RESOLVED));
  }

  boolean stored(String providerId) {
    return pipeline.jooq.dsl().fetchExists(MESSAGES, MESSAGES.PROVIDER_MESSAGE_ID.eq(providerId));
  }

  /** "ingested", "skipped REASON", "quarantined" or "LOST". */
  String outcome(String providerId) {
    var dsl = pipeline.jooq.dsl();
    if (stored(providerId)) {
      return "ingested";
    }
    String reason =
        dsl.select(SKIPPED_MESSAGES.REASON)
            .from(SKIPPED_MESSAGES)
            .where(SKIPPED_MESSAGES.PROVIDER_MESSAGE_ID.eq(providerId))
            .fetchOne(SKIPPED_MESSAGES.REASON);
    if (reason != null) {
      return "skipped " + reason;
    }
    boolean quarantined =
        dsl.fetchExists(
            QUARANTINED_MESSAGES,
            QUARANTINED_MESSAGES.PROVIDER_MESSAGE_ID.eq(providerId),
            QUARANTINED_MESSAGES.STATUS.ne(QuarantineRepository.RESOLVED));
    return quarantined ? "quarantined" : "LOST";
  }

  /** The email address of the reporter of the ticket this mail was stored on, or null. */
  String reporter(String providerId) {
    return pipeline
        .jooq
        .dsl()
        .select(CONTACTS.EMAIL)
        .from(MESSAGES)
        .join(TICKETS)
        .on(TICKETS.NUMBER.eq(MESSAGES.TICKET_NUMBER))
        .join(CONTACTS)
        .on(CONTACTS.ID.eq(TICKETS.REPORTER_ID))
        .where(MESSAGES.PROVIDER_MESSAGE_ID.eq(providerId))
        .fetchOne(CONTACTS.EMAIL);
  }
}
