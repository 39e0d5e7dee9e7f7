package dev.tempodesk.activities.nylas;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds a message we sent in the grant's Sent folder(s) by a header of ours, e.g. after a send was
 * answered with an error although the provider may have taken the mail.
 */
public final class SentMail {
  /**
   * 10 pages of 200: a mailbox sending more than 2,000 mails in the window is not looked through.
   */
  static final int MAX_PAGES = 10;

  private final NylasClient nylas;

  public SentMail(NylasClient nylas) {
    this.nylas = nylas;
  }

  /**
   * The sent message whose {@code header} is {@code value}, among mail sent since {@code since}.
   *
   * @throws IllegalStateException when the window holds more than {@value #MAX_PAGES} pages, so the
   *     answer is not known
   */
  public Optional<NylasMessage> find(String grantId, String header, String value, Instant since) {
    List<String> sentFolders =
        nylas.listFolders(grantId).stream()
            .filter(folder -> folder.hasAttribute("\\Sent"))
            .map(NylasFolder::id)
            .toList();
    for (String folder : sentFolders) {
      MessageQuery query =
          new MessageQuery(since.getEpochSecond(), MessageQuery.MAX_LIMIT, null, true, folder);
      for (int page = 0; page < MAX_PAGES; page++) {
        MessagePage found = nylas.listMessages(grantId, query);
        Optional<NylasMessage> match =
            found.data().stream()
                .filter(m -> m.header(header).map(String::trim).filter(value::equals).isPresent())
                .findFirst();
        if (match.isPresent()) {
          return match;
        }
        if (found.nextCursor() == null || found.nextCursor().isBlank()) {
          break;
        }
        if (page == MAX_PAGES - 1) {
          throw new IllegalStateException(
              "more than %d pages of sent mail since %s".formatted(MAX_PAGES, since));
        }
        query = query.withPageToken(found.nextCursor());
      }
    }
    return Optional.empty();
  }
}
