package dev.tempodesk.api.assist;

import dev.tempodesk.activities.assist.AssistAnswer;
import dev.tempodesk.activities.assist.AssistFailure;
import dev.tempodesk.activities.assist.AssistModel;
import dev.tempodesk.activities.assist.AssistPrompt;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.api.ticket.VisibleTickets;
import dev.tempodesk.db.assist.AssistRepository;
import dev.tempodesk.db.group.GroupRepository;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.AssistResultsRecord;
import dev.tempodesk.db.jooq.tables.records.GroupsRecord;
import dev.tempodesk.db.macro.MacroRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.ticket.SimilarTicketRepository;
import dev.tempodesk.workflows.assist.AssistActivities;
import dev.tempodesk.workflows.assist.AssistKind;
import dev.tempodesk.workflows.assist.AssistOutcome;
import dev.tempodesk.workflows.assist.AssistRequest;
import io.temporal.failure.ApplicationFailure;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The model call of assist, in an activity: reads the ticket ({@link TicketContexts}), builds the
 * prompt ({@link AssistPrompts}), asks the model, checks the answer and stores it in V54 with the
 * model's name and time. A failed call becomes an {@code ApplicationFailure} typed by its kind, so
 * the workflow's retry policy can tell a busy provider from a refusal.
 */
@Component("assistActivities")
public class AssistActivitiesImpl implements AssistActivities {
  /**
   * A thread this long (public messages) gets its summary refreshed when a message arrives; a
   * shorter one is read in a glance and only summarised when an agent asks.
   */
  public static final int REFRESH_FROM_MESSAGES = 6;

  static final int SUMMARY_CHARS = 2_000;
  static final int PAST_REPLIES = 3;
  static final int DRAFT_CHARS = 10_000;

  private final AssistSwitch assist;
  private final AssistRepository results;
  private final TicketContexts contexts;
  private final MacroRepository macros;
  private final GroupRepository groups;
  private final AssistTriage triage;
  private final SimilarTicketRepository similar;
  private final AgentRepository agents;
  private final VisibleTickets visible;

  AssistActivitiesImpl(
      AssistSwitch assist,
      AssistRepository results,
      TicketContexts contexts,
      MacroRepository macros,
      GroupRepository groups,
      AssistTriage triage,
      SimilarTicketRepository similar,
      AgentRepository agents,
      VisibleTickets visible) {
    this.similar = similar;
    this.agents = agents;
    this.visible = visible;
    this.assist = assist;
    this.results = results;
    this.contexts = contexts;
    this.macros = macros;
    this.groups = groups;
    this.triage = triage;
  }

  @Override
  public Long suggest(AssistRequest request) {
    if (!assist.on()) {
      throw ApplicationFailure.newNonRetryableFailure("Assist is off.", AssistOutcome.OFF);
    }
    AssistModel model = assist.provider().model().orElseThrow();
    long number = request.ticketNumber();
    TicketContext ticket =
        contexts
            .read(number)
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "Ticket #" + number + " does not exist.", "NOT_FOUND"));
    if (request.automatic() && !needed(request.kind(), ticket)) {
      return null;
    }
    Map<String, TriageSuggestion.Group> groupsByName = new LinkedHashMap<>();
    AssistPrompt prompt =
        switch (request.kind()) {
          case SUMMARY -> AssistPrompts.summary(ticket);
          case DRAFT ->
              AssistPrompts.draft(
                  ticket,
                  macrosOf(request.requestedBy()),
                  pastReplies(request.requestedBy(), number));
          case TRIAGE -> {
            for (GroupsRecord group : groups.listAll()) {
              groupsByName.put(
                  group.getName().toLowerCase(Locale.ROOT),
                  new TriageSuggestion.Group(group.getId(), group.getName()));
            }
            yield AssistPrompts.triage(
                ticket, groupsByName.values().stream().map(TriageSuggestion.Group::name).toList());
          }
        };
    AssistAnswer answer = ask(model, prompt);
    String content =
        switch (request.kind()) {
          case SUMMARY -> AssistResultDto.textJson(text(answer, SUMMARY_CHARS));
          case DRAFT -> AssistResultDto.textJson(text(answer, DRAFT_CHARS));
          case TRIAGE -> {
            try {
              yield TriageSuggestion.parse(answer.content(), groupsByName).toJson();
            } catch (TriageSuggestion.Unusable unusable) {
              throw ApplicationFailure.newFailure(unusable.getMessage(), "MALFORMED");
            }
          }
        };
    AssistResultsRecord stored =
        results.save(
            number,
            request.kind().name(),
            content,
            answer.model(),
            answer.answeredAt().atOffset(ZoneOffset.UTC),
            ticket.publicMessages(),
            request.requestedBy());
    return stored.getId();
  }

  /**
   * Whether an automatic request has work: a summary of a long thread that grew since the last one,
   * a triage of a ticket that has none yet (every replica hears of a new ticket).
   */
  private boolean needed(AssistKind kind, TicketContext ticket) {
    return switch (kind) {
      case SUMMARY ->
          ticket.publicMessages() >= REFRESH_FROM_MESSAGES
              && results
                  .latest(ticket.number(), kind.name())
                  .map(last -> last.getMessagesCovered() < ticket.publicMessages())
                  .orElse(true);
      case TRIAGE -> results.latest(ticket.number(), kind.name()).isEmpty();
      case DRAFT -> false;
    };
  }

  private List<AssistPrompts.Macro> macrosOf(Long agentId) {
    if (agentId == null) {
      return List.of();
    }
    return macros.visibleTo(agentId).stream()
        .filter(macro -> macro.getReplyText() != null && !macro.getReplyText().isBlank())
        .map(macro -> new AssistPrompts.Macro(macro.getName(), macro.getReplyText()))
        .toList();
  }

  /**
   * How the team answered solved tickets like this one that the asking agent may see (h-similar's
   * search, one home): "subject: the reply that solved it", at most {@link #PAST_REPLIES}.
   */
  private List<String> pastReplies(Long agentId, long number) {
    if (agentId == null) {
      return List.of();
    }
    Optional<AgentsRecord> agent = agents.find(agentId);
    if (agent.isEmpty()) {
      return List.of();
    }
    SignedInUser user = SignedInUser.agent(agent.get());
    return similar.similarTo(number, visible.access(user), PAST_REPLIES * 2).stream()
        .filter(found -> found.reply() != null && found.reply().text() != null)
        .limit(PAST_REPLIES)
        .map(found -> found.subject() + ": " + found.reply().text())
        .toList();
  }

  private static AssistAnswer ask(AssistModel model, AssistPrompt prompt) {
    try {
      return model.complete(prompt);
    } catch (AssistFailure failure) {
      String kind = failure.kind().name();
      if (!failure.kind().retryable()) {
        throw ApplicationFailure.newFailure(failure.getMessage(), kind);
      }
      if (failure.retryAfter().isPresent()) {
        // The provider's Retry-After (or the budget's refill) sets the pause before the next try.
        throw ApplicationFailure.newFailureWithCauseAndDelay(
            failure.getMessage(), kind, null, failure.retryAfter().get());
      }
      throw ApplicationFailure.newFailure(failure.getMessage(), kind);
    }
  }

  private static String text(AssistAnswer answer, int chars) {
    String text = answer.content().strip();
    if (text.isEmpty()) {
      throw ApplicationFailure.newFailure("The model answered with no text.", "MALFORMED");
    }
    return AssistPrompts.cut(text, chars);
  }

  @Override
  public boolean autoApply(long resultId) {
    if (!assist.on() || !assist.settings().getAutoApplyTriage()) {
      return false;
    }
    AssistResultsRecord result = results.find(resultId).orElseThrow();
    if (result.getAppliedAt() != null) {
      return true; // an earlier attempt applied it
    }
    try {
      return triage.apply(result, null, AssistTriage.ASSIST).isPresent();
    } catch (FieldException refused) {
      // The ticket's rules refuse it now (closed meanwhile, say): left as a suggestion.
      return false;
    }
  }
}
