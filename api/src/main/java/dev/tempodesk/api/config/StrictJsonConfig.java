package dev.tempodesk.api.config;

import java.time.Duration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request JSON is read strictly: a value is taken as the documented type or refused, never
 * converted into something the client did not mean. Each refusal is a 400 ProblemDetail naming the
 * field ({@code ApiExceptionHandler}). Spring Boot applies these to its JSON mapper, which reads
 * every request body (and only our own stored JSON besides).
 *
 * <ul>
 *   <li>No conversions between JSON types: {@code "7"} is not a number, {@code "true"} and {@code
 *       1} are not booleans, {@code 5} is not a string, {@code 1.5} (or {@code 1.0}) is not a whole
 *       number, {@code "x"} is not an array, {@code ""} is not an absent number, and durations are
 *       ISO-8601 strings ({@code "PT5S"}), not numbers of seconds.
 *   <li>Enum values are spelled exactly as documented: Jackson would accept {@code "CLOSED "} and
 *       {@code " CLOSED"} (it trims), {@code "0"} and {@code 0} (an index: {@code "priority":"0"}
 *       was LOW) and {@code "NEW\u0000"}.
 *   <li>A property given twice is refused, not read as its last value.
 *   <li>An unknown property is refused: a misspelt {@code "asigneeId"} is a mistake to report, not
 *       a field to drop silently. The web app sends only documented fields.
 *   <li>Text must be valid Unicode without NUL: a lone surrogate ({@code "\ud800"}) was stored as
 *       {@code ?}; PostgreSQL cannot store NUL, which failed deep down (a 500, or a ticket change
 *       retried forever).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfig {
  @Bean
  JsonMapperBuilderCustomizer strictRequestJson() {
    return builder ->
        builder
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .withCoercionConfig(
                LogicalType.Boolean,
                config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .withCoercionConfig(
                LogicalType.Textual,
                config ->
                    config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }

  @Bean
  JacksonModule strictValues() {
    return new SimpleModule("strict-values")
        .addDeserializer(String.class, new StrictStringDeserializer())
        .setDeserializerModifier(new ExactValues());
  }

  /** Text as Jackson reads it, refused when it holds NUL or a lone surrogate. */
  static final class StrictStringDeserializer extends StdScalarDeserializer<String> {
    StrictStringDeserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      String text = StringDeserializer.instance.deserialize(parser, context);
      String problem = problem(text);
      if (problem != null) {
        return (String) context.handleWeirdStringValue(String.class, text, problem);
      }
      return text;
    }

    /** What is wrong with this text, or null. */
    static String problem(String text) {
      if (text == null) {
        return null;
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\0') {
          return "must not contain NUL characters (U+0000)";
        }
        if (Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          return "must be valid Unicode: a lone surrogate (U+%04X) is no character"
              .formatted((int) c);
        }
      }
      return null;
    }
  }

  /** Enum values spelled exactly, durations as strings only. */
  static final class ExactValues extends ValueDeserializerModifier {
    @Override
    public ValueDeserializer<?> modifyEnumDeserializer(
        DeserializationConfig config,
        JavaType type,
        BeanDescription.Supplier description,
        ValueDeserializer<?> deserializer) {
      return new ExactText(deserializer);
    }

    @Override
    public ValueDeserializer<?> modifyDeserializer(
        DeserializationConfig config,
        BeanDescription.Supplier description,
        ValueDeserializer<?> deserializer) {
      return description.getBeanClass() == Duration.class
          ? new ExactText(deserializer)
          : deserializer;
    }
  }

  /**
   * A value documented as a string: anything but a JSON string (or null) is refused, and so is a
   * string with white space or control characters around it, which Jackson would trim.
   */
  static final class ExactText extends DelegatingDeserializer {
    ExactText(ValueDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
      return new ExactText(delegate);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) {
      if (parser.hasToken(JsonToken.VALUE_STRING)) {
        String text = parser.getString();
        if (text.strip().length() != text.length() || text.trim().length() != text.length()) {
          return context.handleWeirdStringValue(
              handledType(), text, "no white space or control characters around the value");
        }
      } else if (!parser.hasToken(JsonToken.VALUE_NULL)) {
        return context.handleUnexpectedToken(
            context.constructType(handledType()),
            parser.currentToken(),
            parser,
            "expected a JSON string");
      }
      return super.deserialize(parser, context);
    }
  }
}
