package dev.tempodesk.api.config;

import dev.tempodesk.api.error.ApiExceptionHandler;
import dev.tempodesk.api.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else reads the request, what no part of the app can read, so that
 * neither a filter nor an endpoint meets it later as a 500:
 *
 * <ul>
 *   <li>a query parameter (name or value) with a broken percent-encoding ({@code %}, {@code %G1}),
 *       invalid or overlong UTF-8 ({@code %FF}, {@code %C0%AF}) or a NUL character, which
 *       PostgreSQL cannot store: 400 naming the parameter. Tomcat decodes parameters lazily and
 *       throws from {@code getParameter}; here they are decoded once, strictly;
 *   <li>more parameters than the container allows, or a form body it cannot decode: 400 (413 when
 *       too large);
 *   <li>a {@code Content-Type} on a request with a body that is malformed, names an unknown charset
 *       or is a wildcard ({@code *}{@code /*}, {@code application/*}): 415 naming the header.
 * </ul>
 *
 * Paths are the container's and the firewall's to refuse (see {@code ProblemErrorReportValve} and
 * {@code ProblemResponses}).
 */
public class MalformedRequestFilter extends OncePerRequestFilter {
  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    FilterRegistrationBean<MalformedRequestFilter> malformedRequests() {
      FilterRegistrationBean<MalformedRequestFilter> registration =
          new FilterRegistrationBean<>(new MalformedRequestFilter());
      // Before the session, security and every other filter that might read a parameter.
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
      return registration;
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ProblemDetail problem = contentTypeProblem(request);
    if (problem == null) {
      problem = acceptProblem(request);
    }
    if (problem == null) {
      problem = queryProblem(request.getQueryString());
    }
    if (problem == null) {
      problem = parameterProblem(request);
    }
    if (problem != null) {
      ProblemResponses.write(request, response, problem);
      return;
    }
    chain.doFilter(request, response);
  }

  private static ProblemDetail contentTypeProblem(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (header == null || !WITH_BODY.contains(request.getMethod())) {
      return null;
    }
    String why;
    try {
      MediaType type = MediaType.parseMediaType(header);
      if (!type.isConcrete()) {
        why = "is a wildcard; name the body's type, e.g. application/json";
      } else {
        return null;
      }
    } catch (InvalidMediaTypeException e) {
      why = "cannot be read (" + e.getMessage() + "); send e.g. application/json";
    }
    ProblemDetail problem =
        ApiExceptionHandler.problem(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "Unsupported media type",
            "The Content-Type header '" + header + "' " + why + ".",
            null);
    problem.setProperty("header", HttpHeaders.CONTENT_TYPE);
    return problem;
  }

  /** An Accept header that cannot be read leaves no way to answer at all, not even an error. */
  private static ProblemDetail acceptProblem(HttpServletRequest request) {
    java.util.List<String> accept =
        java.util.Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
    try {
      MediaType.parseMediaTypes(accept);
      return null;
    } catch (IllegalArgumentException e) {
      ProblemDetail problem =
          ApiExceptionHandler.problem(
              HttpStatus.BAD_REQUEST,
              "malformed-request",
              "Malformed request",
              "The Accept header cannot be read ("
                  + e.getMessage()
                  + "); send e.g. Accept: application/json.",
              null);
      problem.setProperty("header", HttpHeaders.ACCEPT);
      return problem;
    }
  }

  /** The first query parameter that does not decode, or null. */
  static ProblemDetail queryProblem(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String rawName = equals < 0 ? pair : pair.substring(0, equals);
      String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
      String name = lenient(rawName);
      String why = decodingProblem(rawName);
      if (why != null) {
        return parameterProblem(name, "The name of query parameter '" + name + "' " + why);
      }
      why = decodingProblem(rawValue);
      if (why != null) {
        return parameterProblem(name, "Query parameter '" + name + "' " + why);
      }
    }
    return null;
  }

  /** Why the percent-encoded text does not decode to UTF-8 text PostgreSQL can store, or null. */
  private static String decodingProblem(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
          String at = raw.substring(i, Math.min(raw.length(), i + 3));
          return "has a broken percent-encoding ('"
              + at
              + "': '%' must be followed by two hex digits; send a literal '%' as %25).";
        }
        bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
        i += 2;
      } else {
        bytes.write(c == '+' ? ' ' : c);
      }
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
    } catch (CharacterCodingException e) {
      return "is not valid UTF-8 (a stray, overlong or truncated byte sequence such as %FF or"
          + " %C0%AF); percent-encode the UTF-8 bytes of the text.";
    }
    if (text.indexOf('\0') >= 0) {
      return "must not contain NUL characters (U+0000).";
    }
    return null;
  }

  /**
   * Lets the container parse every parameter now (the query's, and a form body's unless it is
   * multipart), so its limits and decoding failures are answered here; NUL is refused in any.
   */
  private static ProblemDetail parameterProblem(HttpServletRequest request) {
    String type = request.getContentType();
    if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
      return null;
    }
    Map<String, String[]> parameters;
    try {
      parameters = request.getParameterMap();
    } catch (InvalidParameterException e) {
      HttpStatus status =
          e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
              ? HttpStatus.CONTENT_TOO_LARGE
              : HttpStatus.BAD_REQUEST;
      return ApiExceptionHandler.problem(
          status,
          "malformed-request",
          "Malformed request",
          "The request's parameters cannot be read (too many, too large or not decodable).",
          null);
    }
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      for (String value : parameter.getValue()) {
        if (parameter.getKey().indexOf('\0') >= 0 || (value != null && value.indexOf('\0') >= 0)) {
          return parameterProblem(
              parameter.getKey().replace('\0', '?'),
              "Parameter '"
                  + parameter.getKey().replace('\0', '?')
                  + "' must not contain NUL characters (U+0000).");
        }
      }
    }
    return null;
  }

  private static ProblemDetail parameterProblem(String name, String detail) {
    return ApiExceptionHandler.problem(
        HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field", detail, name);
  }

  /** The parameter's name for a message: decoded, with what does not decode replaced. */
  private static String lenient(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%'
          && i + 2 < raw.length()
          && hex(raw.charAt(i + 1)) >= 0
          && hex(raw.charAt(i + 2)) >= 0) {
        bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
        i += 2;
      } else {
        bytes.write(c == '+' ? ' ' : c);
      }
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8).replace('\0', '?');
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
