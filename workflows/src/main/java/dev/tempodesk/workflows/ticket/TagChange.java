package dev.tempodesk.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * How an update changes a ticket's tags: {@code set} replaces them all; {@code add} and {@code
 * remove} edit them (applied after {@code set}). Null or empty lists change nothing. Tags are
 * free-form; the update rules normalize them (lower case, trimmed) before they are compared.
 */
public record TagChange(List<String> set, List<String> add, List<String> remove) {

  /** True when the change names no tag at all (and {@code set} does not clear them). */
  // Not a property: Temporal's Jackson would write it as "empty" and then refuse to read it back.
  @JsonIgnore
  public boolean isEmpty() {
    return set == null && (add == null || add.isEmpty()) && (remove == null || remove.isEmpty());
  }
}
