package io.opsdesk.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.opsdesk.OpsDeskTest;

/**
 * With the default configuration (no targets), a run checks OpsDesk itself: its host, its database, its own health
 * over HTTP and its own log file ({@code logging.file.name}).
 */
@OpsDeskTest
class InspectionSelfCheckTest {

    final InspectionService inspection;

    final JdbcClient jdbc;

    InspectionSelfCheckTest(InspectionService inspection, JdbcClient jdbc) {
        this.inspection = inspection;
        this.jdbc = jdbc;
    }

    @Test
    void runAllChecksOpsDeskItselfAndStoresTheRun() {
        // the first run reviews whatever the test suite logged so far; the second only what was logged since: nothing
        inspection.runAll("test");
        InspectionRun run = inspection.runAll("test");

        assertThat(run.results()).extracting(CheckResult::target).containsExactly(InspectionTargets.SELF_HOST,
                InspectionTargets.SELF_DATABASE, InspectionTargets.SELF_HTTP, InspectionTargets.SELF_LOG);
        assertThat(run.results().get(3).kind()).isEqualTo(TargetKind.LOGS);
        assertThat(run.results()).allSatisfy(result -> assertThat(result.status()).as("%s", result).isEqualTo(CheckStatus.OK));
        assertThat(run.results().get(2).message()).matches("GET http://localhost:\\d+/actuator/health answered HTTP 200 in \\d+ ms");
        assertThat(run.okCount()).isEqualTo(4);
        assertThat(run.warningCount() + run.failedCount() + run.findingCount()).isZero();
        assertThat(run.triggeredBy()).isEqualTo("test");
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());

        assertThat(inspection.latestRuns(1)).containsExactly(run);
        assertThat(jdbc.sql("select count(*) from inspection_result where run_id = :id").param("id", run.id())
                .query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void aRunBuiltStepByStepAsTheProcessWillDoIsStoredLikeAWholeRun() {
        long runId = inspection.startRun("process:42");
        for (String target : inspection.targetNames()) {
            inspection.checkAndRecord(runId, target);
        }
        InspectionRun run = inspection.finishRun(runId);

        assertThat(run.results()).hasSize(inspection.targetNames().size());
        assertThat(run.failedCount()).isZero();
        assertThat(run.okCount() + run.warningCount()).isEqualTo(run.results().size());
        assertThat(inspection.run(runId)).isEqualTo(run);
    }
}
