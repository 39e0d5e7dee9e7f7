package dev.tempodesk.db.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.NotificationsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The feed and the rate-limit windows on a real Postgres. */
class NotificationRepositoryTest {
  private final DSLContext dsl = DSL.using(TestDatabases.fresh().dataSource(), SQLDialect.POSTGRES);
  private final NotificationRepository notifications = new NotificationRepository(dsl);
  private final AgentRepository agents = new AgentRepository(dsl);

  @Test
  void shouldGiveConcurrentSlotTakersDistinctCountsPerWindow() throws Exception {
    AgentsRecord mona = agents.insert("mona@tempodesk.dev", "Mona", "MANAGER", 1);
    OffsetDateTime window = OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 0, ZoneOffset.UTC);
    List<Callable<Integer>> takers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      takers.add(() -> notifications.takeRateSlot("AGENT", mona.getId(), "EMAIL", window));
    }
    List<Integer> counts = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (Future<Integer> count : pool.invokeAll(takers)) {
        counts.add(count.get());
      }
    }

    assertThat(counts).as("as two replicas would see them").doesNotHaveDuplicates().hasSize(20);
    assertThat(counts).containsExactlyInAnyOrderElementsOf(range(1, 20));
    assertThat(notifications.takeRateSlot("AGENT", mona.getId(), "WEBHOOK", window))
        .as("channels count separately")
        .isEqualTo(1);
    assertThat(notifications.takeRateSlot("AGENT", mona.getId(), "EMAIL", window.plusMinutes(1)))
        .as("a new window starts at 1")
        .isEqualTo(1);
  }

  @Test
  void shouldShowOnlyTheRecipientsOwnInAppEntriesAndCountUnread() {
    AgentsRecord alice = agents.insert("alice@tempodesk.dev", "Alice", "AGENT", 1);
    AgentsRecord bob = agents.insert("bob@tempodesk.dev", "Bob", "AGENT", 1);
    notifications.insertIfAbsent(row("k1", alice, "IN_APP"));
    notifications.insertIfAbsent(row("k2", alice, "EMAIL"));
    notifications.insertIfAbsent(row("k3", bob, "IN_APP"));
    notifications.insertIfAbsent(row("k4", alice, "IN_APP"));
    assertThat(notifications.insertIfAbsent(row("k4", alice, "IN_APP"))).isFalse();

    List<NotificationsRecord> feed = notifications.feed("AGENT", alice.getId(), null, 10);
    assertThat(feed).extracting(NotificationsRecord::getDedupeKey).containsExactly("k4", "k1");
    assertThat(notifications.feed("AGENT", alice.getId(), feed.getFirst().getId(), 10))
        .extracting(NotificationsRecord::getDedupeKey)
        .containsExactly("k1");
    assertThat(notifications.unreadCount("AGENT", alice.getId())).isEqualTo(2);

    notifications.markRead("AGENT", bob.getId(), feed.getFirst().getId(), now());
    assertThat(notifications.unreadCount("AGENT", alice.getId()))
        .as("Bob cannot mark Alice's entry")
        .isEqualTo(2);
    notifications.markRead("AGENT", alice.getId(), feed.getFirst().getId(), now());
    assertThat(notifications.unreadCount("AGENT", alice.getId())).isEqualTo(1);
    assertThat(notifications.markAllRead("AGENT", alice.getId(), now())).isEqualTo(1);
    assertThat(notifications.unreadCount("AGENT", bob.getId())).isEqualTo(1);
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> range = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      range.add(i);
    }
    return range;
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  private static NotificationsRecord row(String key, AgentsRecord agent, String channel) {
    return new NotificationsRecord()
        .setDedupeKey(key)
        .setRecipientKind("AGENT")
        .setRecipientId(agent.getId())
        .setChannel(channel)
        .setEventKind("ASSIGNED")
        .setTitle("t")
        .setStatus("SENT")
        .setCreatedAt(now());
  }
}
