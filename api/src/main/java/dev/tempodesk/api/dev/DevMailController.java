package dev.tempodesk.api.dev;

import dev.tempodesk.api.embedded.DemoMailbox;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.ticket.TicketRefusals;
import dev.tempodesk.api.validation.Addresses;
import dev.tempodesk.api.validation.ValidAddress;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.InboundEmail;
import dev.tempodesk.fakes.nylas.InboundFile;
import dev.tempodesk.workflows.mail.MailAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulates a customer writing to the demo mailbox (embedded mode only). The mail lands in the fake
 * Nylas inbox, which notifies the webhook; from there on the real sync path runs.
 */
@RestController
@RequestMapping("/api/dev")
@Tag(name = "Demo")
class DevMailController {
  private final ObjectProvider<DemoMailbox> demoMailbox;
  private final TicketRepository tickets;
  private final MessageRepository messages;

  DevMailController(
      ObjectProvider<DemoMailbox> demoMailbox,
      TicketRepository tickets,
      MessageRepository messages) {
    this.demoMailbox = demoMailbox;
    this.tickets = tickets;
    this.messages = messages;
  }

  /**
   * A simulated customer email; with {@code ticketNumber} it answers that ticket's thread. Its
   * {@code attachments} are listed on the message and served for download, as Nylas does.
   */
  record SimulatedEmail(
      @Size(max = 200) String fromName,
      @NotBlank @ValidAddress @Size(max = 320) String fromEmail,
      @Schema(
              description =
                  "The address the mail is sent to (its To), e.g. one a routing rule routes;"
                      + " default the demo mailbox's, "
                      + DemoMailbox.ADDRESS)
          @ValidAddress
          @Size(max = 320)
          String to,
      @Size(max = 500) String subject,
      @NotBlank @Size(max = 100_000) String body,
      Long ticketNumber,
      @Size(max = 10) List<@Valid @NotNull SimulatedFile> attachments) {}

  /**
   * A file of a simulated email.
   *
   * @param contentType as the sender declares it; Tempodesk checks the bytes itself
   * @param contentBase64 the bytes, base64 (at most about 5 MB)
   * @param inline shown in the body: reference it there as {@code <img src="cid:contentId">}
   */
  record SimulatedFile(
      @NotBlank @Size(max = 200) String filename,
      @Size(max = 200) String contentType,
      @NotBlank @Size(max = MAX_BASE64) String contentBase64,
      Boolean inline,
      @Size(max = 200) String contentId) {}

  /** About 5 MB of file once decoded. */
  static final int MAX_BASE64 = 7_000_000;

  @PostMapping("/inbound-email")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      operationId = "simulateInboundEmail",
      summary = "Simulate a customer email to the demo mailbox (embedded mode only)",
      description = "The mail is simulated: it never leaves this machine.")
  Map<String, Object> inboundEmail(@Valid @RequestBody SimulatedEmail email) {
    DemoMailbox mailbox = demoMailbox.getIfAvailable();
    if (mailbox == null) {
      throw new NotFoundException(
          "Simulated mail exists only with the demo mailbox (no NYLAS_API_KEY).");
    }
    MailAddress sender = Addresses.require("fromEmail", email.fromEmail());
    String to =
        email.to() == null || email.to().isBlank()
            ? DemoMailbox.ADDRESS
            : Addresses.require("to", email.to()).address();
    String subject = email.subject();
    String inReplyTo = null;
    if (email.ticketNumber() != null) {
      var ticket =
          tickets
              .find(email.ticketNumber())
              .orElseThrow(
                  () ->
                      FieldException.invalid(
                          "ticketNumber", TicketRefusals.noTicket(email.ticketNumber())));
      MessagesRecord latest =
          messages.listForTicket(ticket.getNumber()).stream()
              .filter(message -> message.getProviderMessageId() != null)
              .max(Comparator.comparing(MessagesRecord::getOccurredAt))
              .orElseThrow(
                  () ->
                      FieldException.invalid(
                          "ticketNumber",
                          "Ticket #" + ticket.getNumber() + " has no email thread to answer."));
      inReplyTo = latest.getProviderMessageId();
      boolean fakeForgotIt =
          mailbox.server().mailbox(DemoMailbox.GRANT_ID).find(inReplyTo).isEmpty();
      if (fakeForgotIt && latest.getInternetMessageId() != null) {
        // After a restart the in-memory fake no longer knows the message; answering its
        // Message-ID still ties the reply to the ticket through In-Reply-To, as a mail client
        // would.
        inReplyTo = latest.getInternetMessageId().replaceAll("^<|>$", "");
      }
      subject = subject == null || subject.isBlank() ? "Re: " + ticket.getSubject() : subject;
    }
    List<InboundFile> files = files(email.attachments());
    FakeMessage received =
        mailbox
            .server()
            .receive(
                DemoMailbox.GRANT_ID,
                new InboundEmail(
                        email.fromName() == null || email.fromName().isBlank()
                            ? sender.displayName()
                            : email.fromName(),
                        sender.address(),
                        to,
                        subject == null ? "" : subject,
                        email.body(),
                        inReplyTo,
                        Map.of())
                    .withAttachments(files));
    return Map.of(
        "simulated", true,
        "attachments", files.size(),
        "providerMessageId", received.id(),
        "threadId", received.threadId());
  }

  private static List<InboundFile> files(List<SimulatedFile> attachments) {
    if (attachments == null) {
      return List.of();
    }
    List<InboundFile> files = new ArrayList<>();
    for (int i = 0; i < attachments.size(); i++) {
      SimulatedFile file = attachments.get(i);
      byte[] content;
      try {
        content = Base64.getMimeDecoder().decode(file.contentBase64().strip());
      } catch (IllegalArgumentException e) {
        throw FieldException.invalid(
            "attachments[" + i + "].contentBase64", "is not valid base64: " + e.getMessage());
      }
      boolean inline = Boolean.TRUE.equals(file.inline());
      String contentId =
          file.contentId() == null || file.contentId().isBlank()
              ? null
              : file.contentId().strip().replaceAll("^<|>$", "");
      if (inline && contentId == null) {
        throw FieldException.invalid(
            "attachments[" + i + "].contentId",
            "an inline file needs the content id its cid: reference in the body names");
      }
      files.add(new InboundFile(file.filename(), file.contentType(), content, inline, contentId));
    }
    return files;
  }
}
