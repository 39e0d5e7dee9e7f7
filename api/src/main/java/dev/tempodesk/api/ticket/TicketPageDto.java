package dev.tempodesk.api.ticket;

import java.util.List;

/**
 * One page of tickets. {@code nextCursor} is null on the last page; pass it as {@code cursor} to
 * get the next one.
 */
public record TicketPageDto(List<TicketDto> items, String nextCursor) {}
