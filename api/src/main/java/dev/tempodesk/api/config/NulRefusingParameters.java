package dev.tempodesk.api.config;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Refuses NUL characters in query and path parameters: PostgreSQL rejects them even in a search,
 * which made {@code ?text=%00} a 500. The refusal becomes a 400 naming the parameter.
 */
@ControllerAdvice
class NulRefusingParameters {
  @InitBinder
  void refuseNul(WebDataBinder binder) {
    binder.registerCustomEditor(
        String.class,
        new PropertyEditorSupport() {
          @Override
          public void setAsText(String text) {
            if (text != null && text.indexOf('\0') >= 0) {
              throw new IllegalArgumentException("must not contain NUL characters (U+0000)");
            }
            setValue(text);
          }
        });
  }
}
