package io.opsdesk.ticket;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opsdesk.intake.*}: how the processes of tickets from the portal and {@code POST /api/tickets} are
 * started after their 201 (docs/performance.md#intake). {@code batch-size} tickets are started in one
 * transaction; a node looks for queued tickets (other nodes', a crashed node's, retries) every
 * {@code poll-interval} and at once after each intake; a start that fails is tried again after the intervals of
 * {@code retry-schedule}, the last one repeating. Up to {@code commit-group} received tickets are committed
 * together ({@link IntakeWriter}); while tickets keep arriving, the starter works at most
 * {@code start-share-under-load} of the time, so that the requests keep their answer times.
 */
@ConfigurationProperties("opsdesk.intake")
record IntakeProperties(@DefaultValue("100") int commitGroup,
                        @DefaultValue("50") int batchSize,
                        @DefaultValue("PT1S") Duration pollInterval,
                        @DefaultValue("PT10S,PT1M,PT5M,PT15M,PT1H") List<Duration> retrySchedule,
                        @DefaultValue("0.03") double startShareUnderLoad) {

    IntakeProperties {
        if (commitGroup < 1) {
            throw new IllegalArgumentException("opsdesk.intake.commit-group must be at least 1, not " + commitGroup);
        }
        if (!(startShareUnderLoad > 0 && startShareUnderLoad <= 1)) {
            throw new IllegalArgumentException("opsdesk.intake.start-share-under-load must be above 0 and at most 1, not "
                    + startShareUnderLoad);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("opsdesk.intake.batch-size must be at least 1, not " + batchSize);
        }
        if (retrySchedule.isEmpty()) {
            throw new IllegalArgumentException("opsdesk.intake.retry-schedule needs at least one interval");
        }
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failures (at least 1). */
    Duration retryAfter(int attempts) {
        return retrySchedule.get(Math.min(Math.max(attempts, 1), retrySchedule.size()) - 1);
    }
}
