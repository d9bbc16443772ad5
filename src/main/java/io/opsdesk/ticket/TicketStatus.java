package io.opsdesk.ticket;

/** The statuses a customer sees. */
public enum TicketStatus {
    NEW, IN_ANALYSIS, WAITING_FOR_CUSTOMER, IN_PROGRESS, IN_DEVELOPMENT, IN_TESTING, AWAITING_ACCEPTANCE, CLOSED, DECLINED;

    public boolean isFinal() {
        return this == CLOSED || this == DECLINED;
    }
}
