package dev.tempodesk.api.macro;

import dev.tempodesk.api.error.FieldException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The placeholders of a macro's reply text and note and of signatures, the one home of their names
 * and values: {@code {{customer.name}}} and the rest of {@link #NAMES}, spaces inside the braces
 * allowed. A name not in the list is refused when the macro is saved; a value the ticket does not
 * have (a customer without a name, a ticket without an organization) renders as empty text.
 */
public final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  /**
   * The values one placeholder reads from a ticket, the agent applying the macro or sending the
   * reply, and the mailbox the reply is sent from (see {@link PlaceholderValues}).
   */
  public record Values(
      String customerName,
      String customerEmail,
      long ticketNumber,
      String ticketSubject,
      String agentName,
      String organizationName,
      String agentEmail,
      String mailboxEmail) {}

  /** One placeholder: its name, what it shows (for the web app's help) and how it renders. */
  record Placeholder(String name, String description, Function<Values, String> value) {}

  /** The placeholders, in the order the web app lists them. */
  static final List<Placeholder> ALL =
      List.of(
          new Placeholder(
              "customer.name", "The customer's (reporter's) name", Values::customerName),
          new Placeholder(
              "customer.firstName",
              "The first word of the customer's name",
              v -> firstName(v.customerName())),
          new Placeholder("customer.email", "The customer's email address", Values::customerEmail),
          new Placeholder(
              "ticket.number", "The ticket's number", v -> Long.toString(v.ticketNumber())),
          new Placeholder("ticket.subject", "The ticket's subject", Values::ticketSubject),
          new Placeholder(
              "agent.name",
              "The name of the agent applying the macro or sending the reply",
              Values::agentName),
          new Placeholder(
              "agent.firstName",
              "The first word of that agent's name",
              v -> firstName(v.agentName())),
          new Placeholder("agent.email", "That agent's email address", Values::agentEmail),
          new Placeholder(
              "organization.name", "The customer's organization", Values::organizationName),
          new Placeholder(
              "mailbox.email", "The support address the reply is sent from", Values::mailboxEmail));

  /** Each placeholder by name. */
  public static final Map<String, Function<Values, String>> NAMES =
      ALL.stream()
          .collect(
              Collectors.toMap(
                  Placeholder::name, Placeholder::value, (a, b) -> a, LinkedHashMap::new));

  private Placeholders() {}

  /**
   * Refuses (422 naming {@code field}) a text with a placeholder not in {@link #NAMES}: macros'
   * texts and signatures alike.
   */
  public static void check(String field, String text) {
    if (text == null) {
      return;
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      String name = matcher.group(1);
      if (!NAMES.containsKey(name)) {
        throw FieldException.invalid(
            field,
            "Unknown placeholder {{"
                + name
                + "}}; known are "
                + String.join(", ", NAMES.keySet().stream().map(n -> "{{" + n + "}}").toList())
                + ".");
      }
    }
  }

  /** The text with every placeholder replaced by its value (empty when the value is missing). */
  public static String render(String text, Values values) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    return PLACEHOLDER
        .matcher(text)
        .replaceAll(
            match -> {
              Function<Values, String> value = NAMES.get(match.group(1));
              String rendered = value == null ? match.group() : value.apply(values);
              return Matcher.quoteReplacement(rendered == null ? "" : rendered);
            });
  }

  /** The values with each text passed through {@code escape} (e.g. to fill them into HTML). */
  public static Values escaped(Values values, UnaryOperator<String> escape) {
    UnaryOperator<String> safe = text -> text == null ? null : escape.apply(text);
    return new Values(
        safe.apply(values.customerName()),
        safe.apply(values.customerEmail()),
        values.ticketNumber(),
        safe.apply(values.ticketSubject()),
        safe.apply(values.agentName()),
        safe.apply(values.organizationName()),
        safe.apply(values.agentEmail()),
        safe.apply(values.mailboxEmail()));
  }

  /** The first word of a name ("Jane" of "Jane Doe"); a "Doe, Jane" name gives "Jane". */
  static String firstName(String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    String trimmed = name.strip();
    int comma = trimmed.indexOf(',');
    if (comma >= 0 && comma < trimmed.length() - 1) {
      trimmed = trimmed.substring(comma + 1).strip();
    }
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }
}
