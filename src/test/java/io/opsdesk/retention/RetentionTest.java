package io.opsdesk.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;

/**
 * What OpsDesk keeps and for how long: Idempotency-Keys belong to their caller and expire after 24 h; the nightly
 * cleanup deletes expired keys, old reports and old inspection runs; Camunda cleans its history in a nightly window.
 */
@OpsDeskTest
class RetentionTest {

    private static final String ALICE = Http.basic("alice", "alice");

    @LocalServerPort
    int port;
    final JdbcClient jdbc;
    final RetentionCleanup cleanup;
    final ProcessEngine engine;

    Http http;

    RetentionTest(JdbcClient jdbc, RetentionCleanup cleanup, ProcessEngine engine) {
        this.jdbc = jdbc;
        this.cleanup = cleanup;
        this.engine = engine;
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anIdempotencyKeyFromAnotherCallerOpensItsOwnTicketAndNeverReplaysTheToken() {
        String key = "scope-" + UUID.randomUUID();
        Http.Response anonymous = http.postJson("/api/tickets", ticket(), "Idempotency-Key", key);
        Http.Response staff = http.postJson("/api/tickets", ticket(), "Idempotency-Key", key, "Authorization", ALICE);
        Http.Response anonymousAgain = http.postJson("/api/tickets", ticket(), "Idempotency-Key", key);

        assertThat(staff.status()).isEqualTo(201);
        assertThat(staff.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(staff.json().get("key").asText()).isNotEqualTo(anonymous.json().get("key").asText());
        assertThat(staff.json().get("trackingToken").asText()).isNotEqualTo(anonymous.json().get("trackingToken").asText());
        assertThat(anonymousAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(anonymousAgain.json().get("key").asText()).isEqualTo(anonymous.json().get("key").asText());
    }

    @Test
    void anIdempotencyKeyExpiresAfter24HoursAndTheNightlyCleanupForgetsIt() {
        String key = "expiry-" + UUID.randomUUID();
        Http.Response first = http.postJson("/api/tickets", ticket(), "Idempotency-Key", key);
        long keysBefore = idempotencyKeys();

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(23))));
        assertThat(http.postJson("/api/tickets", ticket(), "Idempotency-Key", key).header("Idempotent-Replayed")).isEqualTo("true");

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(25))));
        Http.Response later = http.postJson("/api/tickets", ticket(), "Idempotency-Key", key);
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(later.json().get("key").asText()).isNotEqualTo(first.json().get("key").asText());

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(3))));
        cleanup.run();
        assertThat(idempotencyKeys()).isZero();
        assertThat(keysBefore).isPositive();
    }

    @Test
    void theNightlyCleanupDeletesOldReportsAndFinishedInspectionRunsOnly() {
        // the test profile keeps reports and runs 100 years (the suite's fixtures are from 2024)
        Instant longAgo = Instant.parse("1900-01-01T00:00:00Z");
        long oldReport = report(longAgo);
        long recentReport = report(Instant.now().minus(Duration.ofDays(30)));
        long oldRun = run(longAgo, longAgo.plusSeconds(60));
        long oldUnfinishedRun = run(longAgo, null);
        long recentRun = run(Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(30)));

        try {
            cleanup.run();

            assertThat(exists("operations_report", oldReport)).isFalse();
            assertThat(exists("operations_report", recentReport)).isTrue();
            assertThat(exists("inspection_run", oldRun)).isFalse();
            assertThat(exists("inspection_run", oldUnfinishedRun)).isTrue();
            assertThat(exists("inspection_run", recentRun)).isTrue();
        } finally {
            // these rows are not real reports and runs, and other tests list reports
            jdbc.sql("delete from operations_report where triggered_by = 'manual:retention-test'").update();
            jdbc.sql("delete from inspection_run where triggered_by = 'retention-test'").update();
        }
    }

    @Test
    void camundaCleansItsHistoryRemovalTimeBasedInANightlyWindow() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        HistoryService history = engine.getHistoryService();
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
    }

    private long idempotencyKeys() {
        return jdbc.sql("select count(*) from idempotency_record").query(Long.class).single();
    }

    private long report(Instant compiledAt) {
        jdbc.sql("""
                insert into operations_report (period_kind, period_from, period_to, zone, triggered_by, compiled_at, content)
                values ('PREVIOUS_WEEK', :at, :at, 'Asia/Shanghai', 'manual:retention-test', :at, '{}')""")
                .param("at", Timestamp.from(compiledAt)).update();
        return jdbc.sql("select max(id) from operations_report").query(Long.class).single();
    }

    private long run(Instant startedAt, Instant finishedAt) {
        jdbc.sql("insert into inspection_run (triggered_by, started_at, finished_at) values ('retention-test', :s, :f)")
                .param("s", Timestamp.from(startedAt)).param("f", finishedAt == null ? null : Timestamp.from(finishedAt)).update();
        return jdbc.sql("select max(id) from inspection_run").query(Long.class).single();
    }

    private boolean exists(String table, long id) {
        return jdbc.sql("select count(*) from " + table + " where id = :id").param("id", id).query(Long.class).single() == 1;
    }

    private static String ticket() {
        return """
                {"type": "FAULT", "title": "Retention", "description": "kept for a while", "system": "billing",
                 "impact": "LOW", "urgency": "LOW",
                 "customer": {"name": "Li Wei", "email": "li.wei@example.com", "locale": "en"}}""";
    }
}
