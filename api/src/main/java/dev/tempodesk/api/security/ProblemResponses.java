package dev.tempodesk.api.security;

import dev.tempodesk.api.error.ApiExceptionHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that writes an RFC 9457 problem outside Spring MVC: the security filters' answers
 * (never a redirect or a login page), the firewall's refusals of malformed URLs, and, through
 * {@link #write}, the request filters, the container's own error reports and the {@code /error}
 * fallback. Inside MVC, {@link ApiExceptionHandler} answers.
 */
@Component
public class ProblemResponses
    implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {
  static final String UNAUTHENTICATED = "urn:tempodesk:problem:unauthenticated";
  static final String FORBIDDEN = "urn:tempodesk:problem:forbidden";

  /** Problems are plain maps and strings; the app's customised mapper is not needed to write. */
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    write(
        request,
        response,
        problem(
            HttpStatus.UNAUTHORIZED,
            UNAUTHENTICATED,
            "Not signed in",
            "Sign in first: POST /api/auth/login."));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    String detail =
        e instanceof CsrfException
            ? "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value as the X-XSRF-TOKEN"
                + " header (GET /api/auth/csrf sets the cookie)."
            : "Your role may not do this.";
    write(request, response, problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", detail));
  }

  /** The firewall (StrictHttpFirewall) refused the URL: encoded '%', '//', ';', '..' and such. */
  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    write(
        request,
        response,
        ApiExceptionHandler.problem(
            HttpStatus.BAD_REQUEST,
            "malformed-request",
            "Malformed request",
            "The URL was refused: " + e.getMessage(),
            null));
  }

  /**
   * Writes the problem as {@code application/problem+json} with the request's path as {@code
   * instance} (unless it has one); nothing happens once the response is committed.
   */
  public static void write(
      HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(json(problem, request.getRequestURI()));
  }

  /**
   * The problem's JSON: type, title, status, detail, instance (the problem's, else the given one,
   * else none), then its other properties.
   */
  public static byte[] json(ProblemDetail problem, String instance) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getInstance() != null || instance != null) {
      body.put(
          "instance", problem.getInstance() != null ? problem.getInstance().toString() : instance);
    }
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    return JSON.writeValueAsBytes(body);
  }

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(java.net.URI.create(type));
    problem.setTitle(title);
    return problem;
  }
}
