package dev.tempodesk.workflows.ticket;

import java.util.List;

/**
 * A message the workflow asks the store to write: a reply (QUEUED for sending) or an internal note.
 * The id comes from workflow code, so a retried write is recognised and stored once, together with
 * its attachments. {@code bcc}: blind copies of a reply, empty for none (null in histories from
 * before BCC).
 */
public record OutboundMessage(
    long ticketNumber,
    String messageId,
    Kind kind,
    Actor author,
    String body,
    boolean html,
    List<String> cc,
    List<AttachedFile> attachments,
    List<String> bcc) {

  public OutboundMessage {
    bcc = bcc == null ? List.of() : bcc;
  }

  public OutboundMessage(
      long ticketNumber,
      String messageId,
      Kind kind,
      Actor author,
      String body,
      boolean html,
      List<String> cc) {
    this(ticketNumber, messageId, kind, author, body, html, cc, List.of());
  }

  /** A message without blind copies. */
  public OutboundMessage(
      long ticketNumber,
      String messageId,
      Kind kind,
      Actor author,
      String body,
      boolean html,
      List<String> cc,
      List<AttachedFile> attachments) {
    this(ticketNumber, messageId, kind, author, body, html, cc, attachments, null);
  }

  public enum Kind {
    REPLY,
    NOTE
  }
}
