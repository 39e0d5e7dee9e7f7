package dev.tempodesk.api.ticket;

import dev.tempodesk.api.attachment.MessageAttachmentDto;
import dev.tempodesk.api.attachment.MessageAttachments;
import dev.tempodesk.api.export.CsvWriter;
import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.ticket.TicketCursor;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketFilter;
import dev.tempodesk.db.ticket.TicketPage;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.db.ticket.TicketSort;
import dev.tempodesk.db.ticket.TicketView;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.FieldChange;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.TicketStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.propertyeditors.CustomBooleanEditor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/tickets")
@Tag(name = "Tickets")
class TicketController {
  private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {};

  private static final Logger log = LoggerFactory.getLogger(TicketController.class);

  private final TicketRepository tickets;
  private final TicketEventRepository events;
  private final MessageRepository messages;
  private final MessageAttachments attachments;
  private final TicketCommands commands;
  private final CurrentActor actor;
  private final AssignmentRights assignmentRights;
  private final JsonMapper json;
  private final VisibleTickets visible;
  private final Clock clock;
  private final TicketExports exports;

  TicketController(
      TicketRepository tickets,
      TicketEventRepository events,
      MessageRepository messages,
      MessageAttachments attachments,
      TicketCommands commands,
      CurrentActor actor,
      AssignmentRights assignmentRights,
      JsonMapper json,
      VisibleTickets visible,
      Clock clock,
      TicketExports exports) {
    this.visible = visible;
    this.tickets = tickets;
    this.events = events;
    this.messages = messages;
    this.attachments = attachments;
    this.commands = commands;
    this.actor = actor;
    this.assignmentRights = assignmentRights;
    this.json = json;
    this.clock = clock;
    this.exports = exports;
  }

  @GetMapping
  @Operation(
      operationId = "listTickets",
      summary =
          "List tickets, most urgent first (best match first for a search). CLOSED tickets are"
              + " hidden unless asked for.")
  TicketPageDto list(
      @RequestParam(required = false) Set<TicketStatus> status,
      @RequestParam(required = false) Set<Priority> priority,
      @RequestParam(required = false) Long assigneeId,
      @Parameter(description = "Only tickets nobody is assigned to")
          @RequestParam(defaultValue = "false")
          boolean unassigned,
      @Parameter(description = "Only the signed-in agent's tickets")
          @RequestParam(defaultValue = "false")
          boolean mine,
      @Parameter(
              description =
                  "Words (prefixes) of the subject, message bodies, reporter and sender names and"
                      + " addresses, organization or tags; or a ticket number such as #1042")
          @RequestParam(required = false)
          @Size(max = 200)
          String text,
      @Parameter(description = "Include CLOSED tickets") @RequestParam(defaultValue = "false")
          boolean includeDone,
      @Parameter(description = "Only tickets with all of these tags")
          @RequestParam(required = false)
          Set<String> tag,
      @Parameter(description = "Only PENDING tickets suspended for one of these reasons")
          @RequestParam(required = false)
          Set<PendingReason> pendingReason,
      @Parameter(
              description = "Only tickets not changed for at least this long (ISO-8601, e.g. P2D)",
              schema = @Schema(type = "string", example = "P2D"))
          @RequestParam(required = false)
          Duration idleFor,
      @Parameter(
              description =
                  "Order of the list: default RELEVANCE when a text is searched, URGENCY (soonest"
                      + " SLA deadline) otherwise; PRIORITY is URGENT first, then by SLA deadline;"
                      + " CREATED and UPDATED newest first")
          @RequestParam(required = false)
          TicketSort sort,
      @Parameter(description = "Only tickets of one of these mailboxes (an unknown id: none)")
          @RequestParam(required = false)
          Set<Long> mailboxId,
      @Parameter(description = "Only tickets that came in through one of these channels")
          @RequestParam(required = false)
          Set<Channel> channel,
      @Parameter(description = "Only tickets of one of these organizations (an unknown id: none)")
          @RequestParam(required = false)
          Set<Long> organizationId,
      @Parameter(description = "Only tickets of this reporter (a contact id)")
          @RequestParam(required = false)
          Long reporterId,
      @Parameter(description = "Created at or after. " + TicketListParams.RANGE_RULES)
          @RequestParam(required = false)
          String createdFrom,
      @Parameter(
              description =
                  "Created before (a date: on or before). " + TicketListParams.RANGE_RULES)
          @RequestParam(required = false)
          String createdTo,
      @Parameter(description = "Last changed at or after. " + TicketListParams.RANGE_RULES)
          @RequestParam(required = false)
          String updatedFrom,
      @Parameter(
              description =
                  "Last changed before (a date: on or before). " + TicketListParams.RANGE_RULES)
          @RequestParam(required = false)
          String updatedTo,
      @Parameter(description = "Only tickets of one of these groups (an unknown id: none)")
          @RequestParam(required = false)
          Set<Long> groupId,
      @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false)
          String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    TicketListParams params =
        new TicketListParams(
            status,
            priority,
            assigneeId,
            unassigned,
            mine,
            text,
            includeDone,
            tag,
            pendingReason,
            idleFor,
            sort,
            mailboxId,
            channel,
            organizationId,
            reporterId,
            createdFrom,
            createdTo,
            updatedFrom,
            updatedTo,
            groupId);
    TicketFilter filter = filterOf(params);
    TicketCursor after = CursorParameter.parse(cursor, filter.order());
    TicketPage page = tickets.list(filter, after, limit);
    return new TicketPageDto(
        page.items().stream().map(view -> TicketDto.from(view, clock.instant())).toList(),
        page.next().map(TicketCursor::encode).orElse(null));
  }

  @PostMapping
  @Operation(
      operationId = "createTicket",
      summary = "Open a ticket on behalf of a customer (phone, email, walk-in)",
      description =
          "Also as multipart/form-data, with files on the first message: part ticket (JSON, the"
              + " same body as the JSON form) and one part files per file (413 too large, 415"
              + " executables and scripts, 422 empty or unnamed).")
  ResponseEntity<TicketDto> create(@Valid @RequestBody CreateTicketRequest request) {
    return createWithFiles(request, List.of());
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(hidden = true) // documented on the JSON operation (one path, one operation)
  ResponseEntity<TicketDto> createWithFiles(
      @Valid @RequestPart("ticket") CreateTicketRequest request,
      @RequestPart(name = "files", required = false) List<MultipartFile> files) {
    assignmentRights.checkNewTicket(request.assigneeId());
    TicketView created = commands.create(request, actor.get(), files);
    return ResponseEntity.created(URI.create("/api/tickets/" + created.number()))
        .body(TicketDto.from(created, clock.instant()));
  }

  @GetMapping("/{number}")
  @Operation(operationId = "getTicket")
  TicketDto get(@PathVariable long number) {
    visible.require(number);
    return TicketDto.from(
        tickets.findView(number).orElseThrow(() -> TicketRefusals.noSuchTicket(number)),
        clock.instant());
  }

  @PatchMapping("/{number}")
  @Operation(
      operationId = "updateTicket",
      summary = "Change status, assignee, priority, suspension or resolution, with a comment",
      description =
          "Applied by the ticket's workflow, which validates the change, fixes obvious omissions"
              + " (reported in autoFixes), writes the audit trail and returns.")
  TicketUpdateResponse update(
      @PathVariable long number, @Valid @RequestBody TicketPatchRequest request) {
    visible.require(number);
    assignmentRights.checkChange(number, request);
    return commands.update(number, request, actor.get());
  }

  @GetMapping("/{number}/messages")
  @Operation(operationId = "listTicketMessages")
  List<MessageDto> messages(@PathVariable long number) {
    requireTicket(number);
    List<MessagesRecord> thread = messages.listForTicket(number);
    Map<UUID, List<MessageAttachmentDto>> files = attachments.of(thread);
    return thread.stream()
        .map(m -> MessageDto.from(m, files.getOrDefault(m.getId(), List.of())))
        .toList();
  }

  @GetMapping("/{number}/events")
  @Operation(
      operationId = "listTicketEvents",
      summary = "The audit trail: every change with who, when, why and which fields")
  List<TicketEventDto> events(@PathVariable long number) {
    requireTicket(number);
    return events.listForTicket(number).stream()
        .map(
            row ->
                new TicketEventDto(
                    row.getId(),
                    row.getKind(),
                    row.getTicketVersion(),
                    row.getActorKind(),
                    row.getActorId(),
                    row.getActorName(),
                    row.getComment(),
                    json.readValue(row.getChanges().data(), CHANGES),
                    row.getOccurredAt()))
        .toList();
  }

  @GetMapping("/export")
  @Operation(
      operationId = "exportTickets",
      summary = "The ticket list as CSV: every ticket the list's filter matches, in its order",
      description =
          "The same query parameters, order and 400s as GET /api/tickets (no cursor or limit: all"
              + " of them). UTF-8, RFC 4180 (CRLF rows, quoted cells), a header row; a text cell"
              + " starting with = + - @ or a tab is prefixed with ' so spreadsheets show it as"
              + " text. Streamed as the database yields the rows.",
      responses =
          @ApiResponse(
              responseCode = "200",
              content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
  void export(@ParameterObject @Valid TicketListParams params, HttpServletResponse response)
      throws IOException {
    TicketFilter filter = filterOf(params);
    response.setContentType(CsvWriter.MEDIA_TYPE);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(exports.filename()).build().toString());
    try {
      exports.write(filter, response.getOutputStream());
    } catch (UncheckedIOException gone) {
      // The client went away; the cursor and its transaction are closed by now.
      log.info("Ticket export stopped: {}", gone.getCause().toString());
    }
  }

  @GetMapping("/{number}/export")
  @Operation(
      operationId = "exportTicket",
      summary = "A ticket's full record as JSON: the ticket, its thread and its audit trail",
      description =
          "Sent as a download (Content-Disposition: attachment). Attachments are listed with"
              + " their metadata and the URL their bytes are served at.")
  ResponseEntity<TicketExportDto> exportOne(@PathVariable long number) {
    TicketExportDto export =
        new TicketExportDto(clock.instant(), get(number), messages(number), events(number));
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("ticket-" + number + ".json")
                .build()
                .toString())
        .body(export);
  }

  /**
   * The export binds the list's query parameters as one {@link TicketListParams}; a flag left out
   * is false there as in the list (the binder would refuse a missing primitive). A flag given is
   * read as the list reads it.
   */
  @InitBinder("ticketListParams")
  void flagsLeftOutAreFalse(WebDataBinder binder) {
    binder.registerCustomEditor(
        boolean.class,
        new CustomBooleanEditor(false) {
          @Override
          public void setValue(Object value) {
            super.setValue(value == null ? Boolean.FALSE : value);
          }
        });
  }

  /**
   * The repository filter of a list request, the signed-in agent's: one home for the list, its
   * export and anything else that asks "which tickets" with the list's parameters.
   */
  /** The list's and the export's filter: the parameters over the tickets the asker may see. */
  private TicketFilter filterOf(TicketListParams params) {
    return visible.filter(params);
  }

  private void requireTicket(long number) {
    visible.require(number);
  }
}
