package dev.tempodesk.workflows.ticket;

import static dev.tempodesk.workflows.ticket.TicketFixtures.change;
import static dev.tempodesk.workflows.ticket.TicketWorkflowHarness.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tags through the workflow's Temporal Update: set, add, remove, normalize, refuse, audit. */
class TicketTagsWorkflowTest {
  private final TicketWorkflowHarness harness = new TicketWorkflowHarness();
  private long nextNumber = 4001;

  @AfterEach
  void stopServer() {
    harness.close();
  }

  @Test
  void shouldSetAddAndRemoveTagsAndAuditEachChange() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);

    TicketUpdateResult set = ticket.update(change("triage").setTags("vpn", "billing").build());
    TicketUpdateResult added = ticket.update(change("big customer").addTags("vip").build());
    TicketUpdateResult removed = ticket.update(change("not billing").removeTags("billing").build());

    assertThat(set.ticket().tags).containsExactly("billing", "vpn");
    assertThat(set.changes()).containsExactly(new FieldChange("tags", null, "billing, vpn"));
    assertThat(added.changes())
        .containsExactly(new FieldChange("tags", "billing, vpn", "billing, vip, vpn"));
    assertThat(removed.changes())
        .containsExactly(new FieldChange("tags", "billing, vip, vpn", "vip, vpn"));
    assertThat(ticket.current().tags).containsExactly("vip", "vpn");
    assertThat(ticket.current().version).isEqualTo(4);
    // Each change is written with its audit event, the row's state carrying the tags.
    assertThat(harness.store.changes()).hasSize(3);
    TicketChangeRecord last = harness.store.last();
    assertThat(last.ticket().tags).containsExactly("vip", "vpn");
    assertThat(last.event().kind()).isEqualTo(TicketEvent.Kind.UPDATED);
    assertThat(last.event().comment()).isEqualTo("not billing");
    assertThat(last.event().changes())
        .containsExactly(new FieldChange("tags", "billing, vip, vpn", "vip, vpn"));
  }

  @Test
  void shouldApplySetThenAddThenRemoveInOneUpdate() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);
    ticket.update(change("first").setTags("old").build());

    TicketUpdateResult result =
        ticket.update(
            change("all at once")
                .tags(new TagChange(List.of("a", "b"), List.of("c", "b"), List.of("a", "old")))
                .build());

    assertThat(result.ticket().tags).containsExactly("b", "c");
  }

  @Test
  void shouldNormalizeTagsLowerCaseTrimmedAndHyphenated() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);

    TicketUpdateResult result =
        ticket.update(
            change("typed by hand")
                .setTags("  Billing  Issue ", "VIP", "vip", "Straße\tNord", "ÉTÉ")
                .build());

    assertThat(result.ticket().tags)
        .containsExactly("billing-issue", "straße-nord", "vip", "été")
        .isSorted();
    // Removing uses the same rules: " BILLING issue" is the stored "billing-issue".
    TicketUpdateResult removed =
        ticket.update(change("wrong").removeTags(" BILLING issue").build());
    assertThat(removed.ticket().tags).containsExactly("straße-nord", "vip", "été");
  }

  @Test
  void shouldTreatAChangeThatLeavesTheTagsAsTheyWereAsNoChange() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);
    ticket.update(change("tag it").setTags("vpn").build());
    long version = ticket.current().version;

    TicketUpdateResult again = ticket.update(change("again").addTags(" VPN ").build());
    TicketUpdateResult absent = ticket.update(change("gone?").removeTags("never-there").build());

    assertThat(again.changes()).isEmpty();
    assertThat(absent.changes()).isEmpty();
    assertThat(ticket.current().version).isEqualTo(version);
    assertThat(ticket.current().tags).containsExactly("vpn");
  }

  @Test
  void shouldClearAllTagsWithAnEmptySet() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);
    ticket.update(change("tag it").setTags("vpn", "vip").build());

    TicketUpdateResult cleared = ticket.update(change("clear").setTags().build());

    assertThat(cleared.ticket().tags).isEmpty();
    assertThat(cleared.changes()).containsExactly(new FieldChange("tags", "vip, vpn", null));
  }

  @Test
  void shouldKeepTagsThroughOtherChangesAndTimers() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);
    ticket.update(change("tag it").setTags("vpn").build());

    ticket.update(change("ask").pending(PendingReason.CUSTOMER, Duration.ofHours(1)).build());
    harness.sleep(Duration.ofHours(2));

    assertThat(ticket.current().tags).containsExactly("vpn");
    assertThat(harness.store.last().event().kind()).isEqualTo(TicketEvent.Kind.PENDING_EXPIRED);
    assertThat(harness.store.last().event().changes())
        .extracting(FieldChange::field)
        .doesNotContain("tags");
  }

  static Stream<Arguments> unusableTags() {
    String fiftyOne = "x".repeat(51);
    return Stream.of(
        Arguments.of("blank tag", change("t").setTags("vpn", "  "), "tags"),
        Arguments.of("comma", change("t").setTags("vpn, vip"), "tags"),
        Arguments.of("too long", change("t").addTags(fiftyOne), "addTags"),
        Arguments.of("control character", change("t").addTags("bell\u0007"), "addTags"),
        Arguments.of("blank to remove", change("t").removeTags(""), "removeTags"),
        Arguments.of(
            "null in the list", change("t").tags(new TagChange(null, nulls(), null)), "addTags"));
  }

  @ParameterizedTest(name = "{0} is refused naming {2}")
  @MethodSource("unusableTags")
  void shouldRefuseUnusableTagsNamingTheFieldAndWriteNothing(
      String why, TicketFixtures.Request request, String field) {
    TicketWorkflow ticket = harness.startNew(nextNumber++);

    TicketRuleViolation violation = rejectionOf(ticket, request.build());

    assertThat(violation.failure()).isEqualTo(TicketFailure.INVALID_FIELD);
    assertThat(violation.field()).isEqualTo(field);
    assertThat(harness.store.changes()).isEmpty();
    assertThat(ticket.current().tags).isEmpty();
  }

  @Test
  void shouldAcceptFiftyCharactersAndRefuseMoreThanThirtyTags() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);
    List<String> thirty = new ArrayList<>();
    for (int i = 0; i < Tags.MAX_PER_TICKET; i++) {
      thirty.add("t" + i);
    }
    ticket.update(
        change("many").tags(new TagChange(thirty, List.of("y".repeat(50)), List.of("t0"))).build());
    assertThat(ticket.current().tags).hasSize(30).contains("y".repeat(50));

    TicketRuleViolation violation = rejectionOf(ticket, change("one more").addTags("t31").build());

    assertThat(violation.field()).isEqualTo("addTags");
    assertThat(violation.text()).contains("30 tags at most");
    assertThat(ticket.current().tags).hasSize(30);
  }

  private static List<String> nulls() {
    List<String> list = new ArrayList<>();
    list.add(null);
    return list;
  }
}
