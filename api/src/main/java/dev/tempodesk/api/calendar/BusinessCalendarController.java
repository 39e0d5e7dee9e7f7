package dev.tempodesk.api.calendar;

import dev.tempodesk.api.calendar.BusinessCalendarDtos.CalendarDto;
import dev.tempodesk.api.calendar.BusinessCalendarDtos.CalendarRequest;
import dev.tempodesk.api.calendar.BusinessCalendarDtos.HolidayImportDto;
import dev.tempodesk.api.calendar.BusinessCalendarDtos.SkippedEvent;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.sla.SlaChange;
import dev.tempodesk.api.sla.SlaRecalculations;
import dev.tempodesk.db.calendar.BusinessCalendarRepository;
import dev.tempodesk.db.jooq.tables.records.BusinessCalendarsRecord;
import dev.tempodesk.db.sla.SlaPolicyRepository;
import dev.tempodesk.workflows.calendar.BusinessCalendar;
import dev.tempodesk.workflows.calendar.InvalidCalendarException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Business calendars (issue 18): when a team works, for SLA clocks that count business time. Admins
 * write them, all staff read them; the built-in round-the-clock calendar is the default and never
 * changes.
 */
@RestController
@RequestMapping("/api/business-calendars")
@Tag(name = "SLA")
class BusinessCalendarController {
  static final int MAX_ICALENDAR_BYTES = 1 << 20;
  static final int MAX_IMPORT_YEARS = 50;

  private final BusinessCalendarRepository repository;
  private final BusinessCalendars calendars;
  private final SlaPolicyRepository policies;
  private final SlaRecalculations recalculations;
  private final Clock clock;

  BusinessCalendarController(
      BusinessCalendarRepository repository,
      BusinessCalendars calendars,
      SlaPolicyRepository policies,
      SlaRecalculations recalculations,
      Clock clock) {
    this.repository = repository;
    this.calendars = calendars;
    this.policies = policies;
    this.recalculations = recalculations;
    this.clock = clock;
  }

  @GetMapping
  @Operation(operationId = "listBusinessCalendars", summary = "Business calendars, default first")
  List<CalendarDto> list() {
    return repository.listAll().stream().map(this::dto).toList();
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getBusinessCalendar")
  CalendarDto get(@PathVariable long id) {
    return dto(calendars.row(id));
  }

  @PostMapping
  @Operation(operationId = "createBusinessCalendar")
  ResponseEntity<CalendarDto> create(@RequestBody CalendarRequest request) {
    String name = BusinessCalendars.name(request.name());
    BusinessCalendar calendar = BusinessCalendars.parse(request);
    BusinessCalendarsRecord created;
    try {
      created =
          repository.insert(
              name, calendar.zone(), calendars.hoursJson(calendar), calendar.holidays());
    } catch (DuplicateKeyException taken) {
      throw nameTaken(name);
    }
    return ResponseEntity.created(URI.create("/api/business-calendars/" + created.getId()))
        .body(dto(created));
  }

  @PutMapping("/{id}")
  @Operation(
      operationId = "replaceBusinessCalendar",
      summary = "Replace a calendar as a whole",
      description = RECALCULATES)
  CalendarDto replace(
      @PathVariable long id, @RequestBody CalendarRequest request, HttpServletResponse response) {
    BusinessCalendarsRecord row = changeable(id);
    String name = BusinessCalendars.name(request.name());
    return dto(store(row, name, BusinessCalendars.parse(request), response));
  }

  @DeleteMapping("/{id}")
  @Operation(operationId = "deleteBusinessCalendar")
  ResponseEntity<Void> delete(@PathVariable long id) {
    changeable(id);
    List<String> users = policies.namesUsingCalendar(id);
    if (!users.isEmpty()) {
      throw inUse(users);
    }
    try {
      repository.delete(id);
    } catch (DataIntegrityViolationException takenMeanwhile) {
      throw inUse(policies.namesUsingCalendar(id));
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping(path = "/{id}/holidays/import", consumes = "text/calendar")
  @Operation(
      operationId = "importBusinessCalendarHolidays",
      summary = "Add the all-day events of an iCalendar file (RFC 5545) as holidays",
      description =
          "All-day VEVENTs (DTSTART;VALUE=DATE, multi-day with DTEND or DURATION), yearly"
              + " recurrences (RRULE:FREQ=YEARLY with BYMONTH, BYMONTHDAY, BYDAY=1MO/-1MO,"
              + " INTERVAL, COUNT, UNTIL), RDATE and EXDATE. Timed and cancelled events are"
              + " skipped and listed. Only dates from `from` to `to` are taken (default: this"
              + " year and the four after it). "
              + RECALCULATES)
  HolidayImportDto importHolidays(
      @PathVariable long id,
      @RequestBody byte[] body,
      @Parameter(description = "First date to take (YYYY-MM-DD)") @RequestParam(required = false)
          LocalDate from,
      @Parameter(description = "Last date to take (YYYY-MM-DD)") @RequestParam(required = false)
          LocalDate to,
      @Parameter(description = "Replace the calendar's holidays instead of adding to them")
          @RequestParam(defaultValue = "false")
          boolean replace,
      HttpServletResponse response) {
    BusinessCalendarsRecord row = changeable(id);
    if (body.length > MAX_ICALENDAR_BYTES) {
      throw FieldException.invalid("body", "An iCalendar file of at most 1 MiB, please.");
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate first = from != null ? from : today.withDayOfYear(1);
    LocalDate last = to != null ? to : today.plusYears(4).withMonth(12).withDayOfMonth(31);
    if (last.isBefore(first)) {
      throw FieldException.invalid("to", "Must not be before from (" + first + ").");
    }
    if (first.plusYears(MAX_IMPORT_YEARS).isBefore(last)) {
      throw FieldException.invalid("to", "At most " + MAX_IMPORT_YEARS + " years after from.");
    }
    ICalendarHolidays.Found found;
    try {
      found = ICalendarHolidays.parse(new String(body, StandardCharsets.UTF_8), first, last);
    } catch (ICalendarHolidays.NotICalendarException notICalendar) {
      throw FieldException.invalid("body", notICalendar.getMessage());
    }
    BusinessCalendar before = calendars.valueOf(row);
    List<LocalDate> kept = replace ? List.of() : before.holidays();
    List<LocalDate> added = new ArrayList<>(found.dates());
    added.removeAll(before.holidays());
    BusinessCalendar after;
    try {
      after = new BusinessCalendar(before.zone(), before.hours(), kept).withHolidays(found.dates());
    } catch (InvalidCalendarException tooMany) {
      throw FieldException.invalid("body", tooMany.first().message());
    }
    BusinessCalendarsRecord stored = store(row, row.getName(), after, response);
    return new HolidayImportDto(
        dto(stored),
        added,
        found.dates().size() - added.size(),
        found.skipped().stream().map(s -> new SkippedEvent(s.event(), s.reason())).toList());
  }

  /** Stores the calendar and recalculates the live tickets timed in it if its times changed. */
  private BusinessCalendarsRecord store(
      BusinessCalendarsRecord before,
      String name,
      BusinessCalendar calendar,
      HttpServletResponse response) {
    long id = before.getId();
    BusinessCalendarsRecord stored;
    try {
      stored =
          repository
              .update(id, name, calendar.zone(), calendars.hoursJson(calendar), calendar.holidays())
              .orElseThrow(
                  () -> new NotFoundException("There is no business calendar #" + id + "."));
    } catch (DuplicateKeyException taken) {
      throw nameTaken(name);
    }
    recalculations.start(
        SlaChange.calendarReplaced(
            id, name, calendars.valueOf(before), calendar, stored.getUpdatedAt().toInstant()),
        response);
    return stored;
  }

  private static final String RECALCULATES =
      "New hours, holidays or time zone recalculate the live tickets whose SLA clocks count in"
          + " the calendar; the Sla-Recalculation response header names the recalculation (GET"
          + " /api/sla-policies/recalculations/{id}).";

  /** The calendar, if it may change: 404 if there is none, 409 for the built-in one. */
  private BusinessCalendarsRecord changeable(long id) {
    BusinessCalendarsRecord row = calendars.row(id);
    if (row.getBuiltIn()) {
      throw FieldException.conflict(
          "id",
          "The built-in round-the-clock calendar is the default and cannot be changed or"
              + " deleted; create a calendar of your own.");
    }
    return row;
  }

  private CalendarDto dto(BusinessCalendarsRecord row) {
    BusinessCalendar calendar = calendars.valueOf(row);
    return new CalendarDto(
        row.getId(),
        row.getName(),
        calendar.zone(),
        calendar.hours(),
        calendar.holidays(),
        row.getBuiltIn(),
        row.getCreatedAt(),
        row.getUpdatedAt());
  }

  /** 409 naming the SLA policies that count time in the calendar. */
  private static FieldException inUse(List<String> policyNames) {
    return FieldException.conflict(
        "id",
        "SLA policy "
            + String.join(", ", policyNames)
            + " counts time in this calendar; give it another calendar first.");
  }

  private static FieldException nameTaken(String name) {
    return FieldException.conflict("name", "Another calendar is already called " + name + ".");
  }
}
