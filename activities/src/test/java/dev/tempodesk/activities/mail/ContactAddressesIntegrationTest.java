package dev.tempodesk.activities.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.workflows.mail.MailAddress;
import dev.tempodesk.workflows.mail.MailAddresses;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contacts over a real Postgres (migration V11): every canonical address the parser writes is
 * stored, one person written in several ways is one contact, and what the parser would never write
 * is still refused by the database.
 */
class ContactAddressesIntegrationTest {
  private final TestJooq jooq = TestJooq.over(TestDatabases.fresh().dataSource());
  private final ContactRepository contacts = new ContactRepository(jooq.dsl());

  @Test
  void everyShapeTheParserAcceptsBecomesAContact() {
    List<String> shapes =
        List.of(
            "\"q z\"@example.org",
            "\"Doe, Jane\"@example.org",
            "\"a@b\"@example.org",
            "\"\\\"quoted\\\"\"@example.org",
            "\"back\\\\slash\"@example.org",
            "abc.@docomo.ne.jp",
            "用户@例子.广告",
            "иван@пример.рф",
            "o'brien+tag@example.org",
            "jane@[192.0.2.1]",
            "jane@[IPv6:2001:db8::1]",
            "root@localhost",
            "\"no\u00a0break\u3000wide\"@example.org",
            "ünïcödé.ünquoted@example.org",
            "l".repeat(64) + "@" + "d".repeat(63) + "." + "d".repeat(63) + "." + "d".repeat(61));
    for (String shape : shapes) {
      MailAddress address = MailAddresses.parse(shape).orElseThrow();
      ContactsRecord contact = contacts.findOrCreate(address.address(), null, null);
      assertThat(contact.getEmail()).as(shape).isEqualTo(address.address());
    }
    assertThat(contacts.list(null, null, 100)).hasSize(shapes.size());
    assertThat(
            new AgentRepository(jooq.dsl())
                .insert(
                    MailAddresses.parse("\"Q Z\"@Tempodesk.example").orElseThrow().address(),
                    "QZ",
                    "AGENT",
                    1)
                .getEmail())
        .isEqualTo("\"q z\"@tempodesk.example");
  }

  @Test
  void onePersonWrittenSeveralWaysIsOneContact() {
    List<String> writings =
        List.of(
            "jane.doe@bücher.example",
            "Jane.Doe@XN--BCHER-KVA.EXAMPLE",
            "\"jane.doe\"@bücher.example.",
            "Jane Doe <jane . doe@Bücher.Example>",
            "<@relay.example:jane.doe@bücher.example>");
    List<Long> ids =
        writings.stream()
            .map(
                writing -> {
                  MailAddress address = MailAddresses.parse(writing).orElseThrow();
                  return contacts.findOrCreate(address.address(), address.displayName(), null);
                })
            .map(ContactsRecord::getId)
            .distinct()
            .toList();

    assertThat(ids).hasSize(1);
    assertThat(contacts.find(ids.getFirst()).orElseThrow().getEmail())
        .isEqualTo("jane.doe@xn--bcher-kva.example");
  }

  @Test
  void theDatabaseStillRefusesWhatIsNoAddress() {
    for (String notCanonical :
        List.of(
            "q z@example.org",
            "no-at-sign",
            "a@b@example.org",
            "tab\t@example.org",
            "bell\u0007@example.org",
            "\"unclosed@example.org",
            "l".repeat(64) + "@" + "d".repeat(190) + ".org")) {
      assertThatThrownBy(() -> contacts.insert(notCanonical, "X", null))
          .as(notCanonical)
          .hasMessageContaining("contacts_email_acceptable");
    }
  }
}
