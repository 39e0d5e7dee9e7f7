package dev.tempodesk.api.error;

import dev.tempodesk.activities.nylas.NylasException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowServiceException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error is an RFC 9457 ProblemDetail. Problems caused by one request field carry it as {@code
 * field}; validation problems list every offending field under {@code errors}.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** One field at fault and why. */
  public record FieldProblem(String field, String message) {}

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), null);
  }

  @ExceptionHandler(FieldException.class)
  ProblemDetail refusedField(FieldException e) {
    FieldException.Kind kind = e.kind();
    return problem(kind.status, kind.slug, kind.title, e.getMessage(), e.field());
  }

  @ExceptionHandler(UnauthorizedException.class)
  ProblemDetail unauthorized(UnauthorizedException e) {
    return problem(
        HttpStatus.UNAUTHORIZED, "bad-credentials", "Sign-in failed", e.getMessage(), null);
  }

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
    long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
    ProblemDetail body =
        problem(
            HttpStatus.TOO_MANY_REQUESTS,
            "too-many-requests",
            "Too many requests",
            e.getMessage(),
            null);
    body.setProperty("retryAfterSeconds", seconds);
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .body(body);
  }

  @ExceptionHandler({WorkflowServiceException.class, StatusRuntimeException.class})
  ProblemDetail temporalUnavailable(RuntimeException e) {
    log.warn("Temporal call failed", e);
    Status status = Status.fromThrowable(e);
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "workflow-service-unavailable",
        "Workflow service unavailable",
        "The workflow service did not answer (" + status.getCode() + "). Try again shortly.",
        null);
  }

  @ExceptionHandler(NylasException.class)
  ProblemDetail mailProviderFailed(NylasException e) {
    log.warn("Nylas call failed: {}", e.getMessage());
    return problem(
        HttpStatus.BAD_GATEWAY,
        "mail-provider-error",
        "Mail provider error",
        "The mail provider (Nylas) refused or failed the request: " + e.getMessage(),
        null);
  }

  /** A multipart body that cannot be read (no boundary, cut short) or is too large. */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail unreadableMultipart(MultipartException e) {
    if (e instanceof MaxUploadSizeExceededException) {
      return problem(
          HttpStatus.CONTENT_TOO_LARGE,
          "too-large",
          "Too large",
          "The upload is larger than allowed.",
          null);
    }
    return problem(
        HttpStatus.BAD_REQUEST,
        "malformed-request",
        "Malformed request",
        "The multipart body cannot be read: " + e.getMessage(),
        null);
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Unexpected error", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "Something went wrong on our side; it has been logged.",
        null);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems =
        ex.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
            .toList();
    return validationProblem(problems);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems =
        ex.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                new FieldProblem(
                                    parameterName(result.getMethodParameter(), error),
                                    error.getDefaultMessage())))
            .toList();
    return validationProblem(problems);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String sent = request.getHeader(HttpHeaders.CONTENT_TYPE);
    String supported =
        ex.getSupportedMediaTypes().isEmpty()
            ? "application/json"
            : ex.getSupportedMediaTypes().stream()
                .map(Object::toString)
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
    String detail =
        sent == null
            ? "The Content-Type header is missing; send Content-Type: " + supported + "."
            : "Content-Type '" + sent + "' is not supported here; send " + supported + ".";
    ProblemDetail body =
        problem(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "Unsupported media type",
            detail,
            null);
    body.setProperty("header", HttpHeaders.CONTENT_TYPE);
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(body);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field = ex.getPropertyName();
    String expected =
        ex.getRequiredType() == null ? "another type" : describe(ex.getRequiredType());
    String detail =
        "'%s' is not valid for %s: expected %s.".formatted(ex.getValue(), field, expected);
    return ResponseEntity.badRequest()
        .body(problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field", detail, field));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    JacksonException jackson = findCause(ex, JacksonException.class);
    String field = jackson == null ? null : fieldPath(jackson);
    String detail;
    if (field != null
        && !field.isEmpty()
        && jackson instanceof InvalidFormatException invalid
        && invalid.getTargetType() != String.class) {
      detail =
          "'%s' is not valid for %s: expected %s."
              .formatted(abbreviate(invalid.getValue()), field, describe(invalid.getTargetType()));
    } else if (field != null
        && !field.isEmpty()
        && jackson instanceof UnrecognizedPropertyException unknown) {
      detail =
          "'%s' is not a property of this request; the known ones are %s."
              .formatted(unknown.getPropertyName(), unknown.getKnownPropertyIds());
    } else if (field != null
        && !field.isEmpty()
        && jackson instanceof MismatchedInputException mismatch
        && mismatch.getTargetType() != null
        && mismatch.getTargetType() != String.class) {
      detail =
          "Field '%s' must be %s, written as such (no conversion is made): %s"
              .formatted(field, describe(mismatch.getTargetType()), jackson.getOriginalMessage());
    } else if (field != null && !field.isEmpty()) {
      detail = "Field '" + field + "' has an unusable value: " + jackson.getOriginalMessage();
    } else if (jackson != null) {
      detail = "The request body is not valid JSON: " + jackson.getOriginalMessage();
    } else {
      detail = "The request body is missing or unreadable.";
    }
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                "Malformed request",
                detail,
                field == null || field.isEmpty() ? null : field));
  }

  /** An upload over spring.servlet.multipart's limits: 413, before any file is looked at. */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
        .body(
            problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "too-large",
                "Too large",
                "The upload is larger than the server accepts (spring.servlet.multipart limits).",
                "files"));
  }

  private ResponseEntity<Object> validationProblem(List<FieldProblem> problems) {
    String detail =
        problems.isEmpty()
            ? "The request is invalid."
            : problems.stream()
                .map(p -> p.field() + ": " + p.message())
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();
    ProblemDetail body =
        problem(
            HttpStatus.BAD_REQUEST,
            "invalid-field",
            "Invalid field",
            detail,
            problems.isEmpty() ? null : problems.getFirst().field());
    body.setProperty("errors", problems);
    return ResponseEntity.badRequest().body(body);
  }

  public static ProblemDetail problem(
      HttpStatus status, String slug, String title, String detail, String field) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:tempodesk:problem:" + slug));
    problem.setTitle(title);
    if (field != null) {
      problem.setProperty("field", field);
    }
    return problem;
  }

  /**
   * The field at fault: a request parameter by its name; a field of the JSON body by its path in
   * the body ({@code password}, as {@link #handleMethodArgumentNotValid} names it), not prefixed
   * with the Java parameter's name (a method validated for a path variable validates its body too).
   */
  private static String parameterName(MethodParameter parameter, MessageSourceResolvable error) {
    if (error instanceof FieldError fieldError) {
      return parameter.hasParameterAnnotation(RequestBody.class)
          ? fieldError.getField()
          : parameter.getParameterName() + "." + fieldError.getField();
    }
    return parameter.getParameterName();
  }

  /**
   * Where in the body the problem is, as {@code a.b[0]}. A problem of the JSON itself (a property
   * given twice, a missing value) is found by the parser, before any field is being read, so its
   * place is the property the parser stood at; a body cut short is no one field's fault.
   */
  private static String fieldPath(JacksonException e) {
    if (e instanceof StreamReadException
        && !(e instanceof UnexpectedEndOfInputException)
        && e.processor() instanceof JsonParser parser
        && parser.streamReadContext() != null
        && parser.streamReadContext().inObject()
        && parser.streamReadContext().currentName() != null) {
      return contextPath(parser.streamReadContext());
    }
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String contextPath(TokenStreamContext context) {
    StringBuilder path = new StringBuilder();
    for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
      if (at.inArray() && at.hasCurrentIndex()) {
        path.insert(0, "[" + at.getCurrentIndex() + "]");
      } else if (at.inObject() && at.currentName() != null) {
        String name = at.currentName();
        path.insert(0, path.isEmpty() || path.charAt(0) == '[' ? name : name + ".");
      }
    }
    return path.toString();
  }

  private static String abbreviate(Object value) {
    String text = String.valueOf(value);
    return text.length() > 100 ? text.substring(0, 100) + "…" : text;
  }

  private static String describe(Class<?> type) {
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == java.time.Duration.class) {
      return "an ISO-8601 duration such as \"P2D\"";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return type.getSimpleName()
        .toLowerCase()
        .replace("long", "a whole number")
        .replace("integer", "a whole number");
  }

  private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
