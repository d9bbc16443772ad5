package io.opsdesk.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * The SLA clocks of one ticket as stored with it: targets, when each clock stopped, the paused business
 * time of the resolution clock. A value: the ticket keeps it, {@link SlaClocks} computes with it.
 */
public record SlaState(
        String calendar,
        Duration firstResponseTarget,
        Duration resolutionTarget,
        Instant createdAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant resolutionDue,
        long pausedSeconds,
        Instant pausedSince,
        boolean closed) {

    public boolean started() {
        return calendar != null;
    }

    public Duration target(SlaClock clock) {
        return clock == SlaClock.FIRST_RESPONSE ? firstResponseTarget : resolutionTarget;
    }

    /** Whether the clock is counting now: started, not stopped, not paused, ticket not closed. */
    public boolean running(SlaClock clock) {
        if (!started() || closed) {
            return false;
        }
        return clock == SlaClock.FIRST_RESPONSE
                ? firstResponseAt == null
                : resolvedAt == null && pausedSince == null;
    }

    public Duration paused(SlaClock clock) {
        return clock == SlaClock.RESOLUTION ? Duration.ofSeconds(pausedSeconds) : Duration.ZERO;
    }

    /** This state once a pause of {@code paused} business time has ended. */
    public SlaState resumedAfter(Duration paused) {
        return new SlaState(calendar, firstResponseTarget, resolutionTarget, createdAt, firstResponseAt, resolvedAt,
                resolutionDue, pausedSeconds + paused.toSeconds(), null, closed);
    }
}
