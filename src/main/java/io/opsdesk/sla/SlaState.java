package io.opsdesk.sla;

import java.time.Duration;
import java.time.Instant;

/** The SLA columns of one ticket. */
record SlaState(
        long ticketId,
        String ticketKey,
        String status,
        String calendar,
        Duration firstResponseTarget,
        Duration resolutionTarget,
        Instant createdAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant firstResponseDue,
        Instant resolutionDue,
        long pausedSeconds,
        Instant pausedSince) {

    boolean started() {
        return calendar != null;
    }

    Duration target(SlaClock clock) {
        return clock == SlaClock.FIRST_RESPONSE ? firstResponseTarget : resolutionTarget;
    }

    boolean closed() {
        return "CLOSED".equals(status) || "DECLINED".equals(status);
    }

    /** Whether the clock is counting now: not stopped, not paused. */
    boolean running(SlaClock clock) {
        if (!started() || closed()) {
            return false;
        }
        return clock == SlaClock.FIRST_RESPONSE
                ? firstResponseAt == null
                : resolvedAt == null && pausedSince == null;
    }

    Duration paused(SlaClock clock) {
        return clock == SlaClock.RESOLUTION ? Duration.ofSeconds(pausedSeconds) : Duration.ZERO;
    }
}
