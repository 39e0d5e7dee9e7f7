package dev.tempodesk.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The named builder makes the same payload, on the wire, as the records in recorded histories. */
class TicketUpdateRequestTest {
  // An update's argument as recorded in histories/ticket-lifecycle-v4.json.
  private static final String RECORDED =
      "{\"actor\":{\"kind\":\"AGENT\",\"id\":1,\"name\":\"Alice Agent\"},\"comment\":\"yours\","
          + "\"expectedVersion\":null,\"status\":null,\"priority\":null,"
          + "\"assignee\":{\"agent\":{\"id\":1,\"displayName\":\"Alice Agent\",\"active\":true}},"
          + "\"pendingReason\":null,\"pendingFor\":null,\"resolution\":null}";

  @Test
  void shouldWriteTheJsonRecordedInHistories() {
    TicketUpdateRequest built =
        TicketUpdateRequest.by(Actor.agent(1, "Alice Agent"), "yours")
            .assignee(AssigneeChange.to(new AgentRef(1, "Alice Agent", true)))
            .build();

    Optional<Payload> payload = DefaultDataConverter.newDefaultInstance().toPayload(built);

    assertThat(payload.orElseThrow().getData().toString(StandardCharsets.UTF_8))
        .isEqualTo(RECORDED);
  }

  @Test
  void shouldReadTheRecordedJsonIntoTheSameRequest() {
    Payload recorded =
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
            .setData(ByteString.copyFromUtf8(RECORDED))
            .build();

    TicketUpdateRequest read =
        DefaultDataConverter.newDefaultInstance()
            .fromPayload(recorded, TicketUpdateRequest.class, TicketUpdateRequest.class);

    assertThat(read)
        .isEqualTo(
            TicketUpdateRequest.by(Actor.agent(1, "Alice Agent"), "yours")
                .assignee(AssigneeChange.to(new AgentRef(1, "Alice Agent", true)))
                .build());
  }

  @Test
  void shouldSetEachNamedFieldAndLeaveTheOthersNull() {
    TicketUpdateRequest request =
        TicketUpdateRequest.by(Actor.SYSTEM, "c")
            .expectedVersion(7L)
            .status(TicketStatus.PENDING)
            .priority(Priority.HIGH)
            .assignee(AssigneeChange.unassign())
            .pendingReason(PendingReason.CUSTOMER)
            .pendingFor(Duration.ofHours(4))
            .resolution(Resolution.WORKAROUND)
            .tags(new TagChange(null, List.of("vpn"), null))
            .build();

    assertThat(request)
        .isEqualTo(
            new TicketUpdateRequest(
                Actor.SYSTEM,
                "c",
                7L,
                TicketStatus.PENDING,
                Priority.HIGH,
                AssigneeChange.unassign(),
                PendingReason.CUSTOMER,
                Duration.ofHours(4),
                Resolution.WORKAROUND,
                new TagChange(null, List.of("vpn"), null)));
    assertThat(TicketUpdateRequest.by(Actor.SYSTEM, "c").build())
        .isEqualTo(
            new TicketUpdateRequest(
                Actor.SYSTEM, "c", null, null, null, null, null, null, null, null));
  }
}
