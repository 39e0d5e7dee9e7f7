package dev.tempodesk.api.validation;

import dev.tempodesk.api.error.FieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Points in time a request may name: within the years 1 to 9999, which Postgres stores and compares
 * (Java parses years up to ±999,999,999; such a bound would fail the query, a 500).
 */
public final class Instants {
  private static final Instant EARLIEST =
      LocalDate.of(1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final Instant LATEST =
      LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

  private Instants() {}

  /** The instant unchanged when it lies in the years 1 to 9999; null passes; else 400 naming it. */
  public static Instant storable(String field, Instant instant) {
    if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
      throw FieldException.malformed(field, field + " must lie in the years 1 to 9999.");
    }
    return instant;
  }
}
