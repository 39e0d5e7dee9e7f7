package dev.tempodesk.api.error;

import dev.tempodesk.api.security.ProblemResponses;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The {@code /error} fallback (in place of Spring Boot's, which answers its own JSON or a
 * whitelabel HTML page): what the container forwards here, an error status sent outside Spring MVC
 * or an exception that escaped every handler, becomes a problem. Asked for directly, {@code /error}
 * is a 404.
 */
@Controller
class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer given ? given : 404;
    Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidParameterException invalid) {
        status = invalid.getErrorCode() == 413 ? 413 : 400;
      } else if (cause instanceof RequestRejectedException) {
        status = 400;
      }
    }
    ProblemDetail problem = ErrorProblems.forStatus(status);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String original) {
      String instance = ErrorProblems.instance(original);
      if (instance != null) {
        problem.setInstance(java.net.URI.create(instance));
      }
    }
    ProblemResponses.write(request, response, problem);
  }
}
