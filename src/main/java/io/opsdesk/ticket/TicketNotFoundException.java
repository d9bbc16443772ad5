package io.opsdesk.ticket;

/** No ticket with this key, or the caller may not see it: both answer 404 so nothing leaks. */
public class TicketNotFoundException extends RuntimeException {

    public TicketNotFoundException(String key) {
        super("No ticket " + key);
    }
}
