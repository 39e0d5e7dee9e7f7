package dev.tempodesk.db.calendar;

import static dev.tempodesk.db.jooq.Tables.BUSINESS_CALENDARS;

import dev.tempodesk.db.jooq.tables.records.BusinessCalendarsRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Business calendars (V24). The weekly hours are stored as the JSON the API shows; checking them is
 * {@code BusinessCalendar}'s job, so callers pass only calendars it accepted.
 */
@Repository
public class BusinessCalendarRepository {
  private final DSLContext dsl;

  public BusinessCalendarRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public List<BusinessCalendarsRecord> listAll() {
    return dsl.selectFrom(BUSINESS_CALENDARS)
        .orderBy(BUSINESS_CALENDARS.BUILT_IN.desc(), BUSINESS_CALENDARS.NAME)
        .fetch();
  }

  public Optional<BusinessCalendarsRecord> find(long id) {
    return dsl.selectFrom(BUSINESS_CALENDARS).where(BUSINESS_CALENDARS.ID.eq(id)).fetchOptional();
  }

  /** The seeded round-the-clock calendar, the default for whatever names no calendar. */
  public BusinessCalendarsRecord builtIn() {
    return dsl.selectFrom(BUSINESS_CALENDARS).where(BUSINESS_CALENDARS.BUILT_IN).fetchSingle();
  }

  /** Throws Spring's {@code DuplicateKeyException} when the name is taken. */
  public BusinessCalendarsRecord insert(
      String name, String zone, String hoursJson, List<LocalDate> holidays) {
    return dsl.insertInto(BUSINESS_CALENDARS)
        .set(BUSINESS_CALENDARS.NAME, name)
        .set(BUSINESS_CALENDARS.ZONE, zone)
        .set(BUSINESS_CALENDARS.HOURS, JSONB.valueOf(hoursJson))
        .set(BUSINESS_CALENDARS.HOLIDAYS, holidays.toArray(LocalDate[]::new))
        .returning()
        .fetchOne();
  }

  /**
   * Replaces a calendar that is not built in; empty if there is no such calendar. Throws Spring's
   * {@code DuplicateKeyException} when the name is taken.
   */
  public Optional<BusinessCalendarsRecord> update(
      long id, String name, String zone, String hoursJson, List<LocalDate> holidays) {
    return dsl.update(BUSINESS_CALENDARS)
        .set(BUSINESS_CALENDARS.NAME, name)
        .set(BUSINESS_CALENDARS.ZONE, zone)
        .set(BUSINESS_CALENDARS.HOURS, JSONB.valueOf(hoursJson))
        .set(BUSINESS_CALENDARS.HOLIDAYS, holidays.toArray(LocalDate[]::new))
        .set(BUSINESS_CALENDARS.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(BUSINESS_CALENDARS.ID.eq(id))
        .and(BUSINESS_CALENDARS.BUILT_IN.isFalse())
        .returning()
        .fetchOptional();
  }

  /** Deletes a calendar that is not built in; false if there is no such calendar. */
  public boolean delete(long id) {
    return dsl.deleteFrom(BUSINESS_CALENDARS)
            .where(BUSINESS_CALENDARS.ID.eq(id))
            .and(BUSINESS_CALENDARS.BUILT_IN.isFalse())
            .execute()
        == 1;
  }
}
