package dev.tempodesk.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the security filters answer: RFC 9457 problems as JSON, never a redirect or a login page.
 * Written by hand because these answers are given before Spring MVC sees the request.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
  static final String UNAUTHENTICATED = "urn:tempodesk:problem:unauthenticated";
  static final String FORBIDDEN = "urn:tempodesk:problem:forbidden";

  private final JsonMapper json;

  ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    write(
        response,
        HttpStatus.UNAUTHORIZED,
        UNAUTHENTICATED,
        "Not signed in",
        "Sign in first: POST /api/auth/login.",
        request);
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
    write(response, HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", detail, request);
  }

  private void write(
      HttpServletResponse response,
      HttpStatus status,
      String type,
      String title,
      String detail,
      HttpServletRequest request)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type);
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
