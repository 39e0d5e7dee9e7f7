package dev.tempodesk.activities.mail;

/**
 * A message from an agent's address that would open a ticket: a ticket's reporter is a customer,
 * and an address belongs to one person (V16), so it is skipped as {@link SkipReason#FROM_AGENT}.
 */
final class MailFromAgentException extends RuntimeException {
  MailFromAgentException(String sender) {
    super("Mail from the agent " + sender + " opens no ticket");
  }
}
