package dev.tempodesk.api.calendar;

import dev.tempodesk.activities.sla.SlaPolicyReader;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.db.calendar.BusinessCalendarRepository;
import dev.tempodesk.db.jooq.tables.records.BusinessCalendarsRecord;
import dev.tempodesk.workflows.calendar.BusinessCalendar;
import dev.tempodesk.workflows.calendar.CalendarViolation;
import dev.tempodesk.workflows.calendar.InvalidCalendarException;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Business calendars between their rows and {@link BusinessCalendar}, the value workflow code
 * computes with. An SLA policy that names a calendar gets it from {@link #calendar(Long)}; one that
 * names none runs on the built-in round-the-clock calendar.
 */
@Component
public class BusinessCalendars {
  static final int MAX_NAME_LENGTH = 200;
  private final BusinessCalendarRepository repository;
  private final SlaPolicyReader reader;
  private final JsonMapper json;

  BusinessCalendars(
      BusinessCalendarRepository repository, SlaPolicyReader reader, JsonMapper json) {
    this.repository = repository;
    this.reader = reader;
    this.json = json;
  }

  /** The calendar with this id, the built-in one for null; 404 if there is none. */
  public BusinessCalendar calendar(Long id) {
    return valueOf(id == null ? repository.builtIn() : row(id));
  }

  BusinessCalendarsRecord row(long id) {
    return repository
        .find(id)
        .orElseThrow(() -> new NotFoundException("There is no business calendar #" + id + "."));
  }

  BusinessCalendar valueOf(BusinessCalendarsRecord row) {
    return reader.calendar(row);
  }

  String hoursJson(BusinessCalendar calendar) {
    return json.writeValueAsString(calendar.hours());
  }

  /** The request as a calendar, or 422 naming the first field refused (the detail lists all). */
  static BusinessCalendar parse(BusinessCalendarDtos.CalendarRequest request) {
    try {
      return BusinessCalendar.parse(request.zone(), request.hours(), request.holidays());
    } catch (InvalidCalendarException refused) {
      CalendarViolation first = refused.first();
      String all =
          refused.violations().stream()
              .map(v -> v.field() + ": " + v.message())
              .collect(Collectors.joining("; "));
      throw FieldException.invalid(first.field(), all);
    }
  }

  static String name(String name) {
    if (name == null || name.isBlank()) {
      throw FieldException.invalid("name", "Give the calendar a name.");
    }
    if (name.strip().length() > MAX_NAME_LENGTH) {
      throw FieldException.invalid("name", "At most " + MAX_NAME_LENGTH + " characters.");
    }
    return name.strip();
  }
}
