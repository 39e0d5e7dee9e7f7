package dev.tempodesk.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.InboundEmail;
import org.junit.jupiter.api.Test;

class DemoMailboxTest {

  private static FakeMessage firstMailOfANewRun() throws InterruptedException {
    Thread.sleep(5); // a new run starts at least a millisecond later
    try (DemoMailbox mailbox = DemoMailbox.start()) {
      return mailbox
          .server()
          .receive(DemoMailbox.GRANT_ID, InboundEmail.of("Zoe", "zoe@x.example", "Hi", "Hello"));
    }
  }

  @Test
  void shouldNeverReuseIdsAcrossRestartsBecauseTheDatabaseOutlivesTheFake() throws Exception {
    FakeMessage before = firstMailOfANewRun();
    FakeMessage after = firstMailOfANewRun();

    assertThat(after.id()).isNotEqualTo(before.id());
    assertThat(after.threadId()).isNotEqualTo(before.threadId());
    assertThat(after.messageIdHeader()).isNotEqualTo(before.messageIdHeader());
  }
}
