package dev.tempodesk.api.hardening;

import dev.tempodesk.api.hardening.MalformedRequests.Probe;
import dev.tempodesk.api.hardening.MalformedRequests.Who;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Requests broken below the JSON: URLs with invalid percent-encodings and UTF-8, NUL, dot segments
 * and path parameters; wildcard, missing and malformed content types; methods an endpoint does not
 * have; unreadable headers; the webhook unsigned and signed badly; JSON the strict reader may come
 * to refuse. Each as an anonymous caller, an admin and a portal customer where it matters.
 */
final class HostileRequests {
  /** A URL of the app, and the query parameter it reads (or a made-up one). */
  record Target(String endpoint, String path, String parameter) {}

  /** A state-changing endpoint, who may call it, and a body it accepts. */
  record Writer(String endpoint, Who who, String method, String path, String validBody) {}

  /** Broken query values: each must be refused naming the parameter. */
  static final List<String> BAD_QUERY_VALUES =
      List.of(
          "%C0%AF", // overlong '/'
          "%FF",
          "%E0%80%AF", // overlong, three bytes
          "%ED%A0%80", // an encoded UTF-16 surrogate
          "%F4%90%80%80", // beyond U+10FFFF
          "%C3", // truncated
          "abc%FE%FF",
          "%C0%80", // overlong NUL
          "%00",
          "nul%00inside",
          "%",
          "%G1",
          "%2",
          "50%");

  /** Broken parameter names: must be refused (the name cannot be told). */
  static final List<String> BAD_QUERY_NAMES = List.of("%FF=1", "%C0%AF=x", "%=1", "a%00b=1");

  /**
   * Path tails the container or the firewall always refuses (400): invalid bytes, NUL, ';', '//'.
   */
  static final List<String> REFUSED_PATH_TAILS =
      List.of(
          "/%C0%AF",
          "/%FF",
          "/%00",
          "/a%00b",
          "/%C3",
          "/%E0%80%AF",
          ";x=1",
          "//x",
          "/%25",
          "/\u00ff", // a raw byte 0xFF
          "/%");

  /** Path tails an attacker tries; anything but a 5xx or a non-problem error is fine. */
  static final List<String> ODD_PATH_TAILS =
      List.of(
          "/..%2f..%2f..%2fetc%2fpasswd",
          "/..%252f..%252fetc",
          "/%2e%2e/%2e%2e/etc/passwd",
          "/..;/x",
          ";jsessionid=abc",
          "/%5C..%5C");

  /** Content types nothing can read: 415 naming the header, also where no body is needed. */
  static final List<String> BAD_CONTENT_TYPES =
      List.of(
          "application/*",
          "*/*",
          "*/json",
          "text/*",
          "garbage",
          "application/json; charset=bogus",
          "");

  /** Content types of bodies the API does not take: refused where a body is read. */
  static final List<String> OTHER_CONTENT_TYPES =
      List.of(
          "multipart/form-data",
          "multipart/form-data; boundary=x",
          "text/plain",
          "application/xml");

  private final List<Probe> probes = new ArrayList<>();

  List<Probe> all() {
    return probes;
  }

  /** Every broken query value and name, and every broken path tail, on each target. */
  void urls(Who who, List<Target> targets) {
    for (Target target : targets) {
      String separator = target.path().contains("?") ? "&" : "?";
      for (String value : BAD_QUERY_VALUES) {
        add(
            target.endpoint(),
            who,
            "GET",
            target.path() + separator + target.parameter() + "=" + value,
            Map.of(),
            null,
            target.parameter(),
            true);
      }
      for (String name : BAD_QUERY_NAMES) {
        add(
            target.endpoint(),
            who,
            "GET",
            target.path() + separator + name,
            Map.of(),
            null,
            null,
            true);
      }
    }
    for (Target target : targets) {
      if (target.path().contains("?")) {
        continue;
      }
      for (String tail : REFUSED_PATH_TAILS) {
        add(target.endpoint(), who, "GET", target.path() + tail, Map.of(), null, null, true);
      }
      for (String tail : ODD_PATH_TAILS) {
        add(target.endpoint(), who, "GET", target.path() + tail, Map.of(), null, null, false);
      }
    }
  }

  /**
   * Every wildcard or malformed content type, none at all, a form body that does not decode and a
   * body of 1.5 MB, on a writer; and the writer's URL with invalid UTF-8 in its query.
   */
  void contentTypes(Writer writer) {
    byte[] body = writer.validBody().getBytes(StandardCharsets.UTF_8);
    for (String type : BAD_CONTENT_TYPES) {
      add(writer, Map.of("Content-Type", type), body, true);
    }
    for (String type : OTHER_CONTENT_TYPES) {
      add(writer, Map.of("Content-Type", type), body, false);
    }
    // No Content-Type: refused where a body is needed, fine where none is.
    add(writer, Map.of(), body, false);
    add(writer, Map.of("Content-Type", "application/json;;"), body, false);
    add(
        writer,
        Map.of("Content-Type", "application/x-www-form-urlencoded"),
        "a=%FF&_csrf=%C0%AF&b=%".getBytes(StandardCharsets.UTF_8),
        false);
    add(
        writer,
        Map.of("Content-Type", "application/json"),
        (" ".repeat(1_500_000) + writer.validBody()).getBytes(StandardCharsets.UTF_8),
        false);
    add(
        writer.endpoint(),
        writer.who(),
        writer.method(),
        writer.path() + "?x=%C0%AF",
        Map.of("Content-Type", "application/json"),
        body,
        "x",
        true);
  }

  /** Methods the URL does not have: refused (403 from the rules, or 405). */
  void wrongMethods(Who who, String endpoint, String path, List<String> allowed) {
    for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "TRACE", "OPTIONS")) {
      if (!allowed.contains(method)) {
        byte[] body = method.equals("GET") || method.equals("TRACE") ? null : new byte[0];
        add(
            endpoint,
            who,
            method,
            path,
            Map.of("Content-Type", "application/json"),
            body,
            null,
            true);
      }
    }
    add(endpoint, who, "FOO", path, Map.of(), null, null, true);
  }

  /** Headers nothing can read, and Accept headers nothing can satisfy. */
  void headers(Who who, List<Target> targets) {
    for (Target target : targets) {
      for (Map<String, String> headers :
          List.of(
              Map.of("Accept", "a/b/c"),
              Map.of("Accept", "application/json;q=abc"),
              Map.of("Accept", "application/xml"),
              Map.of("Accept", "text/html"),
              Map.of("Accept-Language", "%%%;q=x"),
              Map.of("X-Big", "x".repeat(20_000)),
              Map.of("Bad Header", "x"),
              Map.of("X-Control", "a\u0001b"),
              Map.of("Cookie", "SESSION=%%%; XSRF-TOKEN=\u00ff"),
              Map.of("Authorization", "Bearer garbage"),
              Map.of("If-Modified-Since", "garbage"),
              Map.of("Range", "bytes=999999-"))) {
        add(target.endpoint(), who, "GET", target.path(), headers, null, null, false);
      }
      // An unknown id as well, so the error itself meets the odd Accept.
      for (String accept : List.of("application/xml", "text/html", "image/png")) {
        add(
            target.endpoint(),
            who,
            "GET",
            target.path() + (target.path().endsWith("/") ? "" : "/") + "no-such-thing",
            Map.of("Accept", accept),
            null,
            null,
            false);
      }
    }
    add(
        "framing",
        who,
        "POST",
        "/api/tickets",
        Map.of("Transfer-Encoding", "chunked"),
        "{}".getBytes(StandardCharsets.UTF_8),
        null,
        true);
    add("framing", who, "GET", "/api/tickets", Map.of("Host", "evil.example"), null, null, false);
  }

  /** The webhook unsigned and signed badly (refused), and signed well (accepted). */
  void webhook(String secret) {
    String path = "/api/webhooks/nylas";
    byte[] body =
        "{\"id\":\"evt-1\",\"type\":\"message.created\",\"data\":{\"object\":{\"grant_id\":\"g-1\"}}}"
            .getBytes(StandardCharsets.UTF_8);
    Map<String, String> json = Map.of("Content-Type", "application/json");
    String good = sign(secret, body);
    for (String signature :
        new String[] {
          null,
          "",
          "zz",
          good.substring(1),
          good.toUpperCase(),
          sign(secret, "{}".getBytes(StandardCharsets.UTF_8)),
          sign("wrong-secret", body),
          "\u00ff" + good,
          good + " " + good
        }) {
      Map<String, String> headers = new LinkedHashMap<>(json);
      if (signature != null) {
        headers.put("X-Nylas-Signature", signature);
      }
      add(
          "webhook.post",
          Who.ANONYMOUS,
          "POST",
          path,
          headers,
          body,
          null,
          !good.toUpperCase().equals(signature));
    }
    Map<String, String> signed = new LinkedHashMap<>(json);
    signed.put("X-Nylas-Signature", good);
    add("webhook.post", Who.ANONYMOUS, "POST", path, signed, body, null, false);
    byte[] notJson = "not json at all".getBytes(StandardCharsets.UTF_8);
    Map<String, String> signedText = new LinkedHashMap<>(json);
    signedText.put("X-Nylas-Signature", sign(secret, notJson));
    add("webhook.post", Who.ANONYMOUS, "POST", path, signedText, notJson, null, false);
    byte[] empty = new byte[0];
    add("webhook.post", Who.ANONYMOUS, "POST", path, json, empty, null, true);
    add("webhook.challenge", Who.ANONYMOUS, "GET", path, Map.of(), null, null, true);
  }

  /**
   * JSON that is readable today but that the strict reader (duplicate keys, coercions, enum
   * spelling) or the header rules (CR/LF) may come to refuse: either answer is fine, a 5xx is not.
   */
  void lenientJson(String endpoint, Who who, String method, String path, List<String> bodies) {
    for (String body : bodies) {
      add(
          endpoint,
          who,
          method,
          path,
          Map.of("Content-Type", "application/json"),
          body.getBytes(StandardCharsets.UTF_8),
          null,
          false);
    }
  }

  static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return java.util.HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void add(Writer writer, Map<String, String> headers, byte[] body, boolean mustReject) {
    add(
        writer.endpoint(),
        writer.who(),
        writer.method(),
        writer.path(),
        headers,
        body,
        null,
        mustReject);
  }

  private void add(
      String endpoint,
      Who who,
      String method,
      String target,
      Map<String, String> headers,
      byte[] body,
      String field,
      boolean mustReject) {
    probes.add(new Probe(endpoint, who, method, target, headers, body, field, mustReject));
  }
}
