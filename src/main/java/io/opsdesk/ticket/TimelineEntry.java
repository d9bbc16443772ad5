package io.opsdesk.ticket;

import java.time.Instant;

/** A row of the {@code ticket_timeline} table: when, who, what, and whether the customer sees it. */
public record TimelineEntry(Instant occurredAt, String actor, String type, String message, Visibility visibility) {
}
