package dev.tempodesk.api.config;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request JSON is read strictly where leniency would store something the client did not mean:
 *
 * <ul>
 *   <li>NUL characters (U+0000) in text are refused. PostgreSQL cannot store them, so without this
 *       a NUL in a comment failed deep down: a 500 for a create, and for a ticket change an
 *       activity retrying forever while the request hung. Refused here, the 400 names the field
 *       (Spring Boot adds every {@link JacksonModule} bean to its JSON mapper).
 *   <li>Numbers are not booleans: {@code "enabled": 2} is a mistake, not {@code true}.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfig {
  @Bean
  JsonMapperBuilderCustomizer numbersAreNotBooleans() {
    return builder ->
        builder.withCoercionConfig(
            LogicalType.Boolean,
            config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
  }

  @Bean
  JacksonModule noNulCharacters() {
    return new SimpleModule("no-nul-characters")
        .addDeserializer(String.class, new NulRefusingStringDeserializer());
  }

  static final class NulRefusingStringDeserializer extends StdScalarDeserializer<String> {
    NulRefusingStringDeserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      String text = StringDeserializer.instance.deserialize(parser, context);
      if (text != null && text.indexOf('\0') >= 0) {
        return (String)
            context.handleWeirdStringValue(
                String.class, text, "must not contain NUL characters (U+0000)");
      }
      return text;
    }
  }
}
