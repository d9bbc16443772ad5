package io.opsdesk.ticket;

import io.opsdesk.domain.DomainException;

/** No ticket with this key, or the caller may not see it: both answer 404 so nothing leaks. */
public class TicketNotFoundException extends DomainException {

    public TicketNotFoundException(String key) {
        // the same words whether the key does not exist or the token does not open it: nothing leaks
        super(Kind.NOT_FOUND, null, "no ticket with this key for this token or login");
    }
}
