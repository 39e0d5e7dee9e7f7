package dev.tempodesk.api.config;

import dev.tempodesk.activities.assignment.AssignerWakeUp;
import dev.tempodesk.activities.ticket.AssigneeNames;
import dev.tempodesk.activities.ticket.GroupNames;
import dev.tempodesk.activities.ticket.ReporterEmails;
import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.workflows.ticket.SlaPolicy;
import io.temporal.client.WorkflowClient;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WorkflowConfig {
  @Bean
  TicketWorkflowGateway ticketWorkflowGateway(
      WorkflowClient client,
      TempodeskProperties properties,
      AssignerWakeUp assigner,
      ContactRepository contacts,
      AgentRepository agents,
      DSLContext dsl) {
    return new TicketWorkflowGateway(
        client,
        properties.taskQueue(),
        properties.ticketPolicy(),
        assigner,
        ReporterEmails.from(contacts),
        AssigneeNames.from(agents),
        GroupNames.from(dsl));
  }

  @Bean
  SlaPolicy slaPolicy(TempodeskProperties properties) {
    return properties.sla();
  }
}
