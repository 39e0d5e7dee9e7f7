package dev.tempodesk.activities.nylas;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The mapper for Nylas payloads and the envelopes around them. */
final class NylasJson {

  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .changeDefaultPropertyInclusion(
              inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private NylasJson() {}

  /** {@code {"request_id", "data": {...}}}; send responses also carry {@code grant_id}. */
  record DataEnvelope<T>(String requestId, T data) {}

  /** {@code {"request_id", "data": [...], "next_cursor"}}; a null or absent cursor ends paging. */
  record ListEnvelope<T>(String requestId, List<T> data, String nextCursor) {}

  static JavaType single(Class<?> payload) {
    return MAPPER.getTypeFactory().constructParametricType(DataEnvelope.class, payload);
  }

  static JavaType list(Class<?> payload) {
    return MAPPER.getTypeFactory().constructParametricType(ListEnvelope.class, payload);
  }

  static JavaType plain(Class<?> payload) {
    return MAPPER.constructType(payload);
  }
}
