package io.opsdesk.ticket;

/** Impact and urgency (ITIL). */
public enum Level {
    HIGH, MEDIUM, LOW
}
