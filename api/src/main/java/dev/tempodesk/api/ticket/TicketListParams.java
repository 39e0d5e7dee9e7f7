package dev.tempodesk.api.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.validation.Instants;
import dev.tempodesk.db.ticket.TicketAccess;
import dev.tempodesk.db.ticket.TicketFilter;
import dev.tempodesk.db.ticket.TicketSort;
import dev.tempodesk.db.ticket.TimeRange;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.Tags;
import dev.tempodesk.workflows.ticket.TicketStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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
 * @param createdFrom with createdTo, updatedFrom and updatedTo: a date ({@code 2031-06-01}, a whole
 *     day in UTC) or an instant with its offset; see {@link #RANGE_RULES}
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
    TicketSort sort,
    Set<Long> mailboxId,
    Set<Channel> channel,
    Set<Long> organizationId,
    Long reporterId,
    @Schema(type = "string", example = "2031-06-01", description = RANGE_RULES) String createdFrom,
    @Schema(type = "string", example = "2031-06-30", description = RANGE_RULES) String createdTo,
    @Schema(type = "string", example = "2031-06-01T08:00:00Z", description = RANGE_RULES)
        String updatedFrom,
    @Schema(type = "string", example = "2031-06-30", description = RANGE_RULES) String updatedTo,
    @Schema(description = "Only tickets of one of these groups") Set<Long> groupId) {

  /** How the created/updated bounds are read (also the OpenAPI description of each). */
  public static final String RANGE_RULES =
      "A date (YYYY-MM-DD, a whole day in UTC) or an instant with its offset"
          + " (2031-06-01T08:00:00Z). From is inclusive (a date: from its first moment); to is"
          + " exclusive for an instant and includes the whole day for a date. A range that"
          + " holds no time (from on or after the end) is refused: 400 naming the from field.";

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
      @JsonProperty("sort") TicketSort sort,
      @JsonProperty("mailboxId") Set<Long> mailboxId,
      @JsonProperty("channel") Set<Channel> channel,
      @JsonProperty("organizationId") Set<Long> organizationId,
      @JsonProperty("reporterId") Long reporterId,
      @JsonProperty("createdFrom") String createdFrom,
      @JsonProperty("createdTo") String createdTo,
      @JsonProperty("updatedFrom") String updatedFrom,
      @JsonProperty("updatedTo") String updatedTo,
      @JsonProperty("groupId") Set<Long> groupId) {
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
        sort,
        mailboxId,
        channel,
        organizationId,
        reporterId,
        createdFrom,
        createdTo,
        updatedFrom,
        updatedTo,
        groupId);
  }

  /**
   * The repository's filter, {@code mine} resolved to the agent {@code me} (null: no agent), over
   * the tickets {@code access} sees (see {@code VisibleTickets#filter}, which passes the signed-in
   * person's).
   *
   * @throws FieldException 400 naming the field for a malformed date or a from after its to
   */
  public TicketFilter toFilter(Long me, TicketAccess access) {
    return new TicketFilter(
        names(status),
        names(priority),
        mine && me != null ? me : assigneeId,
        unassigned,
        reporterId,
        text,
        includeDone,
        tags(tag),
        names(pendingReason),
        idleFor(idleFor, "idleFor"),
        sort != null || text == null || text.isBlank() ? sort : TicketSort.RELEVANCE,
        mailboxId == null ? Set.of() : mailboxId,
        names(channel),
        organizationId == null ? Set.of() : organizationId,
        range("createdFrom", createdFrom, "createdTo", createdTo),
        range("updatedFrom", updatedFrom, "updatedTo", updatedTo),
        groupId == null ? Set.of() : groupId,
        access);
  }

  /**
   * {@code idleFor} if it is a positive duration; else a 422 naming {@code field} (a view names it
   * params.idleFor).
   */
  public static Duration idleFor(Duration idleFor, String field) {
    if (idleFor != null && (idleFor.isNegative() || idleFor.isZero())) {
      throw FieldException.invalid(field, "The idle time is a positive duration, e.g. P2D.");
    }
    return idleFor;
  }

  private static TimeRange range(String fromField, String from, String toField, String to) {
    Instant start = bound(fromField, from, false);
    Instant end = bound(toField, to, true);
    if (start != null && end != null && !start.isBefore(end)) {
      throw FieldException.malformed(
          fromField, "%s (%s) is not before %s (%s).".formatted(fromField, from, toField, to));
    }
    return new TimeRange(start, end);
  }

  /** A date's first moment (UTC), or for the end of a range the first moment after it. */
  private static Instant bound(String field, String value, boolean end) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    try {
      Instant bound;
      if (trimmed.length() == 10) {
        LocalDate day = LocalDate.parse(trimmed);
        bound = (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      } else {
        bound = OffsetDateTime.parse(trimmed).toInstant();
      }
      return Instants.storable(field, bound);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw FieldException.malformed(
          field,
          "'%s' is not a date (YYYY-MM-DD) or an instant with offset (2031-06-01T08:00:00Z)."
              .formatted(value));
    }
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
