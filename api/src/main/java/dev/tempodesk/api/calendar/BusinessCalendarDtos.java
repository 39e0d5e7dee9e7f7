package dev.tempodesk.api.calendar;

import dev.tempodesk.workflows.calendar.TimeRange;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The JSON of {@code /api/business-calendars}. */
final class BusinessCalendarDtos {
  private BusinessCalendarDtos() {}

  @Schema(
      description =
          "A business calendar as written: every rule is checked on the server and a refusal (422)"
              + " names the field, e.g. hours.MONDAY[1].end")
  record CalendarRequest(
      @Schema(example = "Berlin office") String name,
      @Schema(description = "IANA time zone id", example = "Europe/Berlin") String zone,
      @Schema(
              description =
                  "Opening ranges per weekday (MONDAY … SUNDAY) in local time, HH:MM, end"
                      + " exclusive and up to 24:00; several per day, not overlapping; a day left"
                      + " out is closed. An overnight shift is two ranges: 22:00–24:00 and"
                      + " 00:00–06:00 the next day.")
          Map<String, List<TimeRange>> hours,
      @Schema(description = "Dates (YYYY-MM-DD) on which the calendar is closed all day")
          List<String> holidays) {}

  @Schema(description = "A business calendar; the built-in one is always open and cannot change")
  record CalendarDto(
      long id,
      String name,
      String zone,
      Map<DayOfWeek, List<TimeRange>> hours,
      List<LocalDate> holidays,
      boolean builtIn,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  @Schema(description = "What an iCalendar import did to a calendar's holidays")
  record HolidayImportDto(
      CalendarDto calendar,
      @Schema(description = "Dates that were not holidays before") List<LocalDate> added,
      @Schema(description = "Dates found that already were holidays") int alreadyHolidays,
      @Schema(description = "Events that close no date, with the reason")
          List<SkippedEvent> skipped) {}

  record SkippedEvent(String event, String reason) {}
}
