package dev.tempodesk.api.lifecycle;

import io.temporal.common.converter.DataConverter;
import java.util.Optional;

/** Decodes the payloads of history events with the client's data converter, leniently. */
final class Payloads {
  private final DataConverter converter;

  Payloads(DataConverter converter) {
    this.converter = converter;
  }

  Values of(io.temporal.api.common.v1.Payloads payloads) {
    return new Values(payloads);
  }

  /** The values of one event (a signal's input, an update's arguments, an activity's result). */
  final class Values {
    private final io.temporal.api.common.v1.Payloads payloads;

    private Values(io.temporal.api.common.v1.Payloads payloads) {
      this.payloads = payloads;
    }

    /** The value at {@code index} as {@code type}, or null if absent or not of that shape. */
    <T> T get(int index, Class<T> type) {
      if (payloads == null || payloads.getPayloadsCount() <= index) {
        return null;
      }
      try {
        return converter.fromPayloads(index, Optional.of(payloads), type, type);
      } catch (RuntimeException notThatShape) {
        return null;
      }
    }

    <T> T first(Class<T> type) {
      return get(0, type);
    }
  }
}
