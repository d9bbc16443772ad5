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

    /** What a reviewer reads first: who started the run and when, its counts, then one line per target. */
    public String summary() {
        StringBuilder text = new StringBuilder()
                .append("Run ").append(id).append(" (").append(triggeredBy).append("), started ").append(startedAt).append('\n')
                .append(okCount).append(" OK · ").append(warningCount).append(" warning · ")
                .append(failedCount).append(" failed · ").append(findingCount).append(" findings\n\n");
        results.forEach(result -> text.append(result.status()).append("  ").append(result.target())
                .append(": ").append(result.message()).append('\n'));
        return text.toString();
    }
}
