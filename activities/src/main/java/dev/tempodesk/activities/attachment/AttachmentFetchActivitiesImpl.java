package dev.tempodesk.activities.attachment;

import dev.tempodesk.activities.nylas.AttachmentDownload;
import dev.tempodesk.activities.nylas.NylasApiException;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.db.attachment.AttachmentRepository;
import dev.tempodesk.db.attachment.InboundAttachmentSources;
import dev.tempodesk.db.jooq.tables.records.AttachmentsRecord;
import dev.tempodesk.workflows.attachment.AttachmentFetchActivities;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Downloads an inbound file from Nylas, checks it ({@link AttachmentPolicy}: size, type detected
 * from the bytes) and puts it in the {@link AttachmentStore}, recording the outcome on its row.
 */
public class AttachmentFetchActivitiesImpl implements AttachmentFetchActivities {
  private final NylasClient nylas;
  private final AttachmentRepository attachments;
  private final InboundAttachmentSources sources;
  private final AttachmentPolicy policy;
  private final AttachmentStore store;

  public AttachmentFetchActivitiesImpl(
      NylasClient nylas,
      AttachmentRepository attachments,
      InboundAttachmentSources sources,
      AttachmentPolicy policy,
      AttachmentStore store) {
    this.nylas = nylas;
    this.attachments = attachments;
    this.sources = sources;
    this.policy = policy;
    this.store = store;
  }

  /** Over one database, as the app wires it (for rigs without Spring). */
  public static AttachmentFetchActivitiesImpl over(
      DSLContext dsl, NylasClient nylas, AttachmentPolicy policy, AttachmentStore store) {
    return new AttachmentFetchActivitiesImpl(
        nylas, new AttachmentRepository(dsl), new InboundAttachmentSources(dsl), policy, store);
  }

  @Override
  public List<String> pendingAttachments(String messageId) {
    return attachments.forMessages(List.of(UUID.fromString(messageId))).stream()
        .filter(row -> AttachmentRepository.PENDING.equals(row.getState()))
        .map(row -> row.getId().toString())
        .toList();
  }

  @Override
  public void fetchAttachment(String attachmentId) {
    UUID id = UUID.fromString(attachmentId);
    Optional<AttachmentsRecord> row = attachments.find(id);
    if (row.isEmpty() || !AttachmentRepository.PENDING.equals(row.get().getState())) {
      return; // stored, refused or failed meanwhile (a duplicate start, a retry racing)
    }
    InboundAttachmentSources.Source source =
        sources
            .find(id)
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "The file has no provider id to fetch it by.", "NoSource"));
    AttachmentDownload download;
    try {
      download =
          nylas.downloadAttachment(
              source.grantId(),
              source.providerAttachmentId(),
              source.providerMessageId(),
              policy.limits().maxFileBytes());
    } catch (NylasApiException refused) {
      if (refused.retryable()) {
        throw refused;
      }
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          "The provider refused the download (HTTP " + refused.status() + ").",
          "DownloadRefused",
          refused);
    }
    String filename = row.get().getFilename();
    if (download.overLimit()) {
      attachments.markRefused(id, InboundAttachments.overFileLimit(policy, filename, null));
      return;
    }
    AttachmentPolicy.Verdict verdict = policy.check("file", filename, download.content());
    if (!verdict.ok()) {
      attachments.markRefused(id, InboundAttachments.notKept(policy, verdict.refusal().get()));
      return;
    }
    String sha256;
    try {
      sha256 = store.put(download.content());
    } catch (IOException e) {
      throw new UncheckedIOException("the attachment store refused the file", e);
    }
    attachments.markStored(id, sha256, verdict.detectedType(), download.content().length);
  }

  @Override
  public void markFailed(String attachmentId, String reason) {
    UUID id = UUID.fromString(attachmentId);
    attachments
        .find(id)
        .filter(row -> AttachmentRepository.PENDING.equals(row.getState()))
        .ifPresent(row -> attachments.markFailed(id, "Download failed: " + reason));
  }
}
