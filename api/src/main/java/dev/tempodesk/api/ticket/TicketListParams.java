package dev.tempodesk.api.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.db.ticket.TicketFilter;
import dev.tempodesk.db.ticket.TicketSort;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.Tags;
import dev.tempodesk.workflows.ticket.TicketStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A ticket list's filter and order, named as the query parameters of {@code GET /api/tickets}: the
 * one form of "which tickets" that the list, saved views, bulk actions ("all matching") and exports
 * share, so a view's URL and its stored JSON are the same thing.
 *
 * @param mine only the signed-in agent's tickets (a shared view's "My open")
 * @param sort the order; when absent, RELEVANCE for a text search and URGENCY otherwise
 */
@Schema(description = "A ticket list's filter and order, as the query of GET /api/tickets")
public record TicketListParams(
    Set<TicketStatus> status,
    Set<Priority> priority,
    Long assigneeId,
    boolean unassigned,
    boolean mine,
    @Size(max = 200) String text,
    boolean includeDone,
    Set<String> tag,
    Set<PendingReason> pendingReason,
    @Schema(type = "string", example = "P2D", description = "Not changed for at least this long")
        Duration idleFor,
    TicketSort sort) {

  /**
   * Read from JSON (a saved view's stored or sent filter): a flag left out is false, as a query
   * parameter left out of the list's URL (the strict request JSON refuses a missing primitive).
   */
  @JsonCreator
  public static TicketListParams fromJson(
      @JsonProperty("status") Set<TicketStatus> status,
      @JsonProperty("priority") Set<Priority> priority,
      @JsonProperty("assigneeId") Long assigneeId,
      @JsonProperty("unassigned") Boolean unassigned,
      @JsonProperty("mine") Boolean mine,
      @JsonProperty("text") String text,
      @JsonProperty("includeDone") Boolean includeDone,
      @JsonProperty("tag") Set<String> tag,
      @JsonProperty("pendingReason") Set<PendingReason> pendingReason,
      @JsonProperty("idleFor") Duration idleFor,
      @JsonProperty("sort") TicketSort sort) {
    return new TicketListParams(
        status,
        priority,
        assigneeId,
        Boolean.TRUE.equals(unassigned),
        Boolean.TRUE.equals(mine),
        text,
        Boolean.TRUE.equals(includeDone),
        tag,
        pendingReason,
        idleFor,
        sort);
  }

  /** The repository's filter, {@code mine} resolved to the agent {@code me} (null: no agent). */
  public TicketFilter toFilter(Long me) {
    return new TicketFilter(
        names(status),
        names(priority),
        mine && me != null ? me : assigneeId,
        unassigned,
        null,
        text,
        includeDone,
        tags(tag),
        names(pendingReason),
        idleFor,
        sort != null || text == null || text.isBlank() ? sort : TicketSort.RELEVANCE);
  }

  /** The tags normalized as the workflow stores them; an unusable one is refused naming "tag". */
  private static Set<String> tags(Set<String> tag) {
    if (tag == null) {
      return Set.of();
    }
    Set<String> normalized = new TreeSet<>();
    for (String raw : tag) {
      try {
        normalized.add(Tags.normalize(raw));
      } catch (IllegalArgumentException unusable) {
        throw FieldException.invalid("tag", unusable.getMessage());
      }
    }
    return normalized;
  }

  private static <E extends Enum<E>> Set<String> names(Set<E> values) {
    return values == null ? Set.of() : values.stream().map(Enum::name).collect(Collectors.toSet());
  }
}
