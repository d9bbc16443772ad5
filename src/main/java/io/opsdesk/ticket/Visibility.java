package io.opsdesk.ticket;

/** Whether a timeline entry is shown to the customer. */
public enum Visibility {
    PUBLIC, INTERNAL
}
