package dev.tempodesk.workflows.ticket;

import java.util.List;

/**
 * An agent's answer to the customer, mailed to the reporter.
 *
 * @param html whether {@code body} is HTML (else plain text)
 * @param cc extra recipients, may be empty
 * @param statusChange an optional change applied with the reply (same rules and required comment as
 *     {@link TicketWorkflow#update}), e.g. reply and set PENDING CUSTOMER in one action
 * @param attachments files sent with the reply (null in histories from before attachments)
 */
public record ReplyRequest(
    Actor actor,
    String body,
    boolean html,
    List<String> cc,
    TicketUpdateRequest statusChange,
    List<AttachedFile> attachments) {

  public ReplyRequest(
      Actor actor, String body, boolean html, List<String> cc, TicketUpdateRequest statusChange) {
    this(actor, body, html, cc, statusChange, List.of());
  }
}
