package dev.tempodesk.api.stats;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.export.CsvWriter;
import dev.tempodesk.api.stats.StatsDtos.AgentsDto;
import dev.tempodesk.api.stats.StatsDtos.HourlyDto;
import dev.tempodesk.api.stats.StatsDtos.SummaryDto;
import dev.tempodesk.api.stats.StatsDtos.TagsDto;
import dev.tempodesk.api.validation.Instants;
import dev.tempodesk.db.ticket.TagRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hourly statistics computed by the stats workflow. Ranges are whole hours, {@code from}
 * inclusive and {@code to} exclusive; an hour appears once the workflow has computed it (a minute
 * after it ended).
 */
@RestController
@RequestMapping("/api/stats")
@Tag(name = "Statistics")
class StatsController {
  static final Duration MAX_RANGE = Duration.ofDays(92);

  private final StatsQueries queries;
  private final TagRepository tags;
  private final Clock clock;

  StatsController(StatsQueries queries, TagRepository tags, Clock clock) {
    this.queries = queries;
    this.tags = tags;
    this.clock = clock;
  }

  @GetMapping("/summary")
  @Operation(
      operationId = "getStatsSummary",
      summary = "Totals of the last hours: created, closed, averages, SLA compliance.")
  SummaryDto summary(
      @Parameter(description = "How many hours back from the current hour (1 to 2208)")
          @RequestParam(defaultValue = "24")
          @Min(1)
          @Max(2208)
          int hours) {
    OffsetDateTime to = currentHour();
    return queries.summary(to.minusHours(hours), to);
  }

  @GetMapping("/hourly")
  @Operation(
      operationId = "getStatsHourly",
      summary = "The figures of each computed hour in the range, with per-agent figures.")
  HourlyDto hourly(
      @Parameter(
              description = "Start (ISO-8601, e.g. 2026-03-02T08:00:00Z); default 24 h before to")
          @RequestParam(required = false)
          @DateTimeFormat(iso = ISO.DATE_TIME)
          OffsetDateTime from,
      @Parameter(description = "End, exclusive (ISO-8601); default the start of the current hour")
          @RequestParam(required = false)
          @DateTimeFormat(iso = ISO.DATE_TIME)
          OffsetDateTime to) {
    Range range = range(from, to);
    return queries.hourly(range.from(), range.to());
  }

  @GetMapping("/agents")
  @Operation(
      operationId = "getStatsAgents",
      summary =
          "Per agent over the range: closings, median resolution time, SLA compliance, and the"
              + " most efficient agent.")
  AgentsDto agents(
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) OffsetDateTime from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) OffsetDateTime to) {
    Range range = range(from, to);
    return queries.agents(range.from(), range.to());
  }

  @GetMapping("/tags")
  @Operation(
      operationId = "getStatsTags",
      summary =
          "Per tag: tickets carrying it created in the range, and those carrying it open now (not"
              + " CLOSED). Most created first; tags with neither are left out.")
  TagsDto tags(
      @Parameter(description = "Start (ISO-8601); default 24 h before to")
          @RequestParam(required = false)
          @DateTimeFormat(iso = ISO.DATE_TIME)
          OffsetDateTime from,
      @Parameter(description = "End, exclusive (ISO-8601); default now")
          @RequestParam(required = false)
          @DateTimeFormat(iso = ISO.DATE_TIME)
          OffsetDateTime to,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
    Range range = range(from, to, clock.instant().atOffset(ZoneOffset.UTC));
    return new TagsDto(range.from(), range.to(), tags.figures(range.from(), range.to(), limit));
  }

  /** What {@code GET /api/stats/export} writes. */
  enum Report {
    /** One row per computed hour, as {@code /hourly}. */
    HOURLY,
    /** One row per agent over the range, as {@code /agents}. */
    AGENTS
  }

  @GetMapping("/export")
  @Operation(
      operationId = "exportStats",
      summary = "The statistics of a range as CSV (the dashboard's from and to)",
      description =
          "report HOURLY (default): one row per computed hour with created, closed, averages"
              + " and each SLA metric's met/breached; AGENTS: one row per agent, as /agents."
              + " UTF-8, RFC 4180, a header row; sent as a download.",
      responses =
          @ApiResponse(
              responseCode = "200",
              content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
  ResponseEntity<byte[]> export(
      @Parameter(description = "Start (ISO-8601); default 24 h before to")
          @RequestParam(required = false)
          @DateTimeFormat(iso = ISO.DATE_TIME)
          OffsetDateTime from,
      @Parameter(description = "End, exclusive (ISO-8601); default the start of the current hour")
          @RequestParam(required = false)
          @DateTimeFormat(iso = ISO.DATE_TIME)
          OffsetDateTime to,
      @RequestParam(defaultValue = "HOURLY") Report report) {
    Range range = range(from, to);
    byte[] csv =
        switch (report) {
          case HOURLY -> StatsCsv.hourly(queries.hourly(range.from(), range.to()));
          case AGENTS -> StatsCsv.agents(queries.agents(range.from(), range.to()));
        };
    String name =
        "stats-%s-%s.csv"
            .formatted(report.name().toLowerCase(java.util.Locale.ROOT), stamp(range.from()));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(CsvWriter.MEDIA_TYPE))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(csv);
  }

  private static String stamp(OffsetDateTime time) {
    return time.toLocalDateTime().toString().substring(0, 13).replace("-", "").replace('T', '-');
  }

  private record Range(OffsetDateTime from, OffsetDateTime to) {}

  private Range range(OffsetDateTime from, OffsetDateTime to) {
    return range(from, to, currentHour());
  }

  private Range range(OffsetDateTime from, OffsetDateTime to, OffsetDateTime defaultEnd) {
    Instants.storable("from", from == null ? null : from.toInstant());
    Instants.storable("to", to == null ? null : to.toInstant());
    OffsetDateTime end = to == null ? defaultEnd : to.withOffsetSameInstant(ZoneOffset.UTC);
    OffsetDateTime start =
        from == null ? end.minusHours(24) : from.withOffsetSameInstant(ZoneOffset.UTC);
    if (!start.isBefore(end)) {
      throw FieldException.invalid("from", "from must be before to.");
    }
    if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
      throw FieldException.invalid(
          "from", "The range may span at most %d days.".formatted(MAX_RANGE.toDays()));
    }
    return new Range(start, end);
  }

  private OffsetDateTime currentHour() {
    return clock.instant().truncatedTo(ChronoUnit.HOURS).atOffset(ZoneOffset.UTC);
  }
}
