package dev.tempodesk.api.assist;

import dev.tempodesk.activities.assist.AssistProvider;
import dev.tempodesk.api.error.ApiExceptionHandler;
import dev.tempodesk.db.assist.AssistRepository;
import dev.tempodesk.db.jooq.tables.records.AssistSettingsRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Whether assist is on: a provider configured (TEMPODESK_ASSIST_URL) and not switched off by an
 * admin (V54 {@code assist_settings}). Off behaves exactly like no provider.
 */
@Component
public class AssistSwitch {
  private final AssistProvider provider;
  private final AssistRepository repository;

  AssistSwitch(AssistProvider provider, AssistRepository repository) {
    this.provider = provider;
    this.repository = repository;
  }

  public boolean on() {
    return provider.configured() && repository.settings().getEnabled();
  }

  AssistProvider provider() {
    return provider;
  }

  AssistSettingsRecord settings() {
    return repository.settings();
  }

  /** Throws the 409 {@code assist-off} problem unless assist is on. */
  void requireOn() {
    if (!provider.configured()) {
      throw off("Assist is off: no language model is configured (TEMPODESK_ASSIST_URL).");
    }
    if (!repository.settings().getEnabled()) {
      throw off("Assist is off: an admin switched it off.");
    }
  }

  private static ErrorResponseException off(String detail) {
    ProblemDetail problem =
        ApiExceptionHandler.problem(
            HttpStatus.CONFLICT, "assist-off", "Assist is off", detail, null);
    return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
  }
}
