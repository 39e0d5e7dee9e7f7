package dev.tempodesk.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

  @Test
  void shouldDefaultToTheTargetsOfTheDesign() {
    SlaPolicy sla = TicketPolicy.defaults().sla();

    assertThat(sla.targetsFor(Priority.URGENT))
        .isEqualTo(new SlaTargets(Duration.ofMinutes(15), Duration.ofHours(4)));
    assertThat(sla.targetsFor(Priority.HIGH))
        .isEqualTo(new SlaTargets(Duration.ofHours(1), Duration.ofHours(8)));
    assertThat(sla.targetsFor(Priority.NORMAL))
        .isEqualTo(new SlaTargets(Duration.ofHours(4), Duration.ofHours(24)));
    assertThat(sla.targetsFor(Priority.LOW))
        .isEqualTo(new SlaTargets(Duration.ofHours(8), Duration.ofHours(72)));
  }

  @Test
  void shouldKeepDefaultsForPrioritiesLeftOutOfTheConfiguration() {
    SlaTargets tight = new SlaTargets(Duration.ofMinutes(5), Duration.ofHours(1));

    SlaPolicy sla = new SlaPolicy(null, null, null, tight);

    assertThat(sla.targetsFor(Priority.URGENT)).isEqualTo(tight);
    assertThat(sla.targetsFor(Priority.LOW)).isEqualTo(SlaPolicy.defaults().low());
  }

  @Test
  void shouldUseDefaultTargetsForAPolicyRecordedBeforeSlas() {
    TicketPolicy old = new TicketPolicy(Duration.ofDays(7), Duration.ofDays(30), 0, null);

    assertThat(old.sla()).isEqualTo(SlaPolicy.defaults());
  }

  @Test
  void shouldRefuseAHalfConfiguredPriority() {
    assertThatThrownBy(() -> new SlaTargets(Duration.ofMinutes(5), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
