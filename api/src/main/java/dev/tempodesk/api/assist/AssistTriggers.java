package dev.tempodesk.api.assist;

import dev.tempodesk.api.live.LiveEvent;
import dev.tempodesk.workflows.assist.AssistKind;
import dev.tempodesk.workflows.assist.AssistRequest;
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

  private final AssistSwitch assist;
  private final AssistRuns runs;

  AssistTriggers(AssistSwitch assist, AssistRuns runs) {
    this.assist = assist;
    this.runs = runs;
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
                if (assist.on()) {
                  runs.start(AssistRequest.automatic(number, kind));
                }
              } catch (RuntimeException e) {
                log.warn("Assist: could not start the {} of ticket #{}", kind, number, e);
              }
            });
  }
}
