package io.opsdesk.customer;

import java.util.List;

/** The body of {@code POST /api/organisations} and {@code PUT /api/organisations/{id}}: the whole organisation. */
public record OrganisationRequest(String name, String slaTier, List<String> domains) {
}
