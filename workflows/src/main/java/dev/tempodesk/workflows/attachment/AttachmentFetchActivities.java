package dev.tempodesk.workflows.attachment;

import io.temporal.activity.ActivityInterface;
import java.util.List;

@ActivityInterface
public interface AttachmentFetchActivities {

  /** The ids of the message's files still PENDING, in position order. */
  List<String> pendingAttachments(String messageId);

  /**
   * Downloads one PENDING file and records the outcome: STORED, or REFUSED with the reason (over a
   * limit, a blocked type, empty). Does nothing to a file no longer PENDING. Throws when the
   * download failed; a failure the provider will not get over (the file is gone) is non-retryable.
   */
  void fetchAttachment(String attachmentId);

  /** Records that fetching the file failed for good (after its retries), with the reason. */
  void markFailed(String attachmentId, String reason);
}
