package dev.tempodesk.workflows.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Tickets and requests for workflow tests. */
final class TicketFixtures {
  static final Actor ALICE_ACTOR = Actor.agent(1, "Alice Agent");
  static final AgentRef ALICE = new AgentRef(1, "Alice Agent", true);
  static final AgentRef BOB = new AgentRef(2, "Bob Agent", true);
  static final AgentRef RETIRED = new AgentRef(3, "Rita Retired", false);
  static final Actor CUSTOMER = Actor.contact(10, "Carla Customer");

  private TicketFixtures() {}

  static TicketState newTicket(long number, Instant createdAt) {
    TicketState ticket = new TicketState();
    ticket.number = number;
    ticket.subject = "VPN drops every hour";
    ticket.status = TicketStatus.NEW;
    ticket.priority = Priority.NORMAL;
    ticket.reporterId = 10;
    ticket.channel = Channel.EMAIL;
    ticket.createdAt = createdAt;
    return ticket;
  }

  static Request change(String comment) {
    return new Request(comment);
  }

  /** A small builder, so each test names only the fields it changes. */
  static final class Request {
    private final String comment;
    private Long expectedVersion;
    private TicketStatus status;
    private Priority priority;
    private AssigneeChange assignee;
    private PendingReason pendingReason;
    private Duration pendingFor;
    private Resolution resolution;
    private TagChange tags;
    private GroupRef group;

    private Request(String comment) {
      this.comment = comment;
    }

    Request expectedVersion(long version) {
      this.expectedVersion = version;
      return this;
    }

    Request status(TicketStatus status) {
      this.status = status;
      return this;
    }

    Request priority(Priority priority) {
      this.priority = priority;
      return this;
    }

    Request assign(AgentRef agent) {
      this.assignee = AssigneeChange.to(agent);
      return this;
    }

    Request unassign() {
      this.assignee = AssigneeChange.unassign();
      return this;
    }

    Request pending(PendingReason reason, Duration duration) {
      this.status = TicketStatus.PENDING;
      this.pendingReason = reason;
      this.pendingFor = duration;
      return this;
    }

    Request pendingReason(PendingReason reason) {
      this.pendingReason = reason;
      return this;
    }

    Request pendingFor(Duration duration) {
      this.pendingFor = duration;
      return this;
    }

    Request resolution(Resolution resolution) {
      this.resolution = resolution;
      return this;
    }

    Request setTags(String... tags) {
      this.tags = new TagChange(List.of(tags), null, null);
      return this;
    }

    Request addTags(String... tags) {
      this.tags = new TagChange(null, List.of(tags), null);
      return this;
    }

    Request removeTags(String... tags) {
      this.tags = new TagChange(null, null, List.of(tags));
      return this;
    }

    Request tags(TagChange tags) {
      this.tags = tags;
      return this;
    }

    Request group(GroupRef group) {
      this.group = group;
      return this;
    }

    TicketUpdateRequest build() {
      return TicketUpdateRequest.by(ALICE_ACTOR, comment)
          .expectedVersion(expectedVersion)
          .status(status)
          .priority(priority)
          .assignee(assignee)
          .pendingReason(pendingReason)
          .pendingFor(pendingFor)
          .resolution(resolution)
          .tags(tags)
          .group(group)
          .build();
    }
  }
}
