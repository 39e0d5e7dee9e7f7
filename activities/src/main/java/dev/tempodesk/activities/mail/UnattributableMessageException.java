package dev.tempodesk.activities.mail;

import dev.tempodesk.activities.nylas.EmailAddress;
import dev.tempodesk.activities.nylas.NylasMessage;
import dev.tempodesk.workflows.mail.MailAddresses;
import dev.tempodesk.workflows.mail.ParsedAddress;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A message with no usable sender address in From, Reply-To or Sender, that is not recognisably
 * machine mail either: nobody to attribute a ticket to. Not an outage, so the sync's per-message
 * isolation retries it a few times and then quarantines it with this message as its reason.
 */
public class UnattributableMessageException extends RuntimeException {

  public UnattributableMessageException(String message) {
    super(message);
  }

  static UnattributableMessageException of(NylasMessage message) {
    return new UnattributableMessageException(
        "no usable sender address: from="
            + given(message.from())
            + ", reply_to="
            + given(message.replyTo())
            + ", sender="
            + message.headers("Sender").stream()
                .map(value -> MailAddresses.parse(value).describe())
                .collect(Collectors.joining(", ", "[", "]")));
  }

  /** Each participant as given, with why it is not an address. */
  private static String given(List<EmailAddress> participants) {
    return participants.stream()
        .map(
            p -> {
              String name = MailAddresses.cleanName(p.name());
              name = name == null ? "" : name + " ";
              return name
                  + MailAddresses.participant(p.name(), p.email()).stream()
                      .map(ParsedAddress::describe)
                      .collect(Collectors.joining(" "));
            })
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
