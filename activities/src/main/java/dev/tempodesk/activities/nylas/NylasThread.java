package dev.tempodesk.activities.nylas;

import java.util.List;

/** A thread; the date fields are Unix seconds. List fields are never null. */
public record NylasThread(
    String id,
    String grantId,
    String object,
    String subject,
    String snippet,
    List<String> messageIds,
    List<String> draftIds,
    List<String> folders,
    List<EmailAddress> participants,
    Boolean hasAttachments,
    Boolean hasDrafts,
    Boolean starred,
    Boolean unread,
    Long earliestMessageDate,
    Long latestMessageReceivedDate,
    Long latestMessageSentDate,
    NylasMessage latestDraftOrMessage) {

  public NylasThread {
    messageIds = Lists.copy(messageIds);
    draftIds = Lists.copy(draftIds);
    folders = Lists.copy(folders);
    participants = Lists.copy(participants);
  }
}
