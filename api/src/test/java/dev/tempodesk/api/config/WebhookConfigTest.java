package dev.tempodesk.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** TEMPODESK_WEBHOOK_ALLOWED_NETWORKS: blank allows nothing extra; a mistake stops the start. */
class WebhookConfigTest {
  private final WebhookConfig config = new WebhookConfig();

  @Test
  void theAllowListIsReadFromTheSetting() {
    assertThat(config.webhookTargets("").allowedNetworks()).isEmpty();
    assertThat(config.webhookTargets("10.20.0.0/16,fd12::/32").allowedNetworks()).hasSize(2);
  }

  @Test
  void aMalformedAllowListStopsTheStartNamingTheVariable() {
    assertThatThrownBy(() -> config.webhookTargets("10.20.0.0/16, intranet"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("intranet")
        .extracting(e -> ((InvalidSettingException) e).variable())
        .isEqualTo("TEMPODESK_WEBHOOK_ALLOWED_NETWORKS");
  }
}
