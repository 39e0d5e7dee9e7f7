package dev.tempodesk.api.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.activities.attachment.AttachmentPolicy;
import dev.tempodesk.api.config.InvalidSettingException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TEMPODESK_ATTACHMENTS_*: defaults, overrides, and settings that stop the start. */
class AttachmentConfigTest {
  private static final AttachmentProperties.S3 NO_S3 =
      new AttachmentProperties.S3(null, null, null, null, null, null);

  @Test
  void unsetSettingsKeepThePolicyDefaultsAndPostgres() {
    AttachmentProperties properties = new AttachmentProperties(null, null, List.of(""), null, null);

    assertThat(AttachmentConfig.limits(properties)).isEqualTo(AttachmentPolicy.Limits.defaults());
    assertThat(properties.s3().configured()).isFalse();
  }

  @Test
  void limitsAndListsCanBeOverridden() {
    AttachmentPolicy.Limits limits =
        AttachmentConfig.limits(
            new AttachmentProperties(1000L, 5000L, List.of(".ISO", "exe"), List.of(), NO_S3));

    assertThat(limits.maxFileBytes()).isEqualTo(1000);
    assertThat(limits.maxMessageBytes()).isEqualTo(5000);
    assertThat(limits.blockedExtensions()).containsExactlyInAnyOrder("iso", "exe");
    assertThat(limits.blockedTypes()).isEqualTo(AttachmentPolicy.DEFAULT_BLOCKED_TYPES);
  }

  @Test
  void unusableLimitsStopTheStartNamingTheVariable() {
    assertThatThrownBy(
            () -> AttachmentConfig.limits(new AttachmentProperties(0L, null, null, null, NO_S3)))
        .isInstanceOf(InvalidSettingException.class)
        .extracting(e -> ((InvalidSettingException) e).variable())
        .isEqualTo("TEMPODESK_ATTACHMENTS_MAX_FILE_BYTES");
    assertThatThrownBy(
            () -> AttachmentConfig.limits(new AttachmentProperties(100L, 99L, null, null, NO_S3)))
        .extracting(e -> ((InvalidSettingException) e).variable())
        .isEqualTo("TEMPODESK_ATTACHMENTS_MAX_MESSAGE_BYTES");
  }

  @Test
  void s3SettingsAreCheckedWhenAnyIsSet() {
    var minio =
        new AttachmentProperties.S3("http://minio:9000/", "tempodesk", null, "key", "secret", null);
    var settings = AttachmentConfig.settings(minio);
    assertThat(settings.endpoint()).isEqualTo(URI.create("http://minio:9000"));
    assertThat(settings.region()).isEqualTo("us-east-1");
    assertThat(settings.prefix()).isEqualTo("attachments/");

    assertThatThrownBy(
            () ->
                AttachmentConfig.settings(
                    new AttachmentProperties.S3("http://minio:9000", null, null, null, null, null)))
        .extracting(e -> ((InvalidSettingException) e).variable())
        .isEqualTo("TEMPODESK_ATTACHMENTS_S3_BUCKET");
    assertThatThrownBy(
            () ->
                AttachmentConfig.settings(
                    new AttachmentProperties.S3("minio:9000", "b", null, null, null, null)))
        .extracting(e -> ((InvalidSettingException) e).variable())
        .isEqualTo("TEMPODESK_ATTACHMENTS_S3_ENDPOINT");
    assertThatThrownBy(
            () ->
                AttachmentConfig.settings(
                    new AttachmentProperties.S3(null, "b", null, "key", null, null)))
        .extracting(e -> ((InvalidSettingException) e).variable())
        .isEqualTo("TEMPODESK_ATTACHMENTS_S3_SECRET_KEY");
  }
}
