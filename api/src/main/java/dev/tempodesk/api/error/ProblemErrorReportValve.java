package dev.tempodesk.api.error;

import dev.tempodesk.api.security.ProblemResponses;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's own error reports as RFC 9457 problems instead of its HTML page. Tomcat refuses some
 * requests before any filter or servlet runs (a {@code %00}, invalid UTF-8 or {@code ..} beyond the
 * root in the path, a malformed request line or header) and reports them through the host's error
 * report valve; this is that valve.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Configuration(proxyBeanMethods = false)
  static class Installation {
    @Bean
    TomcatContextCustomizer problemErrorReports() {
      return context -> {
        if (context.getParent() instanceof StandardHost host) {
          // Spring Boot adds a plain ErrorReportValve of its own (server.error.include-stacktrace),
          // so just before the host starts every other error report valve goes; the host adds
          // one of its errorReportValveClass only when none of that class is there.
          host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
          host.addLifecycleListener(
              event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                  install(host);
                }
              });
        }
      };
    }

    private static void install(StandardHost host) {
      boolean present = false;
      for (Valve valve : host.getPipeline().getValves()) {
        if (valve instanceof ProblemErrorReportValve) {
          present = true;
        } else if (valve instanceof ErrorReportValve) {
          host.getPipeline().removeValve(valve);
        }
      }
      if (!present) {
        host.getPipeline().addValve(new ProblemErrorReportValve());
      }
    }
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer == null) {
        return;
      }
      byte[] json =
          ProblemResponses.json(
              ErrorProblems.forStatus(status), ErrorProblems.instance(request.getRequestURI()));
      writer.write(new String(json, StandardCharsets.UTF_8));
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response cannot take a body; there is nothing left to tell.
    }
  }
}
