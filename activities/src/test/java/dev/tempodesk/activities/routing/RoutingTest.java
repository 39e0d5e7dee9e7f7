package dev.tempodesk.activities.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.Priority;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutingTest {
  private static RoutingRule rule(int position, String name) {
    return new RoutingRule(
        position,
        name,
        position,
        true,
        null,
        null,
        null,
        List.of(),
        null,
        10L + position,
        "Group " + position,
        null,
        List.of());
  }

  private static RoutingRule recipient(int position, String address) {
    RoutingRule r = rule(position, "to " + address);
    return new RoutingRule(
        r.id(),
        r.name(),
        position,
        true,
        null,
        address,
        null,
        List.of(),
        null,
        r.groupId(),
        r.groupName(),
        null,
        List.of());
  }

  private static RoutingRule keywords(int position, String... words) {
    RoutingRule r = rule(position, "words " + String.join("/", words));
    return new RoutingRule(
        r.id(),
        r.name(),
        position,
        true,
        null,
        null,
        null,
        List.of(words),
        null,
        r.groupId(),
        r.groupName(),
        null,
        List.of());
  }

  private static RoutingFacts mail(String to, String cc, String subject, String text) {
    return new RoutingFacts(
        1L, RoutingFacts.recipients(to, cc), null, subject, text, Channel.EMAIL);
  }

  private static Optional<String> winner(List<RoutingRule> rules, RoutingFacts facts) {
    return Routing.firstMatch(rules, facts).map(match -> match.rule().name());
  }

  @Test
  void recipientsCompareAsAddressesWhateverTheCaseOrDisplayName() {
    List<RoutingRule> rules = List.of(recipient(1, "billing@acme.example"));
    assertThat(winner(rules, mail("Billing Team <BILLING@Acme.Example>", null, "hi", "")))
        .contains("to billing@acme.example");
    assertThat(winner(rules, mail("\"Acme, Billing\" <billing@acme.example.>", null, "", "")))
        .contains("to billing@acme.example");
  }

  @Test
  void oneOfSeveralRecipientsOrOnlyACcIsEnough() {
    List<RoutingRule> rules = List.of(recipient(1, "billing@acme.example"));
    assertThat(
            winner(
                rules, mail("support@acme.example, Billing <billing@acme.example>", null, "", "")))
        .isPresent();
    assertThat(winner(rules, mail("support@acme.example", "billing@acme.example", "", "")))
        .isPresent();
  }

  @Test
  void anAddressThatOnlyContainsTheRecipientDoesNotMatch() {
    List<RoutingRule> rules = List.of(recipient(1, "billing@acme.example"));
    assertThat(winner(rules, mail("old-billing@acme.example", null, "", ""))).isEmpty();
    assertThat(winner(rules, mail("billing@acme.example.org", null, "", ""))).isEmpty();
    assertThat(winner(rules, mail("Billing <support@acme.example>", null, "", ""))).isEmpty();
    assertThat(winner(rules, mail(null, null, "billing@acme.example", ""))).isEmpty();
  }

  @Test
  void keywordsAreWholeWordsInTheSubjectOrText() {
    List<RoutingRule> rules = List.of(keywords(1, "refund", "credit card"));
    assertThat(winner(rules, mail(null, null, "I want a REFUND!", ""))).isPresent();
    assertThat(winner(rules, mail(null, null, "hello", "my Credit\n  Card was charged")))
        .isPresent();
    assertThat(winner(rules, mail(null, null, "Refunds", "nonrefundable"))).isEmpty();
    assertThat(winner(rules, mail(null, null, "credit", "card"))).isEmpty();
  }

  @Test
  void anHtmlBodyIsComparedByItsText() {
    List<RoutingRule> rules = List.of(keywords(1, "refund please"));
    String html = "<p>Could I get a <b>re</b><i>fund</i> <span>please</span>?</p>";
    RoutingFacts facts =
        new RoutingFacts(null, null, null, "", RoutingFacts.textOf(null, html), Channel.EMAIL);
    assertThat(winner(rules, facts)).isPresent();
    // the markup is no text
    assertThat(winner(List.of(keywords(1, "span")), facts)).isEmpty();
  }

  @Test
  void caseFoldsTheUnicodeWayAndAccentsCount() {
    assertThat(winner(List.of(keywords(1, "straße")), mail(null, null, "STRASSE 5", "")))
        .isPresent();
    assertThat(winner(List.of(keywords(1, "ÉTÉ")), mail(null, null, "un été chaud", "")))
        .isPresent();
    // e + combining acute equals the precomposed é
    assertThat(winner(List.of(keywords(1, "café")), mail(null, null, "Cafe\u0301 au lait", "")))
        .isPresent();
    assertThat(winner(List.of(keywords(1, "cafe")), mail(null, null, "café", ""))).isEmpty();
    assertThat(winner(List.of(keywords(1, "caf")), mail(null, null, "café", ""))).isEmpty();
  }

  @Test
  void theFirstEnabledRuleByPositionWinsAndEveryConditionMustHold() {
    RoutingRule both =
        new RoutingRule(
            5,
            "billing by email",
            1,
            true,
            1L,
            "billing@acme.example",
            7L,
            List.of("invoice"),
            Channel.EMAIL,
            3L,
            "Billing",
            Priority.HIGH,
            List.of("billing"));
    RoutingRule disabled =
        new RoutingRule(
            6, "disabled", 0, false, null, null, null, List.of(), null, 4L, "Off", null, List.of());
    RoutingRule catchAll = rule(9, "catch-all");
    List<RoutingRule> rules = List.of(catchAll, both, disabled);
    RoutingFacts all =
        new RoutingFacts(
            1L,
            RoutingFacts.recipients("billing@acme.example"),
            7L,
            "Invoice 42",
            "",
            Channel.EMAIL);
    Optional<Routing.Match> match = Routing.firstMatch(rules, all);
    assertThat(match).map(m -> m.rule().name()).contains("billing by email");
    assertThat(match.get().describe())
        .isEqualTo(
            "Rule \"billing by email\" matched mailbox #1, recipient billing@acme.example,"
                + " organization #7, keyword \"invoice\", channel EMAIL");
    RoutingFacts otherOrganization =
        new RoutingFacts(1L, all.recipients(), 8L, "Invoice 42", "", Channel.EMAIL);
    assertThat(winner(rules, otherOrganization)).contains("catch-all");
    RoutingFacts byPortal =
        new RoutingFacts(1L, all.recipients(), 7L, "Invoice", "", Channel.PORTAL);
    assertThat(winner(rules, byPortal)).contains("catch-all");
  }

  @Test
  void anEmptyRuleMatchesEveryTicketAndDisabledRulesNone() {
    Optional<Routing.Match> match =
        Routing.firstMatch(
            List.of(rule(1, "everything")),
            new RoutingFacts(null, null, null, null, null, Channel.PHONE));
    assertThat(match.get().describe())
        .isEqualTo("Rule \"everything\" matched every ticket (no conditions)");
    RoutingRule off =
        new RoutingRule(
            1, "off", 1, false, null, null, null, List.of(), null, 3L, "G", null, List.of());
    assertThat(winner(List.of(off), mail("a@b.example", null, "x", "y"))).isEmpty();
    assertThat(winner(List.of(), mail("a@b.example", null, "x", "y"))).isEmpty();
  }
}
