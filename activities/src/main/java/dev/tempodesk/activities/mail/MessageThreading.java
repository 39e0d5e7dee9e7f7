package dev.tempodesk.activities.mail;

import dev.tempodesk.activities.nylas.NylasMessage;
import dev.tempodesk.db.mail.MailThreadRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the ticket an inbound message belongs to: the provider's thread first; else a stored
 * message it answers (In-Reply-To, References); else a {@code [#1042]} subject token, but only when
 * the sender already takes part in that ticket (anyone can type a number into a subject).
 */
final class MessageThreading {
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
  private static final Pattern TICKET_TOKEN = Pattern.compile("\\[#(\\d{1,18})]");

  private final MailThreadRepository threads;

  MessageThreading(MailThreadRepository threads) {
    this.threads = threads;
  }

  Optional<Long> ticketFor(long mailboxId, NylasMessage message, String sender) {
    if (message.threadId() != null) {
      Optional<Long> byThread = threads.ticketOfThread(mailboxId, message.threadId());
      if (byThread.isPresent()) {
        return byThread;
      }
    }
    Optional<Long> byReference = threads.ticketOfInternetMessageIds(referencedIds(message));
    if (byReference.isPresent()) {
      return byReference;
    }
    return subjectToken(message.subject()).filter(number -> threads.isParticipant(number, sender));
  }

  static List<String> referencedIds(NylasMessage message) {
    List<String> ids = new ArrayList<>();
    for (String header : List.of("In-Reply-To", "References")) {
      for (String value : message.headers(header)) {
        Matcher matcher = MESSAGE_ID.matcher(value);
        while (matcher.find()) {
          ids.add(matcher.group());
        }
      }
    }
    return ids;
  }

  static Optional<Long> subjectToken(String subject) {
    if (subject == null) {
      return Optional.empty();
    }
    Matcher matcher = TICKET_TOKEN.matcher(subject);
    return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
  }
}
