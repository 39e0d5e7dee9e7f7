package dev.tempodesk.activities.attachment;

import dev.tempodesk.activities.nylas.Attachment;
import dev.tempodesk.activities.nylas.NylasMessage;
import dev.tempodesk.db.attachment.AttachmentRepository;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The files an inbound message lists, recorded with the message (in its transaction) before any
 * byte is fetched: PENDING, or REFUSED at once with the reason when the declared size is over a
 * limit, so nothing is downloaded in vain and nothing is silently lost. Inline: what Nylas marks
 * {@code is_inline}, and an image whose content id the HTML references as {@code cid:} (Outlook
 * sends inline images without a {@code Content-Disposition}).
 */
public final class InboundAttachments {
  private final AttachmentRepository attachments;
  private final AttachmentPolicy policy;

  public InboundAttachments(AttachmentRepository attachments, AttachmentPolicy policy) {
    this.attachments = attachments;
    this.policy = policy;
  }

  /**
   * Records every listed file of the stored message {@code messageId}; again for the same message
   * changes nothing.
   *
   * @return whether any file waits to be fetched
   */
  public boolean record(UUID messageId, NylasMessage message) {
    boolean pending = false;
    long total = 0;
    int position = 0;
    for (Attachment file : message.attachments()) {
      if (file.id() == null || file.id().isBlank()) {
        continue; // nothing to fetch it by; Nylas always sends one
      }
      String filename = filenameOf(file, position);
      long size = file.size() == null ? 0 : Math.max(0, file.size());
      AttachmentRepository.Listed listed =
          new AttachmentRepository.Listed(
              position++,
              file.id(),
              filename,
              file.contentType(),
              file.size(),
              contentIdOf(file),
              inline(file, message.body()));
      UUID id = attachments.recordListed(messageId, listed);
      Optional<String> refusal = refusal(filename, size, total);
      if (refusal.isPresent()) {
        if (attachments
            .find(id)
            .map(r -> AttachmentRepository.PENDING.equals(r.getState()))
            .orElse(false)) {
          attachments.markRefused(id, refusal.get());
        }
        continue;
      }
      total += size;
      pending = true;
    }
    return pending;
  }

  private Optional<String> refusal(String filename, long size, long totalSoFar) {
    if (policy.checkDeclaredSize("attachments", filename, size).isPresent()) {
      return Optional.of(overFileLimit(policy, filename, size));
    }
    return policy
        .checkMessageTotal("attachments", totalSoFar + size)
        .map(
            r ->
                "Not kept: the message's files are over "
                    + megabytes(policy.limits().maxMessageBytes())
                    + " together. "
                    + r.reason());
  }

  /** Whether the file is shown in the body rather than listed as an attachment. */
  static boolean inline(Attachment file, String body) {
    if (Boolean.TRUE.equals(file.isInline())) {
      return true;
    }
    String contentId = contentIdOf(file);
    boolean image =
        file.contentType() != null
            && file.contentType().toLowerCase(Locale.ROOT).startsWith("image/");
    return image
        && contentId != null
        && body != null
        && body.toLowerCase(Locale.ROOT).contains("cid:" + contentId.toLowerCase(Locale.ROOT));
  }

  /** The content id without the angle brackets some providers keep. */
  static String contentIdOf(Attachment file) {
    if (file.contentId() == null || file.contentId().isBlank()) {
      return null;
    }
    return file.contentId().strip().replaceAll("^<|>$", "");
  }

  private static String filenameOf(Attachment file, int position) {
    String cleaned = AttachmentFilenames.clean(file.filename());
    return cleaned != null ? cleaned : "attachment-" + (position + 1);
  }

  /** "Not kept: over 25 MB", and the size when known. */
  public static String overFileLimit(AttachmentPolicy policy, String filename, Long size) {
    String limit = megabytes(policy.limits().maxFileBytes());
    return size == null
        ? "Not kept: over " + limit + ". '" + filename + "' turned out bigger while downloading."
        : "Not kept: over "
            + limit
            + ". "
            + policy.checkDeclaredSize("attachments", filename, size).orElseThrow().reason();
  }

  /** The reason recorded for a file the policy refused after download. */
  public static String notKept(AttachmentPolicy policy, AttachmentPolicy.Refusal refusal) {
    if (refusal.kind() == AttachmentPolicy.Kind.TOO_LARGE) {
      return "Not kept: over "
          + megabytes(policy.limits().maxFileBytes())
          + ". "
          + refusal.reason();
    }
    return "Not kept: " + refusal.reason();
  }

  /** Whole megabytes as "25 MB", otherwise one decimal. */
  static String megabytes(long bytes) {
    long mb = 1024L * 1024;
    return bytes % mb == 0 ? bytes / mb + " MB" : "%.1f MB".formatted(bytes / (double) mb);
  }
}
