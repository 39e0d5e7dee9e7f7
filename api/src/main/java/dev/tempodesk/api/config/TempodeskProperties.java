package dev.tempodesk.api.config;

import dev.tempodesk.workflows.ticket.TicketPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tempodesk's own settings ({@code tempodesk.*} in application.yaml).
 *
 * @param taskQueue the Temporal task queue of every workflow and activity
 * @param reopenWindow how long a customer message reopens a CLOSED ticket
 * @param maxPending the longest suspension an agent may set
 * @param demo whether to seed demo data into an empty database (embedded mode)
 */
@ConfigurationProperties("tempodesk")
public record TempodeskProperties(
    String taskQueue, Duration reopenWindow, Duration maxPending, boolean demo) {

  public TempodeskProperties {
    taskQueue = taskQueue == null ? "tempodesk" : taskQueue;
    reopenWindow = reopenWindow == null ? Duration.ofDays(7) : reopenWindow;
    maxPending = maxPending == null ? Duration.ofDays(30) : maxPending;
  }

  public TicketPolicy ticketPolicy() {
    return new TicketPolicy(reopenWindow, maxPending, 0);
  }
}
