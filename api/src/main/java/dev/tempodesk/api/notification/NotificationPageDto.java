package dev.tempodesk.api.notification;

import java.util.List;

/**
 * A page of the signed-in person's feed, newest first.
 *
 * @param unreadCount unread entries in the whole feed, not just this page
 * @param nextBefore pass as {@code before} for the next (older) page; null on the last page
 */
public record NotificationPageDto(List<NotificationDto> items, int unreadCount, Long nextBefore) {}
