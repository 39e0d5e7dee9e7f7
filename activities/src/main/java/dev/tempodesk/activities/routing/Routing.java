package dev.tempodesk.activities.routing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The routing rules' one evaluator: the first enabled rule by position whose every given condition
 * holds wins. Conditions: the mailbox; a recipient (an address the mail was sent to, To or Cc,
 * compared as canonical addresses, never as text); the organization; keywords (any of them, as a
 * whole word or phrase, in the subject or the first message, case folded the Unicode way: {@code
 * STRASSE} finds {@code Straße}, accents count: {@code cafe} does not find {@code café}); the
 * channel. A rule without conditions matches every ticket (a catch-all, put last). Pure: used when
 * a ticket is opened and by the API's "which rule would match" test.
 */
public final class Routing {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Routing() {}

  /** The rule that matched and what of it matched, in words for the audit trail. */
  public record Match(RoutingRule rule, List<String> matched) {
    /** {@code Rule "Billing" matched recipient billing@acme.example}. */
    public String describe() {
      return "Rule \"" + rule.name() + "\" matched " + String.join(", ", matched);
    }
  }

  /** The first enabled rule by position that matches the facts, if any. */
  public static Optional<Match> firstMatch(List<RoutingRule> rules, RoutingFacts facts) {
    String subject = fold(facts.subject());
    String text = fold(facts.text());
    return rules.stream()
        .filter(RoutingRule::enabled)
        .sorted(Comparator.comparingInt(RoutingRule::position))
        .map(rule -> match(rule, facts, subject, text))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static Optional<Match> match(
      RoutingRule rule, RoutingFacts facts, String subject, String text) {
    List<String> matched = new ArrayList<>();
    if (rule.mailboxId() != null) {
      if (!rule.mailboxId().equals(facts.mailboxId())) {
        return Optional.empty();
      }
      matched.add("mailbox #" + rule.mailboxId());
    }
    if (rule.recipient() != null) {
      String wanted = rule.recipient().toLowerCase(Locale.ROOT);
      if (!facts.recipients().contains(wanted)) {
        return Optional.empty();
      }
      matched.add("recipient " + wanted);
    }
    if (rule.organizationId() != null) {
      if (!rule.organizationId().equals(facts.organizationId())) {
        return Optional.empty();
      }
      matched.add("organization #" + rule.organizationId());
    }
    if (!rule.keywords().isEmpty()) {
      Optional<String> keyword =
          rule.keywords().stream()
              .filter(word -> containsWord(subject, fold(word)) || containsWord(text, fold(word)))
              .findFirst();
      if (keyword.isEmpty()) {
        return Optional.empty();
      }
      matched.add("keyword \"" + keyword.get().strip() + "\"");
    }
    if (rule.channel() != null) {
      if (rule.channel() != facts.channel()) {
        return Optional.empty();
      }
      matched.add("channel " + rule.channel());
    }
    if (matched.isEmpty()) {
      matched.add("every ticket (no conditions)");
    }
    return Optional.of(new Match(rule, List.copyOf(matched)));
  }

  /**
   * Case folded (upper then lower case, so {@code ß} and {@code SS} meet, as do the Greek sigmas),
   * composed (NFC: an accent typed as a combining mark equals the precomposed letter) and with
   * every run of whitespace one space.
   */
  static String fold(String text) {
    if (text == null) {
      return "";
    }
    String folded =
        Normalizer.normalize(text, Normalizer.Form.NFC)
            .toUpperCase(Locale.ROOT)
            .toLowerCase(Locale.ROOT);
    return WHITESPACE.matcher(Normalizer.normalize(folded, Normalizer.Form.NFC)).replaceAll(" ");
  }

  /** Whether {@code word} occurs in {@code text} with no letter, digit or mark against it. */
  static boolean containsWord(String text, String word) {
    String wanted = word.strip();
    if (wanted.isEmpty()) {
      return false;
    }
    for (int at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
      int end = at + wanted.length();
      boolean startsWord = at == 0 || !wordPart(text.codePointBefore(at));
      boolean endsWord = end == text.length() || !wordPart(text.codePointAt(end));
      if (startsWord && endsWord) {
        return true;
      }
    }
    return false;
  }

  private static boolean wordPart(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isLetterOrDigit(codePoint)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
