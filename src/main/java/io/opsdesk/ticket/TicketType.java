package io.opsdesk.ticket;

/** Request types from the source documents. */
public enum TicketType {
    FAULT, FEATURE_REQUEST, CHANGE_REQUEST, BUSINESS_QUESTION, DATA_REQUEST;

    /** Feature and change requests get a feasibility assessment in triage. */
    public boolean needsFeasibility() {
        return this == FEATURE_REQUEST || this == CHANGE_REQUEST;
    }
}
