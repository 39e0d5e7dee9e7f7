package dev.tempodesk.db.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.db.calendar.BusinessCalendarRepository;
import dev.tempodesk.db.jooq.tables.records.SlaPoliciesRecord;
import dev.tempodesk.db.sla.SlaPolicyRepository.Rules;
import dev.tempodesk.db.testing.TestDatabases;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** SLA policies on a real Postgres: the seeded default, order kept 1..n, calendars in use. */
class SlaPolicyRepositoryTest {
  private final DSLContext dsl = DSL.using(TestDatabases.fresh().dataSource(), SQLDialect.POSTGRES);
  private final SlaPolicyRepository policies = new SlaPolicyRepository(dsl);
  private final BusinessCalendarRepository calendars = new BusinessCalendarRepository(dsl);

  private Rules rules(long calendarId) {
    return new Rules(calendarId, "{\"priorities\":[\"HIGH\"]}", "{}", "{}");
  }

  private List<String> names() {
    return policies.listInOrder().stream().map(SlaPoliciesRecord::getName).toList();
  }

  @Test
  void shouldSeedTodaysDefaultsOnTheBuiltInCalendarMatchingEverything() {
    SlaPoliciesRecord seeded = policies.listInOrder().getFirst();

    assertThat(names()).containsExactly("Default");
    assertThat(seeded.getPosition()).isEqualTo(1);
    assertThat(seeded.getCalendarId()).isEqualTo(calendars.builtIn().getId());
    assertThat(seeded.getConditions().data()).isEqualTo("{}");
    assertThat(seeded.getTargets().data()).contains("\"URGENT\": {\"RESOLUTION\": \"PT4H\"");
  }

  @Test
  void shouldKeepPositionsOneToNThroughInsertsDeletesAndReorders() {
    long calendar = calendars.builtIn().getId();
    long gold = policies.insert("Gold", null, rules(calendar)).getId();
    long silver = policies.insert("Silver", 2, rules(calendar)).getId();
    long last = policies.insert("Last", 99, rules(calendar)).getId();
    assertThat(names()).containsExactly("Gold", "Silver", "Default", "Last");

    assertThat(policies.delete(silver)).isTrue();
    assertThat(policies.delete(silver)).isFalse();
    assertThat(names()).containsExactly("Gold", "Default", "Last");

    long defaultId = policies.listInOrder().get(1).getId();
    assertThat(policies.reorder(List.of(last, gold, defaultId))).isTrue();
    assertThat(names()).containsExactly("Last", "Gold", "Default");
    assertThat(policies.listInOrder())
        .extracting(SlaPoliciesRecord::getPosition)
        .containsExactly(1, 2, 3);

    assertThat(policies.reorder(List.of(gold, defaultId))).as("one left out").isFalse();
    assertThat(policies.reorder(List.of(gold, gold, defaultId))).as("twice").isFalse();
    assertThat(policies.reorder(List.of(gold, defaultId, 12345L))).as("unknown").isFalse();
    assertThat(names()).containsExactly("Last", "Gold", "Default");
  }

  @Test
  void shouldRefuseToDeleteACalendarAPolicyCountsIn() {
    long office =
        calendars
            .insert(
                "Office",
                "Europe/Berlin",
                "{\"MONDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}]}",
                List.of())
            .getId();
    SlaPoliciesRecord gold = policies.insert("Gold", null, rules(office));

    assertThat(policies.namesUsingCalendar(office)).containsExactly("Gold");
    assertThatThrownBy(() -> calendars.delete(office)).isInstanceOf(DataAccessException.class);

    policies.update(gold.getId(), "Gold", rules(calendars.builtIn().getId())).orElseThrow();
    assertThat(policies.namesUsingCalendar(office)).isEmpty();
    assertThat(calendars.delete(office)).isTrue();
  }

  @Test
  void shouldKeepNamesUnique() {
    policies.insert("Gold", null, rules(calendars.builtIn().getId()));

    assertThatThrownBy(() -> policies.insert("Gold", null, rules(calendars.builtIn().getId())))
        .isInstanceOf(DataAccessException.class);
    assertThat(names()).containsExactly("Gold", "Default");
  }

  @Test
  void shouldLetTheSeededDefaultFollowTheConfigurationUntilAnAdminEditsIt() {
    SlaPoliciesRecord seeded = policies.listInOrder().getFirst();
    assertThat(seeded.getFollowsConfiguration()).isTrue();
    String configured = "{\"URGENT\": {\"TIME_TO_ASSIGN\": \"PT5M\"}}";

    SlaPoliciesRecord written = policies.followConfiguration(configured).orElseThrow();

    assertThat(written.getId()).isEqualTo(seeded.getId());
    assertThat(written.getTargets().data()).contains("PT5M");
    assertThat(written.getUpdatedAt()).as("still never edited").isEqualTo(seeded.getUpdatedAt());
    long gold = policies.insert("Gold", null, rules(calendars.builtIn().getId())).getId();
    assertThat(policies.find(gold).orElseThrow().getFollowsConfiguration()).isFalse();
    assertThat(policies.reorder(List.of(seeded.getId(), gold))).isTrue();
    assertThat(policies.followConfiguration(configured)).as("reordering is no edit").isPresent();

    policies.update(seeded.getId(), "Default", rules(calendars.builtIn().getId())).orElseThrow();

    assertThat(policies.find(seeded.getId()).orElseThrow().getFollowsConfiguration()).isFalse();
    assertThat(policies.followConfiguration(configured)).isEmpty();
    assertThat(policies.find(seeded.getId()).orElseThrow().getTargets().data()).isEqualTo("{}");
  }

  @Test
  void shouldLeaveADefaultEditedBeforeV31TheAdmins() {
    TestDatabases.TestDatabase before = TestDatabases.migratedTo("27");
    DSLContext old = DSL.using(before.dataSource(), SQLDialect.POSTGRES);
    old.execute(
        "update sla_policies set targets = '{}', updated_at = now() + interval '1 minute'"
            + " where name = 'Default'");

    before.migrate();

    SlaPolicyRepository migrated = new SlaPolicyRepository(old);
    assertThat(migrated.listInOrder().getFirst().getFollowsConfiguration()).isFalse();
    assertThat(migrated.followConfiguration("{}")).isEmpty();
  }
}
