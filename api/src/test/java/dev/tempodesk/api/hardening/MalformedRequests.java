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
    DURATION,
    TEXT_LIST,
    ID_LIST,
    INSTANT,
    VALUES
  }

  /** A body field: kind, whether it is required, its size or value bounds. */
  record Field(
      String name,
      Kind kind,
      boolean required,
      long min,
      long max,
      boolean knownIdsOnly,
      List<String> values) {
    Field(String name, Kind kind, boolean required, long min, long max, boolean knownIdsOnly) {
      this(name, kind, required, min, max, knownIdsOnly, List.of());
    }

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

    /** An id of another row the request cannot do without; unknown ids are refused. */
    static Field requiredReference(String name) {
      return new Field(name, Kind.ID, true, 0, 0, true);
    }

    /** A list of strings, each at most {@code max} characters. */
    static Field texts(String name, boolean required, int max) {
      return new Field(name, Kind.TEXT_LIST, required, 0, max, false);
    }

    /** A list of ids. */
    static Field ids(String name, boolean required) {
      return new Field(name, Kind.ID_LIST, required, 0, 0, false);
    }

    /** A point in time that must lie in the future (and not absurdly far). */
    static Field futureInstant(String name) {
      return new Field(name, Kind.INSTANT, false, 0, 0, false);
    }

    /**
     * A field of its own shape (an object, a list of objects): besides the generic breakages, each
     * of {@code rejected} (raw JSON) must be refused naming it.
     */
    static Field refusing(String name, boolean required, List<String> rejected) {
      return new Field(name, Kind.VALUES, required, 0, 0, false, rejected);
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

  /** One request as given (body as text, null for none); a refusal need name no field. */
  void raw(
      String endpoint,
      String method,
      String path,
      String contentType,
      String body,
      boolean mustReject) {
    add(
        endpoint,
        method,
        path,
        contentType,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        null,
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
    // A field of its own shape may take an object (a filter of all tickets): it lists {} if not.
    list.add(new Mutation("{}", field.kind() != Kind.VALUES));
    boolean listKind =
        field.kind() == Kind.TEXT_LIST
            || field.kind() == Kind.ID_LIST
            || field.kind() == Kind.VALUES;
    list.add(new Mutation("[1,2]", !listKind));
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
      case TEXT_LIST -> {
        list.add(new Mutation("[]", field.required()));
        list.add(new Mutation("\"single\"", false));
        list.add(new Mutation("[null]", true));
        list.add(new Mutation("[{}]", true));
        list.add(new Mutation("[[\"a\"]]", true));
        list.add(new Mutation("[\"\"]", false));
        list.add(new Mutation("[" + quote("a".repeat((int) field.max() + 1)) + "]", true));
        list.add(new Mutation("[" + quote(MEGABYTE) + "]", true));
        list.add(new Mutation("[\"nul\\u0000inside\"]", false));
        list.add(new Mutation("[\"\u202eRTL \ud83d\udd25\", \"lone \\ud800\"]", false));
        list.add(new Mutation("[\"a\",\"a\",\"A \"]", false));
        list.add(new Mutation("[" + "\"x\",".repeat(20_000) + "\"y\"]", false));
      }
      case ID_LIST -> {
        list.add(new Mutation("[]", false));
        list.add(new Mutation("[\"abc\"]", true));
        list.add(new Mutation("[" + OVERFLOW + "]", true));
        list.add(new Mutation("[null]", true));
        list.add(new Mutation("[true]", true));
        list.add(new Mutation("[1e400]", true));
        list.add(new Mutation("[{}]", true));
        list.add(new Mutation("[-1, 0, 987654321]", false));
        list.add(new Mutation("\"1\"", false));
      }
      case INSTANT -> {
        list.add(new Mutation("\"\"", false));
        list.add(new Mutation("\"garbage\"", true));
        list.add(new Mutation("\"2000-01-01T00:00:00Z\"", true));
        list.add(new Mutation("\"1970-01-01T00:00:00Z\"", true));
        list.add(new Mutation("\"2026-13-45T99:00:00Z\"", true));
        list.add(new Mutation("\"+999999999-12-31T23:59:59Z\"", true));
        list.add(new Mutation("\"-999999999-01-01T00:00:00Z\"", true));
        list.add(new Mutation("\"9999-12-31T23:59:59Z\"", true));
        list.add(new Mutation("\"2030-01-01\"", true));
        list.add(new Mutation("\"tomorrow\"", true));
        list.add(new Mutation("-1", true));
        list.add(new Mutation("1e400", true));
        list.add(new Mutation(OVERFLOW, true));
        list.add(new Mutation("true", true));
      }
      case VALUES -> field.values().forEach(raw -> list.add(new Mutation(raw, true)));
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
