package dev.tempodesk.api.attachment;

import dev.tempodesk.activities.attachment.AttachmentPolicy;
import dev.tempodesk.activities.attachment.AttachmentStore;
import dev.tempodesk.activities.attachment.PostgresAttachmentStore;
import dev.tempodesk.activities.attachment.S3AttachmentStore;
import dev.tempodesk.api.config.InvalidSettingException;
import dev.tempodesk.api.config.RuntimeSettings;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The attachment store (S3 when {@code TEMPODESK_ATTACHMENTS_S3_*} is set, else Postgres: the
 * embedded mode needs nothing) and the one AttachmentPolicy, from {@code tempodesk.attachments.*}.
 */
@Configuration
@EnableConfigurationProperties(AttachmentProperties.class)
class AttachmentConfig {
  private static final Logger log = LoggerFactory.getLogger(AttachmentConfig.class);

  @Bean
  AttachmentPolicy attachmentPolicy(AttachmentProperties properties) {
    return new AttachmentPolicy(limits(properties));
  }

  static AttachmentPolicy.Limits limits(AttachmentProperties properties) {
    AttachmentPolicy.Limits defaults = AttachmentPolicy.Limits.defaults();
    long maxFile =
        atLeastOne(
            "TEMPODESK_ATTACHMENTS_MAX_FILE_BYTES",
            properties.maxFileBytes(),
            defaults.maxFileBytes());
    long maxMessage =
        atLeastOne(
            "TEMPODESK_ATTACHMENTS_MAX_MESSAGE_BYTES",
            properties.maxMessageBytes(),
            defaults.maxMessageBytes());
    if (maxMessage < maxFile) {
      throw new InvalidSettingException(
          "TEMPODESK_ATTACHMENTS_MAX_MESSAGE_BYTES",
          "must be at least TEMPODESK_ATTACHMENTS_MAX_FILE_BYTES (" + maxFile + ")");
    }
    Set<String> extensions =
        properties.blockedExtensions().isEmpty()
            ? defaults.blockedExtensions()
            : new HashSet<>(properties.blockedExtensions());
    Set<String> types =
        properties.blockedTypes().isEmpty()
            ? defaults.blockedTypes()
            : new HashSet<>(properties.blockedTypes());
    return new AttachmentPolicy.Limits(maxFile, maxMessage, extensions, types);
  }

  private static long atLeastOne(String variable, Long value, long fallback) {
    if (value == null) {
      return fallback;
    }
    if (value < 1) {
      throw new InvalidSettingException(variable, "must be at least 1 byte (got " + value + ")");
    }
    return value;
  }

  @Bean
  AttachmentStore attachmentStore(AttachmentProperties properties, DSLContext dsl) {
    AttachmentProperties.S3 s3 = properties.s3();
    AttachmentStore store =
        s3.configured() ? new S3AttachmentStore(settings(s3)) : new PostgresAttachmentStore(dsl);
    log.info("Attachment store: {}", store.kind());
    return store;
  }

  static S3AttachmentStore.Settings settings(AttachmentProperties.S3 s3) {
    if (s3.bucket() == null) {
      throw new InvalidSettingException(
          "TEMPODESK_ATTACHMENTS_S3_BUCKET",
          "must be set when other TEMPODESK_ATTACHMENTS_S3_* variables are");
    }
    if ((s3.accessKey() == null) != (s3.secretKey() == null)) {
      throw new InvalidSettingException(
          "TEMPODESK_ATTACHMENTS_S3_SECRET_KEY",
          "and TEMPODESK_ATTACHMENTS_S3_ACCESS_KEY must be set together");
    }
    String endpoint =
        RuntimeSettings.httpUrl("TEMPODESK_ATTACHMENTS_S3_ENDPOINT", s3.endpoint(), null);
    return new S3AttachmentStore.Settings(
        endpoint == null ? null : URI.create(endpoint),
        s3.bucket(),
        s3.region(),
        s3.accessKey(),
        s3.secretKey(),
        s3.prefix());
  }
}
