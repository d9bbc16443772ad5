package io.opsdesk.customer;

import java.time.Instant;

/** A known customer: the e-mail address a ticket is matched by, and the organisation whose tier it gets. */
public record Customer(long id, String email, String name, long organisationId, String organisationName,
                       Instant createdAt, Instant updatedAt) {
}
