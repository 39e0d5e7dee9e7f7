package dev.tempodesk.workflows.attachment;

/**
 * @param messageId the stored message (UUID) whose PENDING files to fetch
 * @param attachmentId only this file of it (a retry), or null for all of its PENDING files
 */
public record AttachmentFetchInput(String messageId, String attachmentId) {
  public static AttachmentFetchInput message(String messageId) {
    return new AttachmentFetchInput(messageId, null);
  }
}
