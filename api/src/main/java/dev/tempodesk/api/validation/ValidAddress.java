package dev.tempodesk.api.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.tempodesk.workflows.mail.MailAddresses;
import dev.tempodesk.workflows.mail.ParsedAddress;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * One email address as {@link MailAddresses#parse} reads it ({@code jane@x}, {@code "q z"@x},
 * {@code Jane Doe <jane@x>}): the one rule of every request field that holds an address, so what
 * the API accepts the database stores and the mail provider receives. Null is valid (combine with
 * {@code @NotBlank} where required); a refusal names the parser's reason.
 */
@Documented
@Constraint(validatedBy = ValidAddress.Validator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ValidAddress {
  String message() default "must be an email address";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidAddress, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      ParsedAddress parsed = MailAddresses.parse(value);
      if (parsed.isValid()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              escape("must be an email address: " + parsed.problem()))
          .addConstraintViolation();
      return false;
    }

    /** The reason may quote the input; message templates must not interpret it. */
    private static String escape(String text) {
      return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
  }
}
