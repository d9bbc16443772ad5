package io.opsdesk.sla;

/** The two SLA clocks of a ticket. */
public enum SlaClock {
    FIRST_RESPONSE("first_response"), RESOLUTION("resolution");

    private final String column;

    SlaClock(String column) {
        this.column = column;
    }

    /** Column prefix in the {@code ticket} table: {@code first_response_due}, {@code resolution_breached_at}, ... */
    String column() {
        return column;
    }
}
