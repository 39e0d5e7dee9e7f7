package dev.tempodesk.api.attachment;

import dev.tempodesk.activities.attachment.AttachmentPolicy;
import dev.tempodesk.activities.attachment.AttachmentStore;
import dev.tempodesk.activities.attachment.PostgresAttachmentStore;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stand-ins for the attachment policy and store beans, which the storage work of issue 17 owns
 * (configurable limits, Postgres and S3 back ends): delete this class when that configuration is
 * merged. Until then: the default limits, and the bytes in Postgres.
 */
@Configuration
class InterimAttachmentBeans {

  @Bean
  AttachmentPolicy attachmentPolicy() {
    return AttachmentPolicy.defaults();
  }

  @Bean
  AttachmentStore attachmentStore(DSLContext dsl) {
    return new PostgresAttachmentStore(dsl);
  }
}
