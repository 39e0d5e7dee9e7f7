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
 * @param bcc blind copies (null in histories from before BCC: none)
 */
public record ReplyRequest(
    Actor actor,
    String body,
    boolean html,
    List<String> cc,
    TicketUpdateRequest statusChange,
    List<AttachedFile> attachments,
    List<String> bcc) {

  public ReplyRequest(
      Actor actor, String body, boolean html, List<String> cc, TicketUpdateRequest statusChange) {
    this(actor, body, html, cc, statusChange, List.of());
  }

  /** A reply without blind copies. */
  public ReplyRequest(
      Actor actor,
      String body,
      boolean html,
      List<String> cc,
      TicketUpdateRequest statusChange,
      List<AttachedFile> attachments) {
    this(actor, body, html, cc, statusChange, attachments, null);
  }
}
