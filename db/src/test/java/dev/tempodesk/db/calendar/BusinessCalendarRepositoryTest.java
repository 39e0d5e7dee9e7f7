package dev.tempodesk.db.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.db.jooq.tables.records.BusinessCalendarsRecord;
import dev.tempodesk.db.testing.TestDatabases;
import java.time.LocalDate;
import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** Business calendars on a real Postgres. */
class BusinessCalendarRepositoryTest {
  private static final String OFFICE_HOURS =
      "{\"MONDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}]}";

  private final BusinessCalendarRepository calendars =
      new BusinessCalendarRepository(
          DSL.using(TestDatabases.fresh().dataSource(), SQLDialect.POSTGRES));

  @Test
  void shouldSeedTheRoundTheClockCalendarAsTheBuiltInDefault() {
    BusinessCalendarsRecord builtIn = calendars.builtIn();

    assertThat(builtIn.getZone()).isEqualTo("UTC");
    assertThat(builtIn.getHolidays()).isEmpty();
    assertThat(builtIn.getHours().data()).contains("\"SUNDAY\"").contains("\"24:00\"");
    assertThat(calendars.listAll())
        .extracting(BusinessCalendarsRecord::getId)
        .containsExactly(builtIn.getId());
  }

  @Test
  void shouldStoreReplaceAndDeleteACalendar() {
    BusinessCalendarsRecord created =
        calendars.insert(
            "Berlin office", "Europe/Berlin", OFFICE_HOURS, List.of(LocalDate.parse("2026-12-25")));

    BusinessCalendarsRecord replaced =
        calendars
            .update(
                created.getId(),
                "Berlin office hours",
                "Europe/Berlin",
                OFFICE_HOURS,
                List.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26")))
            .orElseThrow();

    assertThat(replaced.getName()).isEqualTo("Berlin office hours");
    assertThat(replaced.getHolidays())
        .containsExactly(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26"));
    assertThat(replaced.getUpdatedAt()).isAfterOrEqualTo(created.getUpdatedAt());
    assertThat(calendars.find(created.getId()).orElseThrow().getHours().data())
        .contains("\"09:00\"");
    assertThat(calendars.delete(created.getId())).isTrue();
    assertThat(calendars.find(created.getId())).isEmpty();
    assertThat(calendars.delete(created.getId())).isFalse();
  }

  @Test
  void shouldNeitherChangeNorDeleteTheBuiltInCalendar() {
    long builtIn = calendars.builtIn().getId();

    assertThat(calendars.update(builtIn, "Mine", "UTC", OFFICE_HOURS, List.of())).isEmpty();
    assertThat(calendars.delete(builtIn)).isFalse();
    assertThat(calendars.builtIn().getName()).isEqualTo("Always open (24×7)");
  }

  @Test
  void shouldKeepNamesUnique() {
    calendars.insert("Support", "UTC", OFFICE_HOURS, List.of());

    assertThatThrownBy(() -> calendars.insert("Support", "Europe/Berlin", OFFICE_HOURS, List.of()))
        .isInstanceOf(IntegrityConstraintViolationException.class);
  }
}
