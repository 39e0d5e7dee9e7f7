package dev.tempodesk.workflows.ticket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules of ticket tags, in one place: how a typed tag is normalized, which tags are refused and
 * how many a ticket may carry. The update rules, the list filter and the autocomplete all use it,
 * so a tag typed as {@code " Billing Issue"} is {@code billing-issue} everywhere.
 *
 * <p>Normalization: surrounding whitespace is trimmed, every inner run of whitespace becomes one
 * {@code -}, and letters are lower-cased (locale-independent, {@link Locale#ROOT}). A tag is
 * refused when it is blank, longer than {@value #MAX_LENGTH} characters after normalization, or
 * contains a comma (the separator people type between tags) or a control character.
 */
public final class Tags {
  /** The longest tag, in characters, after normalization. */
  public static final int MAX_LENGTH = 50;

  /** The most tags one ticket may carry. */
  public static final int MAX_PER_TICKET = 30;

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Tags() {}

  /**
   * The normalized form of {@code raw}.
   *
   * @throws IllegalArgumentException saying why the tag is unusable
   */
  public static String normalize(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("A tag cannot be blank.");
    }
    String tag = WHITESPACE.matcher(raw.strip()).replaceAll("-").toLowerCase(Locale.ROOT);
    if (tag.indexOf(',') >= 0) {
      throw new IllegalArgumentException(
          "Tag \"%s\" contains a comma: give each tag on its own.".formatted(tag));
    }
    if (tag.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("A tag cannot contain control characters.");
    }
    if (tag.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "Tag \"%s…\" is longer than %d characters.".formatted(tag.substring(0, 20), MAX_LENGTH));
    }
    return tag;
  }

  /**
   * The normalized tags of {@code raw}, sorted and without duplicates.
   *
   * @param field the request field that holds them, named by a refusal
   * @throws TicketRuleViolation if one of them is unusable
   */
  public static TreeSet<String> normalizeAll(Collection<String> raw, String field) {
    TreeSet<String> tags = new TreeSet<>();
    if (raw == null) {
      return tags;
    }
    for (String tag : raw) {
      try {
        tags.add(normalize(tag));
      } catch (IllegalArgumentException unusable) {
        throw TicketRuleViolation.invalid(field, unusable.getMessage());
      }
    }
    return tags;
  }

  /**
   * The tags after {@code change}: {@code set} replaces them, then {@code add} adds and {@code
   * remove} removes (removing a tag the ticket does not carry is not an error).
   *
   * @return sorted, without duplicates
   * @throws TicketRuleViolation naming {@code tags}, {@code addTags} or {@code removeTags}
   */
  public static List<String> apply(List<String> current, TagChange change) {
    TreeSet<String> tags = new TreeSet<>(current == null ? List.of() : current);
    if (change == null) {
      return new ArrayList<>(tags);
    }
    if (change.set() != null) {
      tags = normalizeAll(change.set(), "tags");
    }
    tags.addAll(normalizeAll(change.add(), "addTags"));
    tags.removeAll(normalizeAll(change.remove(), "removeTags"));
    if (tags.size() > MAX_PER_TICKET) {
      throw TicketRuleViolation.invalid(
          change.add() != null && !change.add().isEmpty() ? "addTags" : "tags",
          "A ticket can carry %d tags at most (this change leaves %d)."
              .formatted(MAX_PER_TICKET, tags.size()));
    }
    return new ArrayList<>(tags);
  }
}
