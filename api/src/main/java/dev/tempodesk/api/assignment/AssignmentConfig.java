package dev.tempodesk.api.assignment;

import dev.tempodesk.activities.assignment.AssignerWakeUp;
import io.temporal.client.WorkflowClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(AssignmentProperties.class)
class AssignmentConfig {

  /** Ticket changes wake the assigner only when auto-assignment is on. */
  @Bean
  AssignerWakeUp assignerWakeUp(WorkflowClient client, AssignmentProperties properties) {
    return properties.enabled() ? new AssignerWakeUp(client) : AssignerWakeUp.none();
  }
}
