package dev.tempodesk.api.mail;

import dev.tempodesk.db.jooq.tables.records.QuarantinedMessagesRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/**
 * A mailbox message the sync could not ingest, and why.
 *
 * @param sender the from (and reply-to) entries as received, e.g. {@code Dana <"q z"@example.org>}
 * @param status RETRYING while later passes still try it by themselves, QUARANTINED once they
 *     stopped
 */
public record QuarantinedMessageDto(
    String providerMessageId,
    String providerThreadId,
    String subject,
    String sender,
    String error,
    int attempts,
    @Schema(allowableValues = {"RETRYING", "QUARANTINED", "RESOLVED"}) String status,
    Long ticketNumber,
    OffsetDateTime firstTriedAt,
    OffsetDateTime lastTriedAt) {

  static QuarantinedMessageDto from(QuarantinedMessagesRecord row) {
    return new QuarantinedMessageDto(
        row.getProviderMessageId(),
        row.getProviderThreadId(),
        row.getSubject(),
        row.getSender(),
        row.getError(),
        row.getAttempts(),
        row.getStatus(),
        row.getTicketNumber(),
        row.getFirstTriedAt(),
        row.getLastTriedAt());
  }
}
