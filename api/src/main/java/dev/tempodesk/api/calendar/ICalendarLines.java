package dev.tempodesk.api.calendar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The content lines of an iCalendar text (RFC 5545 section 3.1): lines end in CRLF (bare LF and CR
 * are accepted too), a line starting with a space or tab continues the one before, and each line is
 * {@code NAME *(";" PARAM "=" VALUE) ":" VALUE} where parameter values may be quoted.
 */
final class ICalendarLines {
  private ICalendarLines() {}

  /** One content line: upper-cased name and parameter names, the value as written. */
  record ContentLine(String name, Map<String, String> parameters, String value) {
    String parameter(String name) {
      return parameters.get(name);
    }
  }

  static List<ContentLine> parse(String text) {
    List<ContentLine> lines = new ArrayList<>();
    for (String line : unfold(text)) {
      if (!line.isBlank()) {
        ContentLine parsed = contentLine(line);
        if (parsed != null) {
          lines.add(parsed);
        }
      }
    }
    return lines;
  }

  static List<String> unfold(String text) {
    String[] physical = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> logical = new ArrayList<>();
    StringBuilder current = null;
    for (String line : physical) {
      if (current != null && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
        current.append(line, 1, line.length());
      } else {
        if (current != null) {
          logical.add(current.toString());
        }
        current = new StringBuilder(line);
      }
    }
    if (current != null) {
      logical.add(current.toString());
    }
    return logical;
  }

  /** Null for a line without a colon outside quotes (not a content line; ignored). */
  private static ContentLine contentLine(String line) {
    int colon = -1;
    boolean quoted = false;
    List<Integer> semicolons = new ArrayList<>();
    for (int i = 0; i < line.length() && colon < 0; i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ';') {
        semicolons.add(i);
      } else if (!quoted && c == ':') {
        colon = i;
      }
    }
    if (colon < 0) {
      return null;
    }
    int nameEnd = semicolons.isEmpty() ? colon : semicolons.getFirst();
    String name = line.substring(0, nameEnd).strip().toUpperCase(Locale.ROOT);
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int k = 0; k < semicolons.size(); k++) {
      int end = k + 1 < semicolons.size() ? semicolons.get(k + 1) : colon;
      String parameter = line.substring(semicolons.get(k) + 1, end);
      int equals = parameter.indexOf('=');
      if (equals > 0) {
        String value = parameter.substring(equals + 1);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        parameters.put(parameter.substring(0, equals).strip().toUpperCase(Locale.ROOT), value);
      }
    }
    return new ContentLine(name, parameters, line.substring(colon + 1));
  }

  /** A TEXT value with its escapes ({@code \\ \; \, \n}) resolved. */
  static String text(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        out.append(next == 'n' || next == 'N' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
