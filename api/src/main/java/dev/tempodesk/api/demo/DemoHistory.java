package dev.tempodesk.api.demo;

import static dev.tempodesk.activities.ticket.TicketRows.at;

import dev.tempodesk.activities.ticket.NewTicket;
import dev.tempodesk.activities.ticket.TicketOpening;
import dev.tempodesk.activities.ticket.TicketRows;
import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.jooq.tables.records.TicketEventsRecord;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.stats.StatsRepository;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.stats.StatsActivities;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.AgentRef;
import dev.tempodesk.workflows.ticket.AssigneeChange;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.FieldChange;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.Resolution;
import dev.tempodesk.workflows.ticket.TicketEvent;
import dev.tempodesk.workflows.ticket.TicketPolicy;
import dev.tempodesk.workflows.ticket.TicketSla;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketStatus;
import dev.tempodesk.workflows.ticket.TicketUpdatePlan;
import dev.tempodesk.workflows.ticket.TicketUpdateRequest;
import dev.tempodesk.workflows.ticket.TicketUpdateRules;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jooq.JSONB;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Four weeks of closed tickets for the demo, so the statistics show figures at the first start.
 * Each ticket is played through the ticket rules the workflow applies ({@link TicketUpdateRules},
 * {@link TicketSla}) at the instants it would have happened — opened in business hours, assigned to
 * a demo agent, answered, sometimes suspended until the customer answers, closed — and written as
 * rows and audit trail only (a closed ticket needs no workflow). The hourly statistics of those
 * hours are then computed by the stats workflow's own activity, so they count exactly as a real
 * history would. Deterministic (fixed seed) for a given day; only into a database without tickets.
 */
@Component
public class DemoHistory {
  /** The demo team's time zone; its business hours are 09:00 to 17:00, Monday to Friday. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  public static final int DAYS = 28;
  static final LocalTime OPENS = LocalTime.of(9, 0);
  static final LocalTime CLOSES = LocalTime.of(17, 0);
  private static final long SEED = 18;
  // Relative arrivals per hour from 08:00 to 17:59: few at the edges, a peak mid-morning.
  private static final int[] ARRIVALS_BY_HOUR = {1, 6, 9, 8, 5, 6, 7, 5, 3, 1};

  private final TicketOpening opening;
  private final TicketRepository tickets;
  private final TicketEventRepository events;
  private final MessageRepository messages;
  private final StatsRepository stats;
  private final StatsActivities statsActivities;
  private final TicketPolicy policy;
  private final TransactionTemplate transaction;
  private final JsonMapper json;
  private final Clock clock;

  DemoHistory(
      TicketOpening opening,
      TicketRepository tickets,
      TicketEventRepository events,
      MessageRepository messages,
      StatsRepository stats,
      StatsActivities statsActivities,
      TicketWorkflowGateway workflows,
      TransactionTemplate transaction,
      JsonMapper json,
      Clock clock) {
    this.opening = opening;
    this.tickets = tickets;
    this.events = events;
    this.messages = messages;
    this.stats = stats;
    this.statsActivities = statsActivities;
    this.policy = workflows.policy();
    this.transaction = transaction;
    this.json = json;
    this.clock = clock;
  }

  /** The people the history is about. */
  record Cast(List<AgentsRecord> agents, List<ContactsRecord> customers) {}

  /**
   * Writes the history and the statistics of its hours, unless the database has tickets already.
   *
   * @return how many tickets were written (0 when there were tickets)
   */
  public int seed(Cast cast) {
    if (stats.firstTicketCreatedAt().isPresent()) {
      return 0;
    }
    Instant now = clock.instant();
    List<Plan> plans = plan(cast, now);
    // The hours the stats workflow would have computed had it run all along, by its own activity,
    // in the same transaction (one commit); the workflow then resumes after the last of them. Not
    // left to its backfill: at one activity per hour that takes minutes, the newest hours last.
    Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
    transaction.executeWithoutResult(
        status -> {
          plans.forEach(this::write);
          for (Instant hour = plans.getFirst().openedAt().truncatedTo(ChronoUnit.HOURS);
              hour.isBefore(currentHour);
              hour = hour.plus(Duration.ofHours(1))) {
            statsActivities.computeHour(hour.toEpochMilli());
          }
        });
    return plans.size();
  }

  // ---- planning: what happens to each ticket and when ----

  private record Step(Instant at, Kind kind, AgentsRecord agent) {}

  private enum Kind {
    ASSIGN,
    REPLY,
    SUSPEND,
    CUSTOMER_ANSWERS,
    CLOSE
  }

  private record Plan(
      Instant openedAt,
      ContactsRecord reporter,
      Priority priority,
      Channel channel,
      Topic topic,
      Resolution resolution,
      List<Step> steps) {}

  private record Topic(String subject, String description, String reply, String closing) {}

  private static final List<Topic> TOPICS =
      List.of(
          new Topic(
              "Cannot connect to the VPN from home",
              "The client says the certificate is not trusted since this morning.",
              "Please re-import the profile from the portal; the old certificate expired.",
              "Profile re-imported, connection works"),
          new Topic(
              "Invoice amount does not match the order",
              "The invoice is 40 EUR higher than the order confirmation.",
              "The shipping fee was added twice; a corrected invoice is on its way.",
              "Corrected invoice sent"),
          new Topic(
              "Password reset link expired",
              "The link in the reset mail says it expired, although I clicked it right away.",
              "The link is valid for 30 minutes; here is a fresh one.",
              "Customer signed in with the new link"),
          new Topic(
              "Printer queue stuck",
              "Nothing prints on the 2nd floor, the queue shows 14 jobs.",
              "We restarted the spooler; jobs are printing again.",
              "Spooler restarted"),
          new Topic(
              "Delivery arrived incomplete",
              "One of the three boxes is missing.",
              "The third box was shipped separately and arrives tomorrow.",
              "Third box delivered"),
          new Topic(
              "Request for a second user account",
              "Our new colleague needs access from Monday.",
              "The account is set up; the invitation went to the colleague.",
              "Account created"),
          new Topic(
              "Web shop shows the wrong prices",
              "Prices in the basket differ from the product page.",
              "A cached price list was served; the cache is cleared.",
              "Cache cleared, prices match"),
          new Topic(
              "Email to customers bounces",
              "Our newsletter bounces for half of the recipients.",
              "Your sender domain lacked an SPF entry; here is the record to add.",
              "SPF record added, mail delivered"),
          new Topic(
              "Slow network in the Lyon office",
              "File copies to HQ take minutes instead of seconds.",
              "The tunnel fell back to the backup line; it is on the main line again.",
              "Back on the main line"),
          new Topic(
              "Question about the contract renewal",
              "Does the renewal keep our current support hours?",
              "Yes, the renewal keeps the same hours and targets.",
              "Answered"));

  private List<Plan> plan(Cast cast, Instant now) {
    Random random = new Random(SEED);
    LocalDate today = LocalDate.ofInstant(now, ZONE);
    Instant cutoff = now.minus(Duration.ofMinutes(5));
    List<Plan> plans = new ArrayList<>();
    for (LocalDate day = today.minusDays(DAYS); day.isBefore(today); day = day.plusDays(1)) {
      boolean weekend = isWeekend(day);
      int count = weekend ? 1 + random.nextInt(2) : 7 + random.nextInt(6);
      for (int i = 0; i < count; i++) {
        LocalTime time =
            weekend
                ? LocalTime.of(10 + random.nextInt(6), random.nextInt(60))
                : LocalTime.of(8 + weighted(random, ARRIVALS_BY_HOUR), random.nextInt(60));
        Instant opened = day.atTime(time).atZone(ZONE).toInstant().plusSeconds(random.nextInt(60));
        Plan plan = planTicket(random, cast, opened, false);
        // Every closing lies in the past: a ticket still in the works would need its workflow.
        if (!plan.steps().getLast().at().isBefore(cutoff)) {
          plan = planTicket(random, cast, opened, true);
        }
        if (plan.steps().getLast().at().isBefore(cutoff)) {
          plans.add(plan);
        }
      }
    }
    plans.sort(Comparator.comparing(Plan::openedAt));
    return plans;
  }

  /**
   * What happens to a ticket opened at {@code opened}. A {@code quick} one is answered and closed
   * within the hour it came in: the last days' tickets whose usual course would end in the future.
   */
  private Plan planTicket(Random random, Cast cast, Instant opened, boolean quick) {
    Priority priority =
        new Priority[] {Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.URGENT}
            [weighted(random, new int[] {25, 50, 18, 7})];
    Channel channel =
        new Channel[] {Channel.EMAIL, Channel.PORTAL, Channel.PHONE, Channel.AGENT}
            [weighted(random, new int[] {50, 20, 22, 8})];
    Topic topic = TOPICS.get(random.nextInt(TOPICS.size()));
    ContactsRecord reporter = cast.customers().get(random.nextInt(cast.customers().size()));
    AgentsRecord agent = cast.agents().get(random.nextInt(cast.agents().size()));
    boolean urgent = priority == Priority.URGENT || priority == Priority.HIGH;
    // A weekend ticket is worked on by whoever is on call that day, in plain time.
    boolean onCall = isWeekend(LocalDate.ofInstant(opened, ZONE));
    BiFunction<Instant, Duration, Instant> after =
        (from, work) -> onCall ? from.plus(work) : afterWorking(from, work);
    List<Step> steps = new ArrayList<>();
    if (quick) {
      Instant assigned = opened.plus(minutes(random, 2, 10));
      Instant answered = assigned.plus(minutes(random, 5, 20));
      steps.add(new Step(assigned, Kind.ASSIGN, agent));
      steps.add(new Step(answered, Kind.REPLY, agent));
      steps.add(new Step(answered.plus(minutes(random, 5, 25)), Kind.CLOSE, agent));
      return new Plan(opened, reporter, priority, channel, topic, Resolution.SOLVED, steps);
    }
    Instant at = after.apply(opened, minutes(random, urgent ? 2 : 5, urgent ? 20 : 90));
    steps.add(new Step(at, Kind.ASSIGN, agent));
    at = after.apply(at, minutes(random, 5, urgent ? 30 : 90));
    steps.add(new Step(at, Kind.REPLY, agent));
    if (random.nextInt(100) < 30) {
      steps.add(new Step(at.plusSeconds(1), Kind.SUSPEND, agent));
      at = after.apply(at, minutes(random, 60, 8 * 60));
      steps.add(new Step(at, Kind.CUSTOMER_ANSWERS, agent));
      at = after.apply(at, minutes(random, 10, 90));
      steps.add(new Step(at, Kind.REPLY, agent));
    }
    at = after.apply(at, minutes(random, 15, urgent ? 2 * 60 : 6 * 60));
    steps.add(new Step(at, Kind.CLOSE, agent));
    Resolution resolution =
        new Resolution[] {Resolution.SOLVED, Resolution.WORKAROUND, Resolution.DUPLICATE}
            [weighted(random, new int[] {80, 15, 5})];
    return new Plan(opened, reporter, priority, channel, topic, resolution, steps);
  }

  /** The instant itself if it falls in business hours, else the next opening. */
  static Instant working(Instant instant) {
    ZonedDateTime local = instant.atZone(ZONE);
    LocalDate day = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    if (!isWeekend(day) && !time.isBefore(OPENS) && time.isBefore(CLOSES)) {
      return instant;
    }
    LocalDate next = time.isBefore(OPENS) ? day : day.plusDays(1);
    while (isWeekend(next)) {
      next = next.plusDays(1);
    }
    return next.atTime(OPENS).atZone(ZONE).toInstant();
  }

  /** {@code work} of business time after {@code from}: work left at 17:00 goes on at 09:00. */
  static Instant afterWorking(Instant from, Duration work) {
    Instant at = working(from);
    Duration left = work;
    while (true) {
      ZonedDateTime local = at.atZone(ZONE);
      Duration untilClosing = Duration.between(local.toLocalTime(), CLOSES);
      if (left.compareTo(untilClosing) < 0) {
        return at.plus(left);
      }
      left = left.minus(untilClosing);
      at = working(local.with(CLOSES).toInstant());
    }
  }

  static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static Duration minutes(Random random, int min, int max) {
    return Duration.ofMinutes(min + random.nextInt(max - min + 1)).plusSeconds(random.nextInt(60));
  }

  private static int weighted(Random random, int[] weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int pick = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      pick -= weights[i];
      if (pick < 0) {
        return i;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  // ---- writing: the ticket played through the workflow's rules ----

  private void write(Plan plan) {
    ContactsRecord reporter = plan.reporter();
    MessagesRecord description =
        new MessagesRecord()
            .setId(UUID.randomUUID())
            .setDirection("INBOUND")
            .setAuthorContactId(reporter.getId())
            .setFromAddress(reporter.getEmail())
            .setSubject(plan.topic().subject())
            .setBodyText(plan.topic().description())
            .setOccurredAt(at(plan.openedAt()));
    Actor customer = Actor.contact(reporter.getId(), reporter.getDisplayName());
    NewTicket ticket =
        plan.channel() == Channel.PORTAL
            ? NewTicket.byPortal(
                reporter, customer, plan.topic().subject(), description, "Opened in the portal")
            : NewTicket.byAgent(
                plan.channel(),
                Actor.agent(plan.steps().getFirst().agent().getId(), "Demo history"),
                reporter,
                plan.topic().subject(),
                plan.priority(),
                description,
                "Opened by "
                    + plan.channel().name().toLowerCase()
                    + " for "
                    + reporter.getDisplayName());
    var row = opening.open(ticket, plan.openedAt());
    Played played = new Played(TicketRows.toState(row, null));
    for (Step step : plan.steps()) {
      played.fireAlarmsUntil(step.at());
      AgentsRecord agent = step.agent();
      Actor actor = Actor.agent(agent.getId(), agent.getDisplayName());
      switch (step.kind()) {
        case ASSIGN ->
            played.update(
                TicketUpdateRequest.by(actor, "Taking this one")
                    .assignee(
                        AssigneeChange.to(
                            new AgentRef(agent.getId(), agent.getDisplayName(), true)))
                    .build(),
                step.at());
        case REPLY -> played.reply(actor, plan.topic().reply(), step.at());
        case SUSPEND ->
            played.update(
                TicketUpdateRequest.by(actor, "Waiting for the customer to confirm")
                    .status(TicketStatus.PENDING)
                    .pendingReason(PendingReason.CUSTOMER)
                    .pendingFor(Duration.ofDays(3))
                    .build(),
                step.at());
        case CUSTOMER_ANSWERS -> played.customerAnswers(reporter, step.at());
        case CLOSE ->
            played.update(
                TicketUpdateRequest.by(actor, plan.topic().closing())
                    .status(TicketStatus.CLOSED)
                    .resolution(plan.resolution())
                    .build(),
                step.at());
      }
    }
    // Rows of email and portal tickets are opened with an acknowledgement due; it went out then.
    tickets.writeProjection(
        TicketRows.toRow(played.state, played.lastAt).setAcknowledgementDue(false));
  }

  /** One ticket's state moved along as the workflow would move it. */
  private final class Played {
    TicketState state;
    Instant lastAt;

    Played(TicketState state) {
      this.state = state;
      this.lastAt = state.createdAt;
    }

    void fireAlarmsUntil(Instant until) {
      for (Instant due = TicketSla.nextAlarmAt(state);
          due != null && !due.isAfter(until);
          due = TicketSla.nextAlarmAt(state)) {
        for (TicketSla.DueAlarm alarm : TicketSla.dueAlarms(state, due)) {
          TicketState next = state.copy();
          TicketSla.fire(next, alarm);
          record(next, alarm.eventKind(), Actor.SYSTEM, alarm.comment(), alarm.changes(), due);
        }
      }
    }

    void update(TicketUpdateRequest request, Instant at) {
      TicketUpdatePlan plan = TicketUpdateRules.plan(state, request, at, policy);
      record(
          plan.next(),
          TicketEvent.Kind.UPDATED,
          request.actor(),
          request.comment(),
          plan.changes(),
          at);
    }

    void reply(Actor agent, String body, Instant at) {
      TicketState next = state.copy();
      List<FieldChange> changes = new ArrayList<>();
      if (next.firstResponseAt == null) {
        next.firstResponseAt = at;
        next.version = state.version + 1;
        changes.add(new FieldChange("firstResponseAt", null, at.toString()));
      }
      messages.insert(
          new MessagesRecord()
              .setId(UUID.randomUUID())
              .setTicketNumber(state.number)
              .setDirection("OUTBOUND")
              .setVisibility("PUBLIC")
              .setAuthorAgentId(agent.id())
              .setSubject("Re: " + state.subject)
              .setBodyText(body)
              .setDeliveryStatus("SENT")
              .setOccurredAt(at(at))
              .setSentAt(at(at)));
      record(next, TicketEvent.Kind.REPLIED, agent, null, changes, at);
    }

    void customerAnswers(ContactsRecord reporter, Instant at) {
      messages.insert(
          new MessagesRecord()
              .setId(UUID.randomUUID())
              .setTicketNumber(state.number)
              .setDirection("INBOUND")
              .setAuthorContactId(reporter.getId())
              .setFromAddress(reporter.getEmail())
              .setSubject("Re: " + state.subject)
              .setBodyText("Thanks, here is what you asked for.")
              .setOccurredAt(at(at)));
      TicketState next = state.copy();
      next.returnToWork();
      next.version = state.version + 1;
      record(
          next,
          TicketEvent.Kind.RESUMED_BY_CUSTOMER,
          Actor.contact(reporter.getId(), reporter.getDisplayName()),
          null,
          TicketUpdateRules.diff(state, next),
          at);
    }

    private void record(
        TicketState next,
        TicketEvent.Kind kind,
        Actor actor,
        String comment,
        List<FieldChange> changes,
        Instant at) {
      TicketSla.follow(state, next, policy.sla(), at);
      events.insertIfAbsent(
          new TicketEventsRecord()
              .setId(UUID.randomUUID())
              .setTicketNumber(next.number)
              .setTicketVersion(next.version)
              .setKind(kind.name())
              .setActorKind(actor.kind().name())
              .setActorId(actor.id())
              .setActorName(actor.name())
              .setComment(comment)
              .setChanges(JSONB.valueOf(json.writeValueAsString(changes)))
              .setOccurredAt(at(at)));
      state = next;
      lastAt = at;
    }
  }
}
