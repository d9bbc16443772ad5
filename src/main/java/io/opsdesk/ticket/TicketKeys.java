package io.opsdesk.ticket;

/** The shape of a ticket key, {@code OPS-000123}: one rule for every controller that takes one. */
public final class TicketKeys {

    public static final String PATTERN = "OPS-\\d{6,}";

    private TicketKeys() {
    }

    /** The key if it has the shape of one; otherwise "not found", exactly as for an unknown key. */
    public static String requireValid(String key) {
        if (key == null || !key.matches(PATTERN)) {
            throw new TicketNotFoundException(key);
        }
        return key;
    }
}
