package dev.tempodesk.api.mail;

import dev.tempodesk.activities.mail.MailIngest;
import dev.tempodesk.activities.mail.QuarantineRetry;
import dev.tempodesk.activities.nylas.EmailAddress;
import dev.tempodesk.api.error.ApiExceptionHandler;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.validation.Addresses;
import dev.tempodesk.api.validation.HeaderFields;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.jooq.tables.records.QuarantinedMessagesRecord;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.mail.QuarantineRepository;
import dev.tempodesk.workflows.mail.MailAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mail the sync could not ingest, and "Try again". A provider message id may hold {@code /}, {@code
 * +} and {@code =} (Microsoft): percent-encode it as one path segment.
 */
@RestController
@RequestMapping("/api/mailboxes/{mailboxId}/quarantine")
@Tag(name = "Mailboxes")
class MailQuarantineController {
  private final MailboxRepository mailboxes;
  private final QuarantineRepository quarantine;
  private final QuarantineRetry retry;

  MailQuarantineController(
      MailboxRepository mailboxes, QuarantineRepository quarantine, QuarantineRetry retry) {
    this.mailboxes = mailboxes;
    this.quarantine = quarantine;
    this.retry = retry;
  }

  @GetMapping
  @Operation(
      operationId = "listQuarantinedMessages",
      summary = "Messages of the mailbox the sync could not ingest, with the reason")
  List<QuarantinedMessageDto> list(@PathVariable long mailboxId) {
    return quarantine.listOpen(mailbox(mailboxId).getId()).stream()
        .map(QuarantinedMessageDto::from)
        .toList();
  }

  @PostMapping("/{providerMessageId}/retry")
  @Operation(
      operationId = "retryQuarantinedMessage",
      summary =
          "Ingests a quarantined message again (idempotent), optionally with a sender picked by"
              + " hand; 422 with the error if it fails again")
  QuarantineRetryResult retry(
      @PathVariable long mailboxId,
      @PathVariable String providerMessageId,
      @Valid @RequestBody(required = false) QuarantineRetryRequest sender) {
    MailboxesRecord mailbox = mailbox(mailboxId);
    EmailAddress picked = sender == null ? null : picked(sender);
    MailIngest.Outcome outcome =
        retry
            .retry(mailbox, providerMessageId, picked)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Mailbox " + mailboxId + " has no quarantined message with this id"));
    return new QuarantineRetryResult(
        outcome.ticketNumber(), outcome.skipped() == null ? null : outcome.skipped().name());
  }

  @ExceptionHandler(QuarantineRetry.RetryFailed.class)
  ProblemDetail failedAgain(QuarantineRetry.RetryFailed e) {
    QuarantinedMessagesRecord row = e.row();
    ProblemDetail problem =
        ApiExceptionHandler.problem(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "ingest-failed",
            "The message could not be ingested",
            row.getError(),
            null);
    problem.setProperty("attempts", row.getAttempts());
    problem.setProperty("status", row.getStatus());
    problem.setProperty("lastTriedAt", row.getLastTriedAt().toString());
    return problem;
  }

  private MailboxesRecord mailbox(long mailboxId) {
    return mailboxes
        .find(mailboxId)
        .orElseThrow(() -> new NotFoundException("No mailbox " + mailboxId));
  }

  /** The sender picked by hand, read with the one address parser like every other address. */
  private static EmailAddress picked(QuarantineRetryRequest sender) {
    MailAddress address = Addresses.require("fromEmail", sender.fromEmail());
    String name =
        sender.fromName() == null || sender.fromName().isBlank()
            ? address.displayName()
            : HeaderFields.require("fromName", sender.fromName()).strip();
    return new EmailAddress(name, address.address());
  }
}
