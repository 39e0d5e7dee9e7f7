package dev.tempodesk.api.ops;

import dev.tempodesk.activities.mail.SkipReason;
import dev.tempodesk.db.mail.QuarantineRepository;
import dev.tempodesk.db.ops.OpsFiguresRepository;
import dev.tempodesk.db.ops.OpsFiguresRepository.OpsFigures;
import dev.tempodesk.workflows.ticket.TicketStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The operational gauges of DESIGN.md section 8 ({@code /actuator/prometheus}). They are read from
 * Postgres, not counted in memory, so every replica reports the same, complete numbers; one scrape
 * reads them all at once, and scrapes within a few seconds share the reading.
 */
@Component
class OpsMetrics implements MeterBinder {
  private static final Duration FRESH_FOR = Duration.ofSeconds(5);

  private final OpsFiguresRepository repository;
  private final QuarantineRepository quarantine;
  private final Clock clock;
  private OpsFigures figures;
  private Instant readAt = Instant.MIN;
  private MultiGauge quarantined;

  OpsMetrics(OpsFiguresRepository repository, QuarantineRepository quarantine, Clock clock) {
    this.repository = repository;
    this.quarantine = quarantine;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (TicketStatus status : TicketStatus.values()) {
      gauge(
              "tempodesk.tickets",
              "Tickets by status",
              f -> f.ticketsByStatus().getOrDefault(status.name(), 0))
          .tag("status", status.name())
          .register(registry);
    }
    gauge(
            "tempodesk.assignment.queue.length",
            "NEW (unassigned) tickets waiting for an agent",
            f -> f.ticketsByStatus().getOrDefault(TicketStatus.NEW.name(), 0))
        .register(registry);
    gauge(
            "tempodesk.messages.ingested",
            "Inbound mail stored from mailboxes",
            OpsFigures::messagesIngested)
        .register(registry);
    for (SkipReason reason : SkipReason.values()) {
      gauge(
              "tempodesk.messages.skipped",
              "Mailbox messages skipped, by reason",
              f -> f.skippedByReason().getOrDefault(reason.name(), 0))
          .tag("reason", reason.name())
          .register(registry);
    }
    // One series per mailbox and status (RETRYING, QUARANTINED); rows follow each reading.
    quarantined =
        MultiGauge.builder("tempodesk.messages.quarantined")
            .description("Mailbox messages the sync could not ingest, by mailbox and status")
            .register(registry);
    gauge(
            "tempodesk.send.failures",
            "Outbound messages whose delivery failed",
            OpsFigures::sendFailures)
        .register(registry);
    gauge("tempodesk.sla.breaches", "SLA breaches recorded so far", OpsFigures::assignBreaches)
        .tag("clock", "assign")
        .register(registry);
    gauge("tempodesk.sla.breaches", "SLA breaches recorded so far", OpsFigures::resolveBreaches)
        .tag("clock", "resolve")
        .register(registry);
    gauge(
            "tempodesk.sla.breached.open",
            "Open tickets past their SLA",
            OpsFigures::openAssignBreached)
        .tag("clock", "assign")
        .register(registry);
    gauge(
            "tempodesk.sla.breached.open",
            "Open tickets past their SLA",
            OpsFigures::openResolveBreached)
        .tag("clock", "resolve")
        .register(registry);
    gauge(
            "tempodesk.ingest.lag",
            "Time since the least recently synced active mailbox last synced (0 without mailboxes)",
            f ->
                f.oldestSync() == null
                    ? 0
                    : Duration.between(f.oldestSync().toInstant(), clock.instant()).toMillis()
                        / 1000.0)
        .baseUnit("seconds")
        .register(registry);
  }

  private Gauge.Builder<OpsMetrics> gauge(
      String name, String description, ToDoubleFunction<OpsFigures> value) {
    return Gauge.builder(name, this, metrics -> value.applyAsDouble(metrics.current()))
        .description(description);
  }

  private synchronized OpsFigures current() {
    Instant now = clock.instant();
    if (figures == null || readAt.plus(FRESH_FOR).isBefore(now)) {
      figures = repository.read();
      readAt = now;
      readQuarantine();
    }
    return figures;
  }

  private void readQuarantine() {
    if (quarantined == null) {
      return;
    }
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (Map.Entry<Long, Map<String, Integer>> mailbox : quarantine.openCounts().entrySet()) {
      for (String status :
          List.of(QuarantineRepository.RETRYING, QuarantineRepository.QUARANTINED)) {
        rows.add(
            MultiGauge.Row.of(
                Tags.of("mailbox", mailbox.getKey().toString(), "status", status),
                mailbox.getValue().getOrDefault(status, 0)));
      }
    }
    quarantined.register(rows, true);
  }
}
