package dev.tempodesk.api.people;

import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.db.jooq.tables.records.ContactMergesRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.ContactMergeRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.workflows.contact.ContactMergeInput;
import dev.tempodesk.workflows.contact.ContactMergeWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Starts contact merges (one {@link ContactMergeWorkflow} per pair) and reads their progress. Two
 * contacts of different organizations may be merged (the survivor keeps its own organization).
 */
@Service
class ContactMerges {
  private final ContactRepository contacts;
  private final ContactMergeRepository merges;
  private final WorkflowClient client;
  private final String taskQueue;

  ContactMerges(
      ContactRepository contacts,
      ContactMergeRepository merges,
      WorkflowClient client,
      TempodeskProperties properties) {
    this.contacts = contacts;
    this.merges = merges;
    this.client = client;
    this.taskQueue = properties.taskQueue();
  }

  /**
   * Merges contact {@code otherId} into {@code survivor}. Asking again for a merge that ended
   * INCOMPLETE runs it again; asking again for one RUNNING or DONE answers it as it is.
   */
  ContactMergeDto start(ContactsRecord survivor, Long otherId, SignedInUser user) {
    if (otherId == null) {
      throw FieldException.invalid("contactId", "Name the contact to merge into this one.");
    }
    if (otherId.equals(survivor.getId())) {
      throw FieldException.invalid("contactId", "A contact cannot be merged into itself.");
    }
    ContactsRecord other =
        contacts
            .find(otherId)
            .orElseThrow(
                () -> FieldException.invalid("contactId", "There is no contact #" + otherId + "."));
    Optional<ContactMergesRecord> earlier = merges.findByMerged(otherId);
    if (earlier.isEmpty()) {
      String comment =
          "Merged contact %s <%s> into %s <%s>"
              .formatted(
                  other.getDisplayName(),
                  other.getEmail(),
                  survivor.getDisplayName(),
                  survivor.getEmail());
      try {
        merges.insert(survivor.getId(), otherId, user.id(), comment);
      } catch (DuplicateKeyException sameMergeAtOnce) {
        // the other request's merge is the one
      }
      earlier = merges.findByMerged(otherId);
    }
    ContactMergesRecord merge = earlier.orElseThrow();
    if (!merge.getSurvivorId().equals(survivor.getId())) {
      throw FieldException.conflict(
          "contactId",
          "Contact #%d was merged into contact #%d already."
              .formatted(otherId, merge.getSurvivorId()));
    }
    if (ContactMergeRepository.INCOMPLETE.equals(merge.getStatus())) {
      merges.restart(merge.getId());
      merge = merges.find(merge.getId()).orElseThrow();
    }
    launch(merge);
    return view(merges.find(merge.getId()).orElseThrow());
  }

  List<ContactMergeDto> into(long survivorId) {
    return merges.intoSurvivor(survivorId).stream().map(this::view).toList();
  }

  private void launch(ContactMergesRecord merge) {
    if (ContactMergeRepository.DONE.equals(merge.getStatus())) {
      return;
    }
    ContactMergeWorkflow workflow =
        client.newWorkflowStub(
            ContactMergeWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setWorkflowId(
                    ContactMergeWorkflow.workflowId(merge.getMergedId(), merge.getSurvivorId()))
                .build());
    try {
      WorkflowClient.start(workflow::run, ContactMergeInput.of(merge.getId()));
    } catch (WorkflowExecutionAlreadyStarted running) {
      // the merge is under way
    }
  }

  private ContactMergeDto view(ContactMergesRecord merge) {
    return ContactMergeDto.from(
        merge, merges.ticketCount(merge.getMergedId()), merges.failures(merge.getId()));
  }
}
