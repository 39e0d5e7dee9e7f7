package dev.tempodesk.api.attachment;

import dev.tempodesk.activities.attachment.AttachmentPolicy;
import dev.tempodesk.activities.attachment.AttachmentStore;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.workflows.ticket.AttachedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The {@code files} parts of a multipart reply, note, portal message or new ticket: every file is
 * checked by the {@link AttachmentPolicy} (413 too large, 415 blocked type, 422 empty or unnamed,
 * naming {@code files[i]}) before any is kept, then put in the {@link AttachmentStore}. The store
 * is content-addressed, so a retried request stores nothing twice; the caller records the files
 * with its message in the same step as the message itself.
 */
@Component
public class FileUploads {
  /** More files than this in one message is refused (422). */
  public static final int MAX_FILES = 20;

  private static final Pattern CONTENT_ID = Pattern.compile("[A-Za-z0-9._@-]{1,200}");

  private final AttachmentPolicy policy;
  private final AttachmentStore store;

  public FileUploads(AttachmentPolicy policy, AttachmentStore store) {
    this.policy = policy;
    this.store = store;
  }

  /**
   * Checks and stores the files, in their order.
   *
   * @param mailed whether the message goes out by mail, where the provider's limit for one
   *     message's files applies too ({@link NylasClient#MAX_ATTACHMENT_BYTES})
   */
  public List<AttachedFile> keep(List<MultipartFile> files, boolean mailed) {
    return keep(files, mailed, Map.of());
  }

  /**
   * Like {@link #keep(List, boolean)}, and the files named in {@code inline} (the request's {@code
   * inline} part: file name → content id) become inline images an HTML body shows as {@code <img
   * src="cid:…">}. Refused (422, naming {@code inline}) when a name matches no file, the file is
   * not an image, or a content id is not a plain token.
   */
  public List<AttachedFile> keep(
      List<MultipartFile> files, boolean mailed, Map<String, String> inline) {
    Map<String, String> contentIds = inline == null ? Map.of() : inline;
    checkContentIds(files == null ? List.of() : files, contentIds);
    if (files == null || files.isEmpty()) {
      return List.of();
    }
    if (files.size() > MAX_FILES) {
      throw FieldException.invalid(
          "files", "At most " + MAX_FILES + " files per message; this one has " + files.size());
    }
    List<Checked> checked = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < files.size(); i++) {
      MultipartFile file = files.get(i);
      String field = "files[" + i + "]";
      policy
          .checkDeclaredSize(field, file.getOriginalFilename(), file.getSize())
          .ifPresent(
              refusal -> {
                throw FieldException.refused(refusal);
              });
      byte[] bytes = bytes(file);
      AttachmentPolicy.Verdict verdict = policy.check(field, file.getOriginalFilename(), bytes);
      verdict
          .refusal()
          .ifPresent(
              refusal -> {
                throw FieldException.refused(refusal);
              });
      String contentId = contentIds.get(file.getOriginalFilename());
      if (contentId != null && !AttachmentPolicy.inlineAllowed(verdict.detectedType())) {
        throw FieldException.invalid(
            "inline",
            "Only a PNG, JPEG, GIF or WebP image can be shown inline; "
                + file.getOriginalFilename()
                + " is "
                + verdict.detectedType()
                + ".");
      }
      checked.add(new Checked(verdict, file.getContentType(), bytes, contentId));
      total += bytes.length;
    }
    policy
        .checkMessageTotal("files", total)
        .ifPresent(
            refusal -> {
              throw FieldException.refused(refusal);
            });
    if (mailed && total > NylasClient.MAX_ATTACHMENT_BYTES) {
      throw new FieldException(
          FieldException.Kind.TOO_LARGE,
          "files",
          "The files add up to %.1f MB; a mailed message may carry at most %d MB."
              .formatted(
                  total / (1024.0 * 1024.0), NylasClient.MAX_ATTACHMENT_BYTES / (1024 * 1024)));
    }
    List<AttachedFile> kept = new ArrayList<>();
    for (Checked file : checked) {
      kept.add(
          new AttachedFile(
              file.verdict().filename(),
              file.declaredType(),
              file.verdict().detectedType(),
              file.bytes().length,
              put(file.bytes()),
              file.contentId(),
              file.contentId() != null));
    }
    return kept;
  }

  private record Checked(
      AttachmentPolicy.Verdict verdict, String declaredType, byte[] bytes, String contentId) {}

  private static void checkContentIds(List<MultipartFile> files, Map<String, String> contentIds) {
    Set<String> names = new HashSet<>();
    files.forEach(file -> names.add(file.getOriginalFilename()));
    Set<String> seen = new HashSet<>();
    contentIds.forEach(
        (name, id) -> {
          if (!names.contains(name)) {
            throw FieldException.invalid("inline", "No file named " + name + " came with it.");
          }
          if (id == null || !CONTENT_ID.matcher(id).matches()) {
            throw FieldException.invalid(
                "inline",
                "The content id of "
                    + name
                    + " must be 1 to 200 letters, digits and . _ @ - characters.");
          }
          if (!seen.add(id)) {
            throw FieldException.invalid("inline", "Content id " + id + " is given twice.");
          }
        });
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading an uploaded file", e);
    }
  }

  private String put(byte[] bytes) {
    try {
      return store.put(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("storing an uploaded file", e);
    }
  }
}
