package dev.tempodesk.api.config;

import dev.tempodesk.activities.assignment.AssignerWakeUp;
import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.workflows.ticket.SlaPolicy;
import io.temporal.client.WorkflowClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WorkflowConfig {
  @Bean
  TicketWorkflowGateway ticketWorkflowGateway(
      WorkflowClient client, TempodeskProperties properties, AssignerWakeUp assigner) {
    return new TicketWorkflowGateway(
        client, properties.taskQueue(), properties.ticketPolicy(), assigner);
  }

  @Bean
  SlaPolicy slaPolicy(TempodeskProperties properties) {
    return properties.sla();
  }
}
