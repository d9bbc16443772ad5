package io.opsdesk.customer;

/** The body of {@code POST /api/customers} and {@code PUT /api/customers/{id}}: the whole customer. */
public record CustomerRequest(String email, String name, Long organisationId) {
}
