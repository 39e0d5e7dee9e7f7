package dev.tempodesk.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.workflows.ticket.SlaPolicyRules.Conditions;
import dev.tempodesk.workflows.ticket.SlaPolicyRules.InvalidPolicyException;
import dev.tempodesk.workflows.ticket.SlaPolicyRules.TicketFacts;
import dev.tempodesk.workflows.ticket.SlaPolicyRules.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlaPolicyRulesTest {
  private static final long ACME = 7;
  private static final long SUPPORT_MAILBOX = 3;

  private static SlaPolicyRules policy(String name, int position, Conditions conditions) {
    return new SlaPolicyRules(name, position, conditions, 1, Map.of(), null);
  }

  /** Deliberately not in position order: the match goes by position, not by list order. */
  private static final List<SlaPolicyRules> POLICIES =
      List.of(
          policy("Default", 100, Conditions.NONE),
          policy(
              "Acme urgent mail",
              1,
              new Conditions(
                  Set.of(ACME), Set.of(Priority.URGENT), Set.of(Channel.EMAIL), Set.of())),
          policy("Acme", 2, new Conditions(Set.of(ACME), Set.of(), Set.of(), Set.of())),
          policy(
              "Phone or portal, high and up",
              3,
              new Conditions(
                  Set.of(),
                  Set.of(Priority.HIGH, Priority.URGENT),
                  Set.of(Channel.PHONE, Channel.PORTAL),
                  Set.of())),
          policy("Support mailbox", 4, new Conditions(Set.of(), Set.of(), Set.of(), Set.of(3L))));

  static Stream<Arguments> tickets() {
    return Stream.of(
        Arguments.of(ACME, Priority.URGENT, Channel.EMAIL, null, "Acme urgent mail"),
        Arguments.of(ACME, Priority.URGENT, Channel.PORTAL, null, "Acme"),
        Arguments.of(ACME, Priority.LOW, Channel.EMAIL, SUPPORT_MAILBOX, "Acme"),
        Arguments.of(8L, Priority.URGENT, Channel.EMAIL, null, "Default"),
        Arguments.of(8L, Priority.HIGH, Channel.PHONE, null, "Phone or portal, high and up"),
        Arguments.of(null, Priority.URGENT, Channel.PORTAL, null, "Phone or portal, high and up"),
        Arguments.of(null, Priority.NORMAL, Channel.PORTAL, null, "Default"),
        Arguments.of(null, Priority.NORMAL, Channel.EMAIL, SUPPORT_MAILBOX, "Support mailbox"),
        Arguments.of(null, Priority.NORMAL, Channel.EMAIL, 4L, "Default"),
        Arguments.of(null, null, null, null, "Default"));
  }

  @ParameterizedTest(name = "org {0}, {1}, {2}, mailbox {3} → {4}")
  @MethodSource("tickets")
  void shouldApplyTheFirstPolicyByPositionWhoseConditionsAllHold(
      Long organization, Priority priority, Channel channel, Long mailbox, String expected) {
    TicketFacts ticket = new TicketFacts(organization, priority, channel, mailbox);

    assertThat(SlaPolicyRules.firstMatch(POLICIES, ticket))
        .map(SlaPolicyRules::name)
        .hasValue(expected);
  }

  @Test
  void shouldMatchNothingWhenNoPolicyMatchesEverything() {
    TicketFacts ticket = new TicketFacts(null, Priority.LOW, Channel.AGENT, null);

    assertThat(SlaPolicyRules.firstMatch(POLICIES.subList(1, 5), ticket)).isEmpty();
    assertThat(SlaPolicyRules.firstMatch(List.of(), ticket)).isEmpty();
  }

  @Test
  void shouldTurnTodaysTargetsIntoAPolicyThatMatchesEverythingAndPausesAllWhilePending() {
    SlaPolicyRules today = SlaPolicyRules.of("Default", 1, 9, SlaPolicy.defaults());

    assertThat(today.conditions().matchesEverything()).isTrue();
    assertThat(today.target(Priority.URGENT, SlaMetric.TIME_TO_ASSIGN))
        .hasValue(Duration.ofMinutes(15));
    assertThat(today.target(Priority.LOW, SlaMetric.RESOLUTION)).hasValue(Duration.ofHours(72));
    assertThat(today.target(Priority.HIGH, SlaMetric.FIRST_RESPONSE)).isEmpty();
    for (SlaMetric metric : SlaMetric.values()) {
      for (PendingReason reason : PendingReason.values()) {
        assertThat(today.pauses(metric, reason)).as("%s %s", metric, reason).isTrue();
      }
    }
  }

  @Test
  void shouldParseTargetsAndPauseRulesKeepingTheDefaultForMetricsLeftOut() {
    SlaPolicyRules parsed =
        SlaPolicyRules.parse(
            "Gold",
            1,
            2,
            List.of(ACME),
            List.of("HIGH"),
            List.of("EMAIL"),
            List.of(),
            Map.of("HIGH", Map.of("FIRST_RESPONSE", "PT1H", "NEXT_REPLY", "P1D")),
            Map.of("RESOLUTION", List.of("CUSTOMER"), "NEXT_REPLY", List.of()));

    assertThat(parsed.target(Priority.HIGH, SlaMetric.FIRST_RESPONSE))
        .hasValue(Duration.ofHours(1));
    assertThat(parsed.target(Priority.HIGH, SlaMetric.NEXT_REPLY)).hasValue(Duration.ofDays(1));
    assertThat(parsed.target(Priority.LOW, SlaMetric.FIRST_RESPONSE)).isEmpty();
    assertThat(parsed.pauses(SlaMetric.RESOLUTION, PendingReason.CUSTOMER)).isTrue();
    assertThat(parsed.pauses(SlaMetric.RESOLUTION, PendingReason.THIRD_PARTY)).isFalse();
    assertThat(parsed.pauses(SlaMetric.NEXT_REPLY, PendingReason.CUSTOMER)).isFalse();
    assertThat(parsed.pauses(SlaMetric.FIRST_RESPONSE, PendingReason.CHANGE)).isTrue();
    assertThat(parsed.conditions().matches(new TicketFacts(ACME, Priority.HIGH, Channel.EMAIL, 1L)))
        .isTrue();
  }

  static Stream<Arguments> badPolicies() {
    return Stream.of(
        Arguments.of(
            Map.of("HIGH", Map.of("FIRST_RESPONSE", "1 hour")),
            Map.of(),
            "targets.HIGH.FIRST_RESPONSE"),
        Arguments.of(
            Map.of("HIGH", Map.of("FIRST_RESPONSE", "PT0S")),
            Map.of(),
            "targets.HIGH.FIRST_RESPONSE"),
        Arguments.of(
            Map.of("LOW", Map.of("RESOLUTION", "-PT1H")), Map.of(), "targets.LOW.RESOLUTION"),
        Arguments.of(
            Map.of("LOW", Map.of("RESOLUTION", "P400D")), Map.of(), "targets.LOW.RESOLUTION"),
        Arguments.of(
            Map.of("CRITICAL", Map.of("RESOLUTION", "PT1H")), Map.of(), "targets.CRITICAL"),
        Arguments.of(
            Map.of("LOW", Map.of("FIRST_REPLY", "PT1H")), Map.of(), "targets.LOW.FIRST_REPLY"),
        Arguments.of(Map.of(), Map.of("FIRST_REPLY", List.of()), "pauses.FIRST_REPLY"),
        Arguments.of(
            Map.of(),
            Map.of("RESOLUTION", List.of("CUSTOMER", "HOLIDAY")),
            "pauses.RESOLUTION[1]"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("badPolicies")
  void shouldRefuseABadTargetOrPauseRuleNamingTheField(
      Map<String, Map<String, String>> targets, Map<String, List<String>> pauses, String field) {
    assertThatThrownBy(
            () ->
                SlaPolicyRules.parse(
                    "Bad", 1, 1, List.of(), List.of(), List.of(), List.of(), targets, pauses))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            refused ->
                assertThat(refused.violations())
                    .extracting(Violation::field)
                    .containsExactly(field));
  }

  @Test
  void shouldListEveryBadCondition() {
    assertThatThrownBy(
            () ->
                SlaPolicyRules.parse(
                    "Bad",
                    1,
                    1,
                    List.of(5L, 0L),
                    List.of("HIGHEST"),
                    List.of("EMAIL", "FAX"),
                    java.util.Arrays.asList((Long) null),
                    Map.of(),
                    Map.of()))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            refused ->
                assertThat(refused.violations())
                    .extracting(Violation::field)
                    .containsExactly(
                        "conditions.organizationIds[1]",
                        "conditions.priorities[0]",
                        "conditions.channels[1]",
                        "conditions.mailboxIds[0]"));
  }
}
