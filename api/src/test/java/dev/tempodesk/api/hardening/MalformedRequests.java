package dev.tempodesk.api.hardening;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Generates malformed requests from a description of each endpoint: a valid body (as raw JSON
 * fragments) and what kind each field is. Every field is broken one way at a time, so when the API
 * rejects the request the fault is that field, and the problem must name it.
 */
final class MalformedRequests {
  static final String JSON = "application/json";
  private static final String MEGABYTE = "x".repeat(1024 * 1024);
  private static final String OVERFLOW = "99999999999999999999999";

  /** Who sends a probe: nobody signed in, an admin (an agent) or a portal customer. */
  enum Who {
    ANONYMOUS,
    ADMIN,
    CUSTOMER
  }

  /**
   * One generated request and what the API must say about it. {@code target} is the request target
   * as sent, byte for byte (ISO-8859-1); {@code body} null sends none; {@code field} is the field
   * or parameter a 400/422 must name.
   */
  record Probe(
      String endpoint,
      Who who,
      String method,
      String target,
      Map<String, String> headers,
      byte[] body,
      String field,
      boolean mustReject) {
    String describe() {
      String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      String shown = target.length() > 200 ? target.substring(0, 200) + "…" : target;
      return who
          + " "
          + method
          + " "
          + shown
          + " "
          + headers.entrySet().stream()
              .map(h -> h.getKey() + ": " + abbreviate(h.getValue(), 60))
              .toList()
          + " "
          + abbreviate(text, 160);
    }

    private static String abbreviate(String text, int max) {
      return text.length() > max ? text.substring(0, max) + "…(" + text.length() + ")" : text;
    }
  }

  private final Who who;

  MalformedRequests(Who who) {
    this.who = who;
  }

  /** What kind of value a field holds, which decides how it is broken. */
  enum Kind {
    TEXT,
    EMAIL,
    ID,
    ENUM,
    BOOL,
    INT,
    DURATION
  }

  /** A body field: kind, whether it is required, its size or value bounds. */
  record Field(String name, Kind kind, boolean required, long min, long max, boolean knownIdsOnly) {
    static Field text(String name, boolean required, int max) {
      return new Field(name, Kind.TEXT, required, 0, max, false);
    }

    static Field email(String name, boolean required) {
      return new Field(name, Kind.EMAIL, required, 0, 320, false);
    }

    /** An id of another row; unknown ids must be refused naming the field. */
    static Field reference(String name) {
      return new Field(name, Kind.ID, false, 0, 0, true);
    }

    static Field number(String name) {
      return new Field(name, Kind.ID, false, 0, 0, false);
    }

    static Field enumeration(String name, boolean required) {
      return new Field(name, Kind.ENUM, required, 0, 0, false);
    }

    static Field bool(String name, boolean required) {
      return new Field(name, Kind.BOOL, required, 0, 0, false);
    }

    static Field integer(String name, long min, long max) {
      return new Field(name, Kind.INT, false, min, max, false);
    }

    static Field duration(String name) {
      return new Field(name, Kind.DURATION, false, 0, 0, false);
    }
  }

  /** A broken value: raw JSON (null = leave the field out) and whether it must be refused. */
  private record Mutation(String rawJson, boolean mustReject) {}

  private final List<Probe> probes = new ArrayList<>();

  List<Probe> all() {
    return probes;
  }

  /**
   * Every field of a body broken in every way its kind allows, plus bodies broken as a whole.
   * {@code validBody} returns raw JSON per field; it is called per probe so unique values stay
   * unique.
   */
  void body(
      String endpoint,
      String method,
      String path,
      Supplier<Map<String, String>> validBody,
      List<Field> fields) {
    body(endpoint, method, path, validBody, fields, false);
  }

  /**
   * As {@link #body}, for an endpoint whose body may be left out (a heartbeat): no body at all, or
   * JSON {@code null}, is then a valid request; every other broken body must still be refused.
   */
  void optionalBody(
      String endpoint,
      String method,
      String path,
      Supplier<Map<String, String>> validBody,
      List<Field> fields) {
    body(endpoint, method, path, validBody, fields, true);
  }

  private void body(
      String endpoint,
      String method,
      String path,
      Supplier<Map<String, String>> validBody,
      List<Field> fields,
      boolean optional) {
    for (Field field : fields) {
      for (Mutation mutation : mutations(field)) {
        Map<String, String> body = new LinkedHashMap<>(validBody.get());
        if (mutation.rawJson() == null) {
          body.remove(field.name());
        } else {
          body.put(field.name(), mutation.rawJson());
        }
        // Leaving out an optional field can be refused for another field's sake (e.g. one of two
        // alternatives), so only a broken value pins the fault on this field.
        boolean leftOut =
            mutation.rawJson() == null
                || mutation.rawJson().equals("null")
                || mutation.rawJson().equals("\"\"");
        add(
            endpoint,
            method,
            path,
            JSON,
            render(body).getBytes(StandardCharsets.UTF_8),
            leftOut && !field.required() ? null : field.name(),
            mutation.mustReject());
      }
    }
    wholeBody(endpoint, method, path, render(validBody.get()), optional);
  }

  /** A query parameter set to a bad value; the problem must name the parameter. */
  void query(String endpoint, String path, String parameter, String value, boolean mustReject) {
    String separator = path.contains("?") ? "&" : "?";
    add(
        endpoint,
        "GET",
        path + separator + parameter + "=" + encode(value),
        null,
        null,
        parameter,
        mustReject);
  }

  /** A path with an id that is not a usable id; must be refused (400 or 404). */
  void badIds(String endpoint, String method, String pathTemplate, String validBody) {
    for (String id : List.of("abc", "-1", "0", OVERFLOW, "1.5", "%20", "9223372036854775807")) {
      add(
          endpoint,
          method,
          pathTemplate.replace("{id}", id),
          method.equals("GET") ? null : JSON,
          method.equals("GET") ? null : validBody.getBytes(StandardCharsets.UTF_8),
          null,
          true);
    }
  }

  private void wholeBody(
      String endpoint, String method, String path, String valid, boolean optional) {
    byte[] validBytes = valid.getBytes(StandardCharsets.UTF_8);
    for (String broken :
        List.of(
            "",
            "{",
            valid.substring(0, valid.length() / 2),
            "[]",
            "\"text\"",
            "null",
            "42",
            "{\"a\":}",
            "[".repeat(5000) + "]".repeat(5000),
            valid + "garbage")) {
      boolean absent = broken.isEmpty() || broken.equals("null");
      add(
          endpoint,
          method,
          path,
          JSON,
          broken.getBytes(StandardCharsets.UTF_8),
          null,
          !(optional && absent));
    }
    for (String type :
        List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
      add(endpoint, method, path, type, validBytes, null, true);
    }
    add(endpoint, method, path, null, validBytes, null, true);
    add(endpoint, method, path, "application/json; charset=nonsense", validBytes, null, false);
    // Invalid UTF-8 (a lone continuation byte and a truncated sequence) inside a string value.
    byte[] invalidUtf8 = "{\"x\":\"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1);
    add(endpoint, method, path, JSON, invalidUtf8, null, true);
    byte[] invalidInValid =
        valid.replaceFirst(":\"", ":\"\u00c3\u0028").getBytes(StandardCharsets.ISO_8859_1);
    add(endpoint, method, path, JSON, invalidInValid, null, false);
  }

  private static List<Mutation> mutations(Field field) {
    List<Mutation> list = new ArrayList<>();
    list.add(new Mutation(null, field.required()));
    list.add(new Mutation("null", field.required()));
    list.add(new Mutation("{}", true));
    list.add(new Mutation("[1,2]", true));
    switch (field.kind()) {
      case TEXT -> {
        list.add(new Mutation("\"\"", field.required()));
        list.add(new Mutation(quote("a".repeat((int) field.max() + 1)), true));
        list.add(new Mutation(quote(MEGABYTE), true));
        list.add(new Mutation(quote("nul\\u0000in the middle"), false));
        list.add(
            new Mutation(quote("\u202eRTL \u05e9\u05dc\u05d5\u05dd emoji \ud83d\udd25"), false));
        list.add(new Mutation(quote("lone surrogate \\ud800 here"), false));
      }
      case EMAIL -> {
        list.add(new Mutation("\"not-an-email\"", true));
        list.add(new Mutation("\"a@\"", true));
        list.add(new Mutation(quote(MEGABYTE + "@example.com"), true));
        list.add(new Mutation("\"\"", field.required()));
        list.add(new Mutation("\"nul\\u0000@example.com\"", true));
      }
      case ID -> {
        list.add(new Mutation("\"abc\"", true));
        list.add(new Mutation(OVERFLOW, true));
        list.add(new Mutation("true", true));
        list.add(new Mutation("1e400", true));
        list.add(new Mutation("-1", field.knownIdsOnly()));
        list.add(new Mutation("0", field.knownIdsOnly()));
        list.add(new Mutation("987654321", field.knownIdsOnly()));
      }
      case ENUM -> {
        list.add(new Mutation("\"BOGUS\"", true));
        list.add(new Mutation("\"\"", false));
        list.add(new Mutation("42", false));
        list.add(new Mutation("\"high; DROP TABLE tickets\"", true));
        list.add(new Mutation(quote(MEGABYTE), true));
      }
      case BOOL -> {
        list.add(new Mutation("\"maybe\"", true));
        list.add(new Mutation("2", true));
        list.add(new Mutation(OVERFLOW, true));
      }
      case INT -> {
        list.add(new Mutation(Long.toString(field.min() - 1), true));
        list.add(new Mutation(Long.toString(field.max() + 1), true));
        list.add(new Mutation("2147483648", true));
        list.add(new Mutation(OVERFLOW, true));
        list.add(new Mutation("\"abc\"", true));
        list.add(new Mutation("-2147483649", true));
      }
      case DURATION -> {
        list.add(new Mutation("\"garbage\"", true));
        list.add(new Mutation("\"P-1D\"", true));
        list.add(new Mutation("\"-PT1H\"", true));
        list.add(new Mutation("\"PT0S\"", true));
        list.add(new Mutation("\"P10000D\"", true));
        list.add(new Mutation("\"PT99999999999999999999H\"", true));
        list.add(new Mutation("\"P1Y\"", true));
        list.add(new Mutation("\"1 day\"", true));
        list.add(new Mutation("-5", true));
        list.add(new Mutation("1e300", true));
      }
      default -> throw new IllegalStateException(field.kind().name());
    }
    return list;
  }

  private void add(
      String endpoint,
      String method,
      String path,
      String contentType,
      byte[] body,
      String field,
      boolean mustReject) {
    Map<String, String> headers =
        contentType == null ? Map.of() : Map.of("Content-Type", contentType);
    probes.add(new Probe(endpoint, who, method, path, headers, body, field, mustReject));
  }

  private static String render(Map<String, String> body) {
    StringBuilder json = new StringBuilder("{");
    body.forEach(
        (name, raw) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append(quote(name)).append(':').append(raw);
        });
    return json.append('}').toString();
  }

  static String quote(String text) {
    return "\"" + text.replace("\"", "\\\"") + "\"";
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
