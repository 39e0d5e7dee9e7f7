package dev.tempodesk.api.notification;

import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.db.jooq.tables.records.NotificationsRecord;
import dev.tempodesk.db.notification.NotificationRepository;
import dev.tempodesk.workflows.ticket.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's in-app notifications. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications")
class NotificationController {
  private final NotificationRepository notifications;
  private final CurrentActor currentActor;
  private final Clock clock;

  NotificationController(
      NotificationRepository notifications, CurrentActor currentActor, Clock clock) {
    this.notifications = notifications;
    this.currentActor = currentActor;
    this.clock = clock;
  }

  @GetMapping
  @Operation(
      operationId = "listNotifications",
      summary = "My notifications, newest first, with the unread count")
  NotificationPageDto feed(
      @Parameter(description = "id of the last entry of the previous page")
          @RequestParam(required = false)
          Long before,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    Actor me = signedIn();
    List<NotificationsRecord> rows =
        notifications.feed(me.kind().name(), me.id(), before, limit + 1);
    boolean more = rows.size() > limit;
    List<NotificationDto> items = rows.stream().limit(limit).map(NotificationDto::of).toList();
    return new NotificationPageDto(
        items,
        notifications.unreadCount(me.kind().name(), me.id()),
        more ? items.getLast().id() : null);
  }

  @PostMapping("/{id}/read")
  @Operation(
      operationId = "markNotificationRead",
      summary = "Mark one of my notifications read (again is harmless)")
  NotificationDto markRead(@PathVariable long id) {
    Actor me = signedIn();
    String kind = me.kind().name();
    notifications
        .findInFeed(kind, me.id(), id)
        .orElseThrow(() -> new NotFoundException("You have no notification " + id + "."));
    notifications.markRead(kind, me.id(), id, now());
    return NotificationDto.of(notifications.findInFeed(kind, me.id(), id).orElseThrow());
  }

  @PostMapping("/read-all")
  @Operation(
      operationId = "markAllNotificationsRead",
      summary = "Mark all my notifications read; answers the new unread count (0)")
  NotificationPageDto markAllRead() {
    Actor me = signedIn();
    notifications.markAllRead(me.kind().name(), me.id(), now());
    return new NotificationPageDto(
        List.of(), notifications.unreadCount(me.kind().name(), me.id()), null);
  }

  /** The feed is per person: without sign-in there is nobody to show it to. */
  private Actor signedIn() {
    Actor actor = currentActor.get();
    if (actor.kind() == Actor.Kind.SYSTEM || actor.id() == null) {
      throw new ErrorResponseException(
          HttpStatus.UNAUTHORIZED,
          ProblemDetail.forStatusAndDetail(
              HttpStatus.UNAUTHORIZED, "Sign in to read your notifications."),
          null);
    }
    return actor;
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }
}
