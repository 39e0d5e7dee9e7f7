package dev.tempodesk.api.assignment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Auto-assignment settings ({@code tempodesk.assignment.*}).
 *
 * @param enabled whether NEW tickets are assigned automatically; off, tickets wait for a manager
 * @param safetyNet longest pause between two assignment passes when nothing wakes the assigner
 * @param passesBeforeContinueAsNew how many passes one assigner run makes before it continues as
 *     new (bounds its history)
 */
@ConfigurationProperties("tempodesk.assignment")
public record AssignmentProperties(
    Boolean enabled, Duration safetyNet, Integer passesBeforeContinueAsNew) {

  public AssignmentProperties {
    enabled = enabled == null || enabled;
    safetyNet = safetyNet == null ? Duration.ofSeconds(30) : safetyNet;
    passesBeforeContinueAsNew = passesBeforeContinueAsNew == null ? 500 : passesBeforeContinueAsNew;
  }
}
