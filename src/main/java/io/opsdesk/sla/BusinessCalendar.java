package io.opsdesk.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * Business time: the instants a team counts for an SLA clock. Get a configured calendar from
 * {@link BusinessCalendars}; {@link #alwaysOpen()} counts every instant (24×7).
 *
 * <p>Both operations are consistent with each other: for every {@code start} and non-negative
 * {@code d}, {@code between(start, add(start, d))} equals {@code d}, and {@code add} returns the
 * earliest instant for which that holds.
 */
public interface BusinessCalendar {

    /**
     * The instant at which {@code businessDuration} of business time has elapsed since {@code start}.
     * Counting begins at {@code start} if that is working time, otherwise at the next opening (a start
     * exactly at a closing time counts from the next opening). The result is inside working time or
     * exactly at the end of a working interval (a due date of "12:00" is not moved to 13:30).
     * A zero duration returns {@code start} unchanged.
     *
     * @throws IllegalArgumentException if {@code businessDuration} is negative
     * @throws NoWorkingTimeException if the calendar runs out of working time before the duration is used up
     */
    Instant add(Instant start, Duration businessDuration);

    /** The business time in {@code [from, to)}; zero if {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to);

    /** Whether {@code instant} is working time (an interval's opening counts, its closing does not). */
    boolean isWorkingTime(Instant instant);

    /** The 24×7 calendar: every instant is business time, no holidays. */
    static BusinessCalendar alwaysOpen() {
        return AlwaysOpenCalendar.INSTANCE;
    }
}
