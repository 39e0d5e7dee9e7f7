package dev.tempodesk.activities.nylas;

/** Attachment metadata on a message; the content is fetched separately. */
public record Attachment(
    String id,
    String grantId,
    String filename,
    String contentType,
    Long size,
    Boolean isInline,
    String contentId,
    String contentDisposition) {}
