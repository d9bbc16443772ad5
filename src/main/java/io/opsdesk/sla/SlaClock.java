package io.opsdesk.sla;

/** The two SLA clocks of a ticket. */
public enum SlaClock {
    FIRST_RESPONSE("first-response"), RESOLUTION("resolution");

    private final String label;

    SlaClock(String label) {
        this.label = label;
    }

    /** How the clock is named in timeline text: {@code first-response}, {@code resolution}. */
    public String label() {
        return label;
    }
}
