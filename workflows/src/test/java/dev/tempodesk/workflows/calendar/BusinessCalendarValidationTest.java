package dev.tempodesk.workflows.calendar;

import static java.time.DayOfWeek.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.common.converter.DefaultDataConverter;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a calendar must be, each refusal naming its field as the API will report it. */
class BusinessCalendarValidationTest {

  private static List<CalendarViolation> violations(
      String zone, Map<String, List<TimeRange>> hours, List<String> holidays) {
    try {
      BusinessCalendar.parse(zone, hours, holidays);
    } catch (InvalidCalendarException refused) {
      return refused.violations();
    }
    return List.of();
  }

  private static Map<String, List<TimeRange>> monday(TimeRange... ranges) {
    Map<String, List<TimeRange>> hours = new LinkedHashMap<>();
    hours.put("MONDAY", Arrays.asList(ranges));
    return hours;
  }

  private static List<String> fields(List<CalendarViolation> violations) {
    return violations.stream().map(CalendarViolation::field).toList();
  }

  @ParameterizedTest(name = "{0}–{1} → {2}")
  @CsvSource({
    "17:00, 09:00, hours.MONDAY[0].end",
    "09:00, 09:00, hours.MONDAY[0].end",
    "9:00, 17:00, hours.MONDAY[0].start",
    "24:00, 24:00, hours.MONDAY[0].start",
    "09:60, 17:00, hours.MONDAY[0].start",
    "09:00, 24:01, hours.MONDAY[0].end",
    "09:00, 25:00, hours.MONDAY[0].end",
    "09:00, 17h00, hours.MONDAY[0].end",
    "'', 17:00, hours.MONDAY[0].start",
  })
  void shouldRefuseAMalformedRangeNamingItsEnd(String start, String end, String field) {
    assertThat(fields(violations("UTC", monday(TimeRange.of(start, end)), List.of())))
        .containsExactly(field);
  }

  @Test
  void shouldExplainThatAnOvernightShiftIsTwoRanges() {
    List<CalendarViolation> refused =
        violations("UTC", monday(TimeRange.of("22:00", "06:00")), List.of());

    assertThat(refused.getFirst().message()).contains("22:00–24:00", "00:00–06:00");
  }

  @Test
  void shouldRefuseOverlappingRangesNamingTheLaterOneInTheOrderGiven() {
    List<CalendarViolation> refused =
        violations(
            "UTC",
            monday(
                TimeRange.of("13:00", "17:00"),
                TimeRange.of("09:00", "12:00"),
                TimeRange.of("11:00", "14:00")),
            List.of());

    assertThat(fields(refused)).containsExactly("hours.MONDAY[2].start", "hours.MONDAY[0].start");
  }

  @Test
  void shouldAcceptRangesThatTouch() {
    BusinessCalendar calendar =
        BusinessCalendar.parse(
            "UTC",
            monday(TimeRange.of("12:00", "17:00"), TimeRange.of("09:00", "12:00")),
            List.of());

    assertThat(calendar.hours().get(MONDAY))
        .as("sorted by start")
        .containsExactly(TimeRange.of("09:00", "12:00"), TimeRange.of("12:00", "17:00"));
  }

  @Test
  void shouldTakeADayGivenAsNullForAClosedDay() {
    Map<String, List<TimeRange>> hours = monday(TimeRange.of("09:00", "17:00"));
    hours.put("SUNDAY", null);

    assertThat(BusinessCalendar.parse("UTC", hours, null).hours().get(DayOfWeek.SUNDAY)).isEmpty();
  }

  @Test
  void shouldRefuseACalendarThatIsNeverOpen() {
    assertThat(fields(violations("UTC", Map.of(), List.of()))).containsExactly("hours");
    assertThat(fields(violations("UTC", Map.of("SUNDAY", List.of()), List.of())))
        .containsExactly("hours");
    assertThat(fields(violations("UTC", null, List.of()))).containsExactly("hours");
  }

  @Test
  void shouldRefuseAnUnknownZoneAndADayThatIsNoWeekday() {
    Map<String, List<TimeRange>> hours = monday(TimeRange.of("09:00", "17:00"));
    hours.put("FUNDAY", List.of(TimeRange.of("09:00", "17:00")));

    assertThat(fields(violations("Mars/Olympus_Mons", hours, List.of())))
        .containsExactly("hours.FUNDAY", "zone");
    assertThat(fields(violations(" ", monday(TimeRange.of("09:00", "17:00")), List.of())))
        .containsExactly("zone");
  }

  @Test
  void shouldRefuseAHolidayThatIsNotADate() {
    List<String> holidays = new ArrayList<>(List.of("2026-12-25", "2026-02-30", "Christmas"));
    holidays.add(null);

    assertThat(fields(violations("UTC", monday(TimeRange.of("09:00", "17:00")), holidays)))
        .containsExactly("holidays[1]", "holidays[2]", "holidays[3]");
  }

  @Test
  void shouldRefuseAMissingRangeAndTooManyRangesInADay() {
    assertThat(fields(violations("UTC", monday((TimeRange) null), List.of())))
        .containsExactly("hours.MONDAY[0]");
    TimeRange[] many = new TimeRange[CalendarRules.MAX_RANGES_PER_DAY + 1];
    for (int i = 0; i < many.length; i++) {
      many[i] = TimeRange.of("%02d:00".formatted(i % 24), "%02d:30".formatted(i % 24));
    }
    assertThat(fields(violations("UTC", monday(many), List.of()))).containsExactly("hours.MONDAY");
  }

  @Test
  void shouldKeepHolidaysSortedOnceAndEveryDayListed() {
    BusinessCalendar calendar =
        BusinessCalendar.parse(
            "Europe/Berlin",
            monday(TimeRange.of("09:00", "17:00")),
            List.of("2026-12-26", "2026-12-25", "2026-12-26"));

    assertThat(calendar.holidays())
        .containsExactly(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26"));
    assertThat(calendar.hours()).containsOnlyKeys(DayOfWeek.values());
    assertThat(calendar.hours().get(DayOfWeek.SUNDAY)).isEmpty();
  }

  @Test
  void shouldRefuseTheSameMistakesWhenBuiltInCode() {
    assertThatThrownBy(
            () -> BusinessCalendar.in("Europe/Berlin").open(MONDAY, "17:00", "09:00").build())
        .isInstanceOf(InvalidCalendarException.class)
        .hasMessageStartingWith("hours.MONDAY[0].end: ");
  }

  @Test
  void shouldSurviveTheRoundTripThroughWorkflowState() {
    BusinessCalendar calendar =
        BusinessCalendar.in("Europe/Berlin")
            .open(MONDAY, DayOfWeek.FRIDAY, "09:00", "12:00")
            .open(MONDAY, DayOfWeek.FRIDAY, "13:00", "17:00")
            .holiday(LocalDate.parse("2026-12-25"))
            .build();
    var converter = DefaultDataConverter.newDefaultInstance();

    var payload = converter.toPayload(calendar).orElseThrow();
    BusinessCalendar back =
        converter.fromPayload(payload, BusinessCalendar.class, BusinessCalendar.class);

    assertThat(back).isEqualTo(calendar);
    assertThat(payload.getData().toStringUtf8())
        .contains("\"zone\":\"Europe/Berlin\"")
        .contains("\"MONDAY\":[{\"start\":\"09:00\",\"end\":\"12:00\"}")
        .doesNotContain("roundTheClock")
        .doesNotContain("zoneId");
  }
}
