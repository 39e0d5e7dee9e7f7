package dev.tempodesk.api.config;

import dev.tempodesk.workflows.ticket.TicketSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.testing.TestWorkflowEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers the ticket workflow's search attributes before the workers start (they start on
 * ApplicationReadyEvent, which follows this one): a ticket run that sets an unknown attribute fails
 * its workflow tasks. Already registered attributes are fine. A server that refuses (e.g. no
 * operator rights) gets a warning naming the CLI command instead.
 */
@Component
public class SearchAttributeRegistration {
  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistration.class);

  private final ObjectProvider<TestWorkflowEnvironment> testEnvironment;
  private final WorkflowServiceStubs service;
  private final String namespace;

  SearchAttributeRegistration(
      ObjectProvider<TestWorkflowEnvironment> testEnvironment,
      WorkflowServiceStubs service,
      io.temporal.client.WorkflowClient client) {
    this.testEnvironment = testEnvironment;
    this.service = service;
    this.namespace = client.getOptions().getNamespace();
  }

  @EventListener(ApplicationStartedEvent.class)
  void register() {
    TestWorkflowEnvironment test = testEnvironment.getIfAvailable();
    if (test != null) {
      TicketSearchAttributes.TYPES.forEach(test::registerSearchAttribute);
      return;
    }
    try {
      register(service, namespace);
    } catch (StatusRuntimeException e) {
      log.warn(
          "Could not register search attributes {} in namespace {} ({}). Register them with"
              + " `temporal operator search-attribute create`, or ticket workflows will stall.",
          TicketSearchAttributes.TYPES.keySet(),
          namespace,
          e.getStatus());
    }
  }

  /**
   * Adds the ticket workflow's search attributes to {@code namespace} over the operator service;
   * attributes that exist already are fine.
   *
   * @throws StatusRuntimeException if the server refuses
   */
  public static void register(WorkflowServiceStubs service, String namespace) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(service.getRawChannel())
                .validateAndBuildWithDefaults());
    try {
      operator
          .blockingStub()
          .addSearchAttributes(
              AddSearchAttributesRequest.newBuilder()
                  .setNamespace(namespace)
                  .putAllSearchAttributes(TicketSearchAttributes.TYPES)
                  .build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    } finally {
      operator.shutdown();
    }
  }
}
