package dev.tempodesk.api.lifecycle;

import dev.tempodesk.workflows.mailbox.MailboxSyncInput;
import dev.tempodesk.workflows.mailbox.SyncPassResult;
import java.time.Duration;
import java.time.Instant;

/** A mailbox's sync workflow in plain words: passes, pokes from webhooks, the poll timer. */
final class MailboxSyncVocabulary implements Vocabulary {
  private Duration pollInterval;

  @Override
  public void started(Payloads.Values input) {
    MailboxSyncInput start = input.first(MailboxSyncInput.class);
    pollInterval = start == null ? null : start.pollInterval();
  }

  @Override
  public String signal(String name, Payloads.Values input) {
    return "pollNow".equals(name)
        ? "Poked: new mail is waiting (a webhook said so), sync now"
        : "Signal " + name + " received";
  }

  @Override
  public String updateApplied(String name, Payloads.Values args, Payloads.Values result) {
    return "Update " + name + " applied";
  }

  @Override
  public String updateRequest(String name, Payloads.Values args) {
    return "Update " + name;
  }

  @Override
  public String activity(String type, Payloads.Values input) {
    return "SyncPass".equals(type) ? "Sync pass: fetch new mail and store it" : "Activity " + type;
  }

  @Override
  public String timer(Duration delay, Instant deadline) {
    return delay.equals(pollInterval)
        ? "the poll interval, then the next sync pass"
        : "the next sync pass";
  }

  @Override
  public String outcome(String type, Payloads.Values result) {
    SyncPassResult pass = "SyncPass".equals(type) ? result.first(SyncPassResult.class) : null;
    return pass == null
        ? null
        : pass.ingested() + " message(s) stored, " + pass.skipped() + " skipped";
  }
}
