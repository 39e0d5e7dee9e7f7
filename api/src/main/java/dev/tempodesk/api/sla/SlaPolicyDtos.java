package dev.tempodesk.api.sla;

import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.SlaMetric;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The JSON of {@code /api/sla-policies}. */
final class SlaPolicyDtos {
  private SlaPolicyDtos() {}

  @Schema(
      description =
          "An SLA policy as written; every rule is checked on the server and a refusal (422) names"
              + " the field, e.g. targets.HIGH.FIRST_RESPONSE")
  record PolicyRequest(
      @Schema(example = "Enterprise customers") String name,
      @Schema(
              description =
                  "Where to put a new policy in the order (1 = first; default 1, the later ones"
                      + " move down). Ignored when replacing: use PUT /api/sla-policies/order.")
          Integer position,
      @Schema(description = "Business calendar the targets count in; default the built-in 24×7")
          Long calendarId,
      ConditionsRequest conditions,
      @Schema(
              description =
                  "Targets per priority (LOW … URGENT) and metric (TIME_TO_ASSIGN,"
                      + " FIRST_RESPONSE, NEXT_REPLY, RESOLUTION) as ISO-8601 durations, each"
                      + " optional, longer than zero and at most P366D",
              example = "{\"HIGH\": {\"FIRST_RESPONSE\": \"PT1H\", \"RESOLUTION\": \"PT8H\"}}")
          Map<String, Map<String, String>> targets,
      @Schema(
              description =
                  "Per metric, the pending reasons (CUSTOMER, THIRD_PARTY, CHANGE, CLOSE) that"
                      + " pause it; a metric left out is paused by every reason, an empty list by"
                      + " none",
              example = "{\"RESOLUTION\": [\"CUSTOMER\"]}")
          Map<String, List<String>> pauses) {}

  @Schema(
      description =
          "What a ticket must have for the policy to apply; a list left out or empty asks nothing,"
              + " every list given must hold; no conditions at all matches every ticket")
  record ConditionsRequest(
      List<Long> organizationIds,
      @Schema(example = "[\"HIGH\", \"URGENT\"]") List<String> priorities,
      @Schema(example = "[\"EMAIL\"]") List<String> channels,
      List<Long> mailboxIds) {}

  record ConditionsDto(
      List<Long> organizationIds,
      List<Priority> priorities,
      List<Channel> channels,
      List<Long> mailboxIds) {}

  @Schema(description = "An SLA policy; the first by position whose conditions a ticket meets")
  record PolicyDto(
      long id,
      String name,
      int position,
      long calendarId,
      ConditionsDto conditions,
      Map<Priority, Map<SlaMetric, String>> targets,
      Map<SlaMetric, List<PendingReason>> pauses,
      @Schema(
              description =
                  "True for the seeded Default while no admin has edited it: its targets are the"
                      + " configured ones (tempodesk.sla.*), written at every start. Editing it"
                      + " makes it an ordinary policy.")
          boolean followsConfiguration,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  @Schema(description = "Every policy's id, once each, in the order they should be tried")
  record OrderRequest(List<Long> ids) {}
}
