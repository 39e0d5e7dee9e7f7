package dev.tempodesk.api.attachment;

import dev.tempodesk.activities.attachment.AttachmentFetchActivitiesImpl;
import dev.tempodesk.activities.attachment.AttachmentFetches;
import dev.tempodesk.activities.attachment.AttachmentPolicy;
import dev.tempodesk.activities.attachment.AttachmentStore;
import dev.tempodesk.activities.attachment.InboundAttachments;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.db.attachment.AttachmentRepository;
import dev.tempodesk.db.attachment.InboundAttachmentSources;
import io.temporal.client.WorkflowClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Inbound files: recorded with their message by the sync, fetched by their own workflow. */
@Configuration
class InboundAttachmentConfig {

  @Bean
  AttachmentFetches attachmentFetches(WorkflowClient client, TempodeskProperties properties) {
    return AttachmentFetches.over(client, properties.taskQueue());
  }

  @Bean
  InboundAttachments inboundAttachments(AttachmentRepository attachments, AttachmentPolicy policy) {
    return new InboundAttachments(attachments, policy);
  }

  @Bean("attachmentFetchActivities")
  AttachmentFetchActivitiesImpl attachmentFetchActivities(
      NylasClient nylas,
      AttachmentRepository attachments,
      InboundAttachmentSources sources,
      AttachmentPolicy policy,
      AttachmentStore store) {
    return new AttachmentFetchActivitiesImpl(nylas, attachments, sources, policy, store);
  }
}
