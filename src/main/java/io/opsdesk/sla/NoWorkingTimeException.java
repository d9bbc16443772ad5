package io.opsdesk.sla;

/**
 * A business calendar has no working time left to count a duration in, e.g. a calendar with no
 * working hours on any weekday. Thrown instead of searching the future forever.
 */
public class NoWorkingTimeException extends IllegalStateException {

    NoWorkingTimeException(String message) {
        super(message);
    }
}
