package dev.tempodesk.api.assist;

import java.util.List;

/**
 * What assist's prompts are built from: the ticket's customer-facing side only (README "Assist": no
 * internal notes, no e-mail addresses, no attachments).
 *
 * @param thread the public messages, oldest first (the latest {@link AssistPrompts#THREAD_LIMIT})
 * @param publicMessages how many public messages the ticket has in all
 */
record TicketContext(
    long number,
    String subject,
    String customerName,
    String status,
    String priority,
    List<String> tags,
    String group,
    List<Entry> thread,
    int publicMessages) {

  /** One public message: who wrote it (a name and "customer" or "agent") and its text. */
  record Entry(String speaker, String role, String text) {}
}
