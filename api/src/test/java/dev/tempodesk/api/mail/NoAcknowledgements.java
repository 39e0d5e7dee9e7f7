package dev.tempodesk.api.mail;

import dev.tempodesk.workflows.ticket.DeliveryOutcome;
import dev.tempodesk.workflows.ticket.FailedDelivery;
import dev.tempodesk.workflows.ticket.OutboundMailActivities;
import dev.tempodesk.workflows.ticket.OutboundMessage;
import dev.tempodesk.workflows.ticket.OutboundRef;
import java.util.List;

/**
 * The real outbound activities except that a new ticket queues no acknowledgement: for ingest runs
 * (the no-loss test, bench B1), where its send and the copy the sync would list again are extra
 * load, not what is measured.
 */
public final class NoAcknowledgements implements OutboundMailActivities {
  private final OutboundMailActivities real;

  public NoAcknowledgements(OutboundMailActivities real) {
    this.real = real;
  }

  @Override
  public void store(OutboundMessage message) {
    real.store(message);
  }

  @Override
  public List<String> prepareOutbox(OutboundRef ticket) {
    return List.of();
  }

  @Override
  public DeliveryOutcome deliver(OutboundRef message) {
    return real.deliver(message);
  }

  @Override
  public void giveUp(FailedDelivery failure) {
    real.giveUp(failure);
  }

  @Override
  public boolean requeue(OutboundRef message) {
    return real.requeue(message);
  }
}
