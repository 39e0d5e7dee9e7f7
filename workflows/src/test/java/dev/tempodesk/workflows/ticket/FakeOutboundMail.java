package dev.tempodesk.workflows.ticket;

import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory outbound mail store and sender, as the Postgres one behaves: acknowledgements are
 * queued once per ticket (while {@link #acknowledgementDue} says so), sends can be made to fail.
 */
class FakeOutboundMail implements OutboundMailActivities {
  final Set<Long> acknowledgementDue = ConcurrentHashMap.newKeySet();
  private final Map<String, OutboundMessage> stored = new LinkedHashMap<>();
  private final Map<String, String> status = new HashMap<>();
  private final List<String> sendAttempts = new ArrayList<>();
  private final Map<String, String> failures = new HashMap<>();
  private int transientFailuresLeft;
  private boolean refuseAll;

  synchronized void failNextSends(int n) {
    transientFailuresLeft = n;
  }

  synchronized void refuseEverySend() {
    refuseAll = true;
  }

  synchronized void allowSends() {
    refuseAll = false;
    transientFailuresLeft = 0;
  }

  @Override
  public synchronized void store(OutboundMessage message) {
    if (stored.putIfAbsent(message.messageId(), message) == null
        && message.kind() == OutboundMessage.Kind.REPLY) {
      status.put(message.messageId(), "QUEUED");
    }
  }

  @Override
  public synchronized List<String> prepareOutbox(OutboundRef ticket) {
    if (acknowledgementDue.remove(ticket.ticketNumber())) {
      status.put("ack-" + ticket.ticketNumber(), "QUEUED");
    }
    return status.entrySet().stream()
        .filter(e -> e.getValue().equals("QUEUED"))
        .map(Map.Entry::getKey)
        .toList();
  }

  @Override
  public synchronized DeliveryOutcome deliver(OutboundRef message) {
    sendAttempts.add(message.messageId());
    if (!"QUEUED".equals(status.get(message.messageId()))) {
      return new DeliveryOutcome(message.messageId(), DeliveryOutcome.Status.SENT, null);
    }
    if (refuseAll || transientFailuresLeft > 0) {
      transientFailuresLeft--;
      throw ApplicationFailure.newFailure("Nylas HTTP 503", "NylasSendUnavailable");
    }
    status.put(message.messageId(), "SENT");
    return new DeliveryOutcome(message.messageId(), DeliveryOutcome.Status.SENT, null);
  }

  @Override
  public synchronized void giveUp(FailedDelivery failure) {
    status.put(failure.messageId(), "FAILED");
    failures.put(failure.messageId(), failure.error());
  }

  @Override
  public synchronized boolean requeue(OutboundRef message) {
    return status.replace(message.messageId(), "FAILED", "QUEUED");
  }

  synchronized String status(String messageId) {
    return status.get(messageId);
  }

  synchronized String failure(String messageId) {
    return failures.get(messageId);
  }

  synchronized List<String> sendAttempts() {
    return List.copyOf(sendAttempts);
  }

  synchronized OutboundMessage stored(String messageId) {
    return stored.get(messageId);
  }
}
