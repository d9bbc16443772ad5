package io.opsdesk.customer;

import java.time.Instant;
import java.util.List;

/** A customer organisation: its SLA tier (a tier {@code sla-policy.dmn} knows) and the e-mail domains that are its own. */
public record Organisation(long id, String name, String slaTier, List<String> domains, Instant createdAt, Instant updatedAt) {
}
