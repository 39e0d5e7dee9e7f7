package dev.tempodesk.workflows.ticket;

/**
 * A file sent with a reply or note, already checked and in the attachment store (addressed by its
 * SHA-256): only this metadata travels through the workflow, never the bytes.
 *
 * @param declaredContentType what the uploader said the type was
 * @param contentType the type detected from the bytes
 * @param contentId for an inline image, the id an HTML body refers to as {@code cid:…}; else null
 */
public record AttachedFile(
    String filename,
    String declaredContentType,
    String contentType,
    long sizeBytes,
    String sha256,
    String contentId,
    boolean inline) {}
