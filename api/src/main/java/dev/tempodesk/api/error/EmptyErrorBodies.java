package dev.tempodesk.api.error;

import dev.tempodesk.api.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An error status set without a body (Actuator's 404 for an unknown health component, 406 for an
 * Accept it cannot serve) gets the problem for its status, so no error reaches a client as an empty
 * body. Responses that wrote anything, sent an error (the container then forwards to {@code
 * /error}), were committed or went asynchronous are left alone.
 */
public class EmptyErrorBodies extends OncePerRequestFilter {

  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    FilterRegistrationBean<EmptyErrorBodies> emptyErrorBodies() {
      FilterRegistrationBean<EmptyErrorBodies> registration =
          new FilterRegistrationBean<>(new EmptyErrorBodies());
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
      return registration;
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Tracking tracking = new Tracking(response);
    chain.doFilter(request, tracking);
    if (response.getStatus() >= 400
        && !tracking.wrote
        && !tracking.sentError
        && !response.isCommitted()
        && !request.isAsyncStarted()) {
      ProblemResponses.write(request, response, ErrorProblems.forStatus(response.getStatus()));
    }
  }

  /** Notes whether a body was started or an error sent. */
  private static final class Tracking extends HttpServletResponseWrapper {
    private boolean wrote;
    private boolean sentError;

    Tracking(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      ServletOutputStream out = super.getOutputStream();
      return new ServletOutputStream() {
        @Override
        public void write(int b) throws IOException {
          wrote = true;
          out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          wrote |= len > 0;
          out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }

        @Override
        public void close() throws IOException {
          out.close();
        }

        @Override
        public boolean isReady() {
          return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          out.setWriteListener(listener);
        }
      };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      wrote = true; // a writer is asked for to write; counting it as written is the safe side
      return super.getWriter();
    }

    @Override
    public void sendError(int status) throws IOException {
      sentError = true;
      super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      sentError = true;
      super.sendError(status, message);
    }
  }
}
