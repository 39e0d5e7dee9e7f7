package dev.tempodesk.api.assist;

import dev.tempodesk.api.live.LiveEvent;
import dev.tempodesk.db.assist.AssistRepository;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.assist.AssistKind;
import dev.tempodesk.workflows.assist.AssistRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Assist's work nobody asked for, started from the read model's live events (no change to the
 * ticket workflow): a new ticket gets a triage; a public message on a ticket starts a summary
 * refresh, which writes one only when the thread has {@link
 * AssistActivitiesImpl#REFRESH_FROM_MESSAGES} public messages or more and grew since the last one.
 * Every replica hears every event; the workflow id per ticket and kind and the activity's check of
 * what is stored keep it to one model call.
 */
@Component
public class AssistTriggers implements Consumer<LiveEvent> {
  private static final Logger log = LoggerFactory.getLogger(AssistTriggers.class);

  /** A ticket older than this when its event arrives is not triaged (imported, demo history). */
  static final Duration NEW_FOR = Duration.ofMinutes(10);

  private final AssistSwitch assist;
  private final AssistRuns runs;
  private final TicketRepository tickets;
  private final AssistRepository results;
  private final Clock clock;

  AssistTriggers(
      AssistSwitch assist,
      AssistRuns runs,
      TicketRepository tickets,
      AssistRepository results,
      Clock clock) {
    this.assist = assist;
    this.runs = runs;
    this.tickets = tickets;
    this.results = results;
    this.clock = clock;
  }

  @Override
  public void accept(LiveEvent event) {
    AssistKind kind =
        switch (event.kind()) {
          case "ticket.created" -> AssistKind.TRIAGE;
          case "message.added" -> event.internal() ? null : AssistKind.SUMMARY;
          default -> null;
        };
    if (kind == null || event.ticketNumber() == null || !assist.provider().configured()) {
      return;
    }
    long number = event.ticketNumber();
    // Off the listening thread: live updates never wait for Temporal.
    Thread.ofVirtual()
        .name("assist-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + number)
        .start(
            () -> {
              try {
                if (assist.on() && worthAsking(number, kind)) {
                  runs.start(AssistRequest.automatic(number, kind));
                }
              } catch (RuntimeException e) {
                log.warn("Assist: could not start the {} of ticket #{}", kind, number, e);
              }
            });
  }

  /**
   * Cheap checks before a workflow is started: an open ticket, new for a triage (not history
   * written in bulk), long enough for a summary. The activity checks again what is stored.
   */
  private boolean worthAsking(long number, AssistKind kind) {
    TicketsRecord ticket = tickets.find(number).orElse(null);
    if (ticket == null || "CLOSED".equals(ticket.getStatus())) {
      return false;
    }
    return switch (kind) {
      case TRIAGE -> ticket.getCreatedAt().toInstant().isAfter(clock.instant().minus(NEW_FOR));
      case SUMMARY -> results.publicMessages(number) >= AssistActivitiesImpl.REFRESH_FROM_MESSAGES;
      case DRAFT -> false;
    };
  }
}
