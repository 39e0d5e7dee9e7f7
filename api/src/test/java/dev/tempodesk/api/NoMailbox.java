package dev.tempodesk.api;

import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasSettings;
import dev.tempodesk.activities.outbound.OutboundMailActivitiesImpl;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.workflows.notification.NotificationActivities;
import java.time.Clock;
import okhttp3.HttpUrl;

/**
 * The mail-side activities for tests whose subject is not mail: every ticket workflow needs an
 * outbox and a notifier registered, but with no mailbox connected nothing is ever sent.
 */
public final class NoMailbox {
  private NoMailbox() {}

  /** The real outbox over the test database; a send finds no mailbox and is marked FAILED. */
  public static OutboundMailActivitiesImpl outboundMail(TestJooq jooq) {
    return OutboundMailActivitiesImpl.over(
        jooq.dsl(), jooq.transactions(), unusedNylas(), Clock.systemUTC());
  }

  /** Notices are dropped: the test is about something else. */
  public static NotificationActivities ignoredNotifications() {
    return notice -> {};
  }

  /** A client that is never called, pointed at the discard port in case it were. */
  public static NylasClient unusedNylas() {
    NylasSettings settings = NylasSettings.of(HttpUrl.get("http://127.0.0.1:9/"), "unused", null);
    return new NylasClient(settings, NylasClient.defaultHttpClient(settings), Thread::sleep);
  }
}
