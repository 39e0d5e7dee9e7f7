package dev.tempodesk.api.demo;

import dev.tempodesk.db.calendar.BusinessCalendarRepository;
import dev.tempodesk.db.sla.SlaPolicyRepository;
import dev.tempodesk.workflows.calendar.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's service levels (issue 18): a "Support hours" calendar (Berlin, Monday to Friday
 * 09:00–18:00, closed over Christmas and New Year) and, first in the list, a policy for one
 * customer organization with first-response, next-reply and resolution targets counted in it. Its
 * tickets show business-time clocks; every other ticket keeps the seeded Default (the configured
 * targets, round the clock).
 */
@Component
class DemoServiceLevels {
  static final String CALENDAR = "Support hours";
  static final String POLICY = "Acme Networks (support hours)";

  private static final List<MonthDay> HOLIDAYS =
      List.of(MonthDay.of(12, 24), MonthDay.of(12, 25), MonthDay.of(12, 26), MonthDay.of(12, 31));

  /** Per priority; time to assign as the defaults, the reply and resolution targets tighter. */
  private static final String TARGETS =
      """
      {"URGENT": {"TIME_TO_ASSIGN": "PT15M", "FIRST_RESPONSE": "PT30M", "NEXT_REPLY": "PT1H",
                  "RESOLUTION": "PT4H"},
       "HIGH":   {"TIME_TO_ASSIGN": "PT1H", "FIRST_RESPONSE": "PT1H", "NEXT_REPLY": "PT2H",
                  "RESOLUTION": "PT8H"},
       "NORMAL": {"TIME_TO_ASSIGN": "PT4H", "FIRST_RESPONSE": "PT4H", "NEXT_REPLY": "PT4H",
                  "RESOLUTION": "PT18H"},
       "LOW":    {"TIME_TO_ASSIGN": "PT8H", "FIRST_RESPONSE": "PT8H", "NEXT_REPLY": "PT8H",
                  "RESOLUTION": "PT45H"}}""";

  /** Waiting for the customer or a third party pauses resolution only; replies are still owed. */
  private static final String PAUSES =
      """
      {"TIME_TO_ASSIGN": ["CUSTOMER", "THIRD_PARTY", "CHANGE", "CLOSE"],
       "FIRST_RESPONSE": ["CLOSE"],
       "NEXT_REPLY": ["CLOSE"],
       "RESOLUTION": ["CUSTOMER", "THIRD_PARTY", "CHANGE", "CLOSE"]}""";

  private final BusinessCalendarRepository calendars;
  private final SlaPolicyRepository policies;
  private final JsonMapper json;

  DemoServiceLevels(
      BusinessCalendarRepository calendars, SlaPolicyRepository policies, JsonMapper json) {
    this.calendars = calendars;
    this.policies = policies;
    this.json = json;
  }

  /** Writes the calendar and, first in the order, the policy for {@code organizationId}. */
  void seed(long organizationId, LocalDate today) {
    List<LocalDate> holidays = new ArrayList<>();
    for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
      for (MonthDay day : HOLIDAYS) {
        holidays.add(day.atYear(year));
      }
      holidays.add(LocalDate.of(year + 1, 1, 1));
    }
    BusinessCalendar supportHours =
        BusinessCalendar.in(DemoHistory.ZONE.getId())
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "18:00")
            .holiday(holidays.toArray(LocalDate[]::new))
            .build();
    long calendarId =
        calendars
            .insert(
                CALENDAR,
                supportHours.zone(),
                json.writeValueAsString(supportHours.hours()),
                supportHours.holidays())
            .getId();
    policies.insert(
        POLICY,
        1,
        new SlaPolicyRepository.Rules(
            calendarId, "{\"organizationIds\": [" + organizationId + "]}", TARGETS, PAUSES));
  }
}
