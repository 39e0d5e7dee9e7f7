package dev.tempodesk.api.mail;

import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.TokenResponse;
import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.validation.Addresses;
import dev.tempodesk.api.validation.ValidAddress;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.mail.MailboxRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Connected support mailboxes, and connecting one through Nylas hosted OAuth. */
@RestController
@RequestMapping("/api/mailboxes")
@Tag(name = "Mailboxes")
class MailboxController {
  static final String CALLBACK_PATH_SUFFIX = "/callback";
  static final String CALLBACK_PATH = "/api/mailboxes" + CALLBACK_PATH_SUFFIX;

  private final NylasClient nylas;
  private final MailboxRepository mailboxes;
  private final MailboxSyncs syncs;
  private final OAuthState state;
  private final TempodeskProperties properties;

  MailboxController(
      NylasClient nylas,
      MailboxRepository mailboxes,
      MailboxSyncs syncs,
      OAuthState state,
      TempodeskProperties properties) {
    this.nylas = nylas;
    this.mailboxes = mailboxes;
    this.syncs = syncs;
    this.state = state;
    this.properties = properties;
  }

  @GetMapping
  @Operation(operationId = "listMailboxes")
  List<MailboxDto> list() {
    return mailboxes.listAll().stream().map(MailboxDto::from).toList();
  }

  @GetMapping("/connect")
  @Operation(
      operationId = "connectMailbox",
      summary = "Redirects to Nylas hosted authentication to connect a mailbox")
  ResponseEntity<Void> connect(
      @RequestParam(required = false) @ValidAddress @Size(max = 320) String email) {
    requireClientId();
    String hint =
        email == null || email.isBlank() ? null : Addresses.require("email", email).address();
    URI target = nylas.authorizeUrl(callbackUrl(), state.issue(), hint).uri();
    return ResponseEntity.status(HttpStatus.FOUND).location(target).build();
  }

  @GetMapping(CALLBACK_PATH_SUFFIX)
  @Operation(
      operationId = "completeMailboxConnection",
      summary = "Nylas redirects here after consent; stores the grant and starts its sync")
  MailboxDto callback(
      @RequestParam(required = false) String code, @RequestParam(required = false) String state) {
    if (!this.state.isValid(state)) {
      throw FieldException.invalid(
          "state", "This sign-in link is not ours or has expired; connect the mailbox again.");
    }
    if (code == null || code.isBlank()) {
      throw FieldException.invalid(
          "code", "The mail provider did not grant access; connect the mailbox again.");
    }
    requireClientId();
    TokenResponse token = nylas.exchangeCode(code, callbackUrl());
    // Reconnecting a mailbox gets the same grant back (Nylas keeps one per address): the same
    // row and cursor, and a sync that was waiting for the reconnect runs at once.
    MailboxesRecord mailbox = mailboxes.upsert(token.grantId(), token.email(), token.provider());
    syncs.poke(mailbox.getGrantId());
    return MailboxDto.from(mailbox);
  }

  private void requireClientId() {
    if (properties.nylas().clientId() == null) {
      throw FieldException.conflict(
          "NYLAS_CLIENT_ID",
          "Connecting a mailbox needs the Nylas application's client id: set NYLAS_CLIENT_ID.");
    }
  }

  private String callbackUrl() {
    return properties.publicBaseUrl() + CALLBACK_PATH;
  }
}
