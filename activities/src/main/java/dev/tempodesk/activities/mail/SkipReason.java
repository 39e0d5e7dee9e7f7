package dev.tempodesk.activities.mail;

/** Why a mailbox message does not become part of a ticket (stored in skipped_messages). */
public enum SkipReason {
  DRAFT,
  OWN_SENT,
  /** A copy of a message Tempodesk sent; recorded against that message. */
  OUTBOUND_COPY,
  AUTO_REPLY,
  BOUNCE,
  BULK,
  MAILING_LIST,
  /**
   * No usable sender address ({@link UnattributableMessageException}); kept for rows written before
   * the per-message quarantine, which holds such mail with its reason instead.
   */
  NO_SENDER,
  LOOP,
  /** In the provider's Junk (spam) folder. */
  JUNK,
  /** In the provider's Trash folder. */
  TRASH,
  /**
   * From an agent's address and no reply to an open ticket: a ticket's reporter is a customer, and
   * an address is one person's (V16), so no contact is made for it. An agent's reply to an open
   * ticket is stored as the agent's message.
   */
  FROM_AGENT
}
