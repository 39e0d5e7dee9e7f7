package dev.tempodesk.api.ops;

import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.api.mail.MailboxSyncState;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.mail.QuarantineRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN when an active mailbox's last pass failed (Nylas unreachable or erroring, the reason in the
 * details), when Nylas refused its grant (it needs reconnecting), or when it has not finished a
 * sync pass for three poll intervals: one slow pass is normal, three missed ones mean mail is
 * piling up unseen. Time before this app started does not count, so a restart is not reported as an
 * outage while the first passes run.
 *
 * <p>Quarantined mail does not make a mailbox DOWN (the sync goes on past it); each mailbox's
 * details count it ({@code quarantined}: waiting for a person, {@code retrying}: still tried by the
 * sync itself).
 */
@Component("mailboxSync")
class MailboxSyncHealthIndicator implements HealthIndicator {
  static final int MISSED_POLLS_ALLOWED = 3;

  private final MailboxRepository mailboxes;
  private final QuarantineRepository quarantine;
  private final Duration staleAfter;
  private final Clock clock;
  private final Instant startedAt;

  MailboxSyncHealthIndicator(
      MailboxRepository mailboxes,
      QuarantineRepository quarantine,
      TempodeskProperties properties,
      Clock clock) {
    this.mailboxes = mailboxes;
    this.quarantine = quarantine;
    this.staleAfter = properties.mail().pollInterval().multipliedBy(MISSED_POLLS_ALLOWED);
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  @Override
  public Health health() {
    Instant now = clock.instant();
    boolean allFresh = true;
    Map<String, Object> details = new LinkedHashMap<>();
    Map<Long, Map<String, Integer>> held = quarantine.openCounts();
    for (MailboxesRecord mailbox : mailboxes.listActive()) {
      Instant since =
          latest(
              mailbox.getLastSyncedAt() == null
                  ? mailbox.getCreatedAt().toInstant()
                  : mailbox.getLastSyncedAt().toInstant(),
              startedAt);
      Duration quiet = Duration.between(since, now);
      MailboxSyncState state = MailboxSyncState.of(mailbox);
      boolean fresh = quiet.compareTo(staleAfter) <= 0;
      allFresh &= fresh && state.up();
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("email", String.valueOf(mailbox.getEmail()));
      detail.put("lastSyncedAt", String.valueOf(mailbox.getLastSyncedAt()));
      detail.put("secondsSinceSync", quiet.toSeconds());
      Map<String, Integer> open = held.getOrDefault(mailbox.getId(), Map.of());
      detail.put("quarantined", open.getOrDefault(QuarantineRepository.QUARANTINED, 0));
      detail.put("retrying", open.getOrDefault(QuarantineRepository.RETRYING, 0));
      if (!state.up()) {
        detail.put("status", state.status());
        detail.put("reason", state.reason());
        detail.put("since", String.valueOf(state.since()));
      } else if (!fresh) {
        detail.put("status", "DOWN");
        detail.put("reason", "no sync pass finished for " + quiet.toSeconds() + " s");
      } else {
        detail.put("status", "UP");
      }
      details.put("mailbox-" + mailbox.getId(), detail);
    }
    return (allFresh ? Health.up() : Health.down())
        .withDetail("staleAfterSeconds", staleAfter.toSeconds())
        .withDetails(details)
        .build();
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
