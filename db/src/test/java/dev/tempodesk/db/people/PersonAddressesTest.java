package dev.tempodesk.db.people;

import static dev.tempodesk.db.jooq.Tables.PERSON_ADDRESSES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

/** One address, one person (V16), enforced by Postgres whichever table and however concurrent. */
class PersonAddressesTest {

  @Test
  void shouldRefuseAnAgentsAddressForAContactAndTheOtherWayRound() {
    DSLContext dsl = TestJooq.over(TestDatabases.fresh().dataSource()).dsl();
    AgentRepository agents = new AgentRepository(dsl);
    ContactRepository contacts = new ContactRepository(dsl);
    AgentsRecord agent = agents.insert("ann@desk.example", "Ann", "AGENT", 1);
    ContactsRecord contact = contacts.insert("carl@customer.example", "Carl", null);

    assertThatThrownBy(() -> contacts.insert("ann@desk.example", "Not Ann", null))
        .hasMessageContaining("person_addresses_pkey");
    assertThatThrownBy(() -> contacts.findOrCreate("ann@desk.example", "Not Ann", null))
        .hasMessageContaining("person_addresses_pkey");
    assertThatThrownBy(() -> agents.insert("carl@customer.example", "Not Carl", "AGENT", 1))
        .hasMessageContaining("person_addresses_pkey");
    assertThatThrownBy(
            () ->
                agents.update(
                    agent.getId(), "carl@customer.example", "Ann", "AGENT", 1, true, true))
        .hasMessageContaining("person_addresses_pkey");
    assertThatThrownBy(() -> contacts.update(contact.getId(), "ann@desk.example", "Carl", null))
        .hasMessageContaining("person_addresses_pkey");

    // A changed address frees the old one.
    agents.update(agent.getId(), "ann.new@desk.example", "Ann", "AGENT", 1, true, true);
    assertThat(contacts.insert("ann@desk.example", "The next Ann", null).getEmail())
        .isEqualTo("ann@desk.example");
    assertThat(contacts.findOrCreate("carl@customer.example", "Carl", null).getId())
        .isEqualTo(contact.getId());
    assertThat(dsl.fetchCount(PERSON_ADDRESSES)).isEqualTo(3);
  }

  @Test
  void shouldLetOnlyOneOfTwoConcurrentWritersHaveAnAddress() throws Exception {
    DSLContext dsl = TestJooq.over(TestDatabases.fresh().dataSource()).dsl();
    AgentRepository agents = new AgentRepository(dsl);
    ContactRepository contacts = new ContactRepository(dsl);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 25; round++) {
        String address = "race-" + round + "@example.org";
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Boolean>> writers = new ArrayList<>();
        writers.add(pool.submit(wins(start, () -> agents.insert(address, "A", "AGENT", 1))));
        writers.add(pool.submit(wins(start, () -> contacts.findOrCreate(address, "C", null))));
        int winners = 0;
        for (Future<Boolean> writer : writers) {
          winners += writer.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(winners).as(address).isEqualTo(1);
        int owners =
            (agents.findByEmail(address).isPresent() ? 1 : 0)
                + (contacts.findByEmail(address).isPresent() ? 1 : 0);
        assertThat(owners).as(address).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldMigrateAddressesAlreadySharedByLeavingThemWithTheAgent() {
    TestDatabases.TestDatabase database = TestDatabases.migratedTo("15");
    DSLContext before = TestJooq.over(database.dataSource()).dsl();
    before.execute(
        "insert into agents (email, display_name, role) values ('both@example.org', 'Bo', 'AGENT')");
    before.execute(
        "insert into contacts (email, display_name) values ('both@example.org', 'Bo customer'),"
            + " ('only@example.org', 'Only')");

    database.migrate();

    DSLContext dsl = TestJooq.over(database.dataSource()).dsl();
    AgentsRecord agent = new AgentRepository(dsl).findByEmail("both@example.org").orElseThrow();
    ContactRepository contacts = new ContactRepository(dsl);
    ContactsRecord shared = contacts.findByEmail("both@example.org").orElseThrow();
    assertThat(
            dsl.selectFrom(PERSON_ADDRESSES)
                .where(PERSON_ADDRESSES.EMAIL.eq("both@example.org"))
                .fetchOne()
                .getAgentId())
        .isEqualTo(agent.getId());
    assertThat(contacts.findByEmail("only@example.org")).isPresent();
    assertThat(dsl.fetchCount(PERSON_ADDRESSES)).isEqualTo(2);
    // The contact keeps working (mail and tickets refer to it); only new owners are refused.
    assertThat(contacts.update(shared.getId(), "both@example.org", "Bo (customer)", null))
        .extracting(ContactsRecord::getDisplayName)
        .isEqualTo("Bo (customer)");
    assertThat(contacts.findOrCreate("both@example.org", null, null).getId())
        .isEqualTo(shared.getId());
    contacts.update(shared.getId(), "bo.customer@example.org", "Bo (customer)", null);
    assertThat(dsl.fetchCount(PERSON_ADDRESSES)).isEqualTo(3);
  }

  private static Callable<Boolean> wins(CyclicBarrier start, Runnable write) {
    return () -> {
      start.await(10, TimeUnit.SECONDS);
      try {
        write.run();
        return true;
      } catch (DataAccessException refused) {
        assertThat(refused).hasMessageContaining("person_addresses_pkey");
        return false;
      }
    };
  }
}
