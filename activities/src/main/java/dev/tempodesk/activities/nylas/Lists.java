package dev.tempodesk.activities.nylas;

import java.util.List;

final class Lists {

  private Lists() {}

  /** Immutable copy; Nylas omits empty arrays, so null means empty. */
  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
