package io.opsdesk.inspection;

import java.time.Instant;
import java.util.List;

/**
 * One inspection run and its results.
 *
 * @param triggeredBy who or what started it: {@code schedule}, {@code manual:alice}, a process instance id …
 * @param finishedAt  null while the run is under way
 */
public record InspectionRun(long id, String triggeredBy, Instant startedAt, Instant finishedAt,
                            int okCount, int warningCount, int failedCount, int findingCount, List<CheckResult> results) {

    public InspectionRun {
        results = List.copyOf(results);
    }
}
