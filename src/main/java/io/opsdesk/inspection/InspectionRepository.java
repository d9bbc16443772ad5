package io.opsdesk.inspection;

import static io.opsdesk.jdbc.SqlTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Inspection runs and their results ({@code inspection_run}, {@code inspection_result}); findings are stored as JSON. */
@Repository
class InspectionRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };
    private static final int MAX_MESSAGE = 4000;

    private final JdbcClient jdbc;

    InspectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long startRun(String triggeredBy, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into inspection_run (triggered_by, started_at) values (:trigger, :at)")
                .param("trigger", triggeredBy)
                .param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void addResult(long runId, CheckResult result, Instant at) {
        jdbc.sql("""
                insert into inspection_result (run_id, target_name, kind, status, measured_value, latency_ms, message, findings, checked_at)
                values (:run, :target, :kind, :status, :value, :latency, :message, :findings, :at)""")
                .param("run", runId)
                .param("target", result.target())
                .param("kind", result.kind().name())
                .param("status", result.status().name())
                .param("value", result.value())
                .param("latency", result.latencyMs())
                .param("message", result.message().length() <= MAX_MESSAGE ? result.message() : result.message().substring(0, MAX_MESSAGE))
                .param("findings", json(result.findings()))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Sets the end and the counts of the run from its stored results. */
    void finishRun(long runId, Instant at) {
        jdbc.sql("""
                update inspection_run set finished_at = :at,
                    ok_count = (select count(*) from inspection_result r where r.run_id = :id and r.status = 'OK'),
                    warning_count = (select count(*) from inspection_result r where r.run_id = :id and r.status = 'WARNING'),
                    failed_count = (select count(*) from inspection_result r where r.run_id = :id and r.status = 'FAILED')
                where id = :id""")
                .param("id", runId)
                .param("at", Timestamp.from(at))
                .update();
        int findings = results(runId).stream().mapToInt(r -> r.findings().size()).sum();
        jdbc.sql("update inspection_run set finding_count = :findings where id = :id")
                .param("id", runId).param("findings", findings).update();
    }

    void recordReview(long runId, String reviewedBy, Instant at, String comment, String checklistJson) {
        int updated = jdbc.sql("""
                update inspection_run set reviewed_by = :by, reviewed_at = :at, review_comment = :comment, checklist = :checklist
                where id = :id""")
                .param("id", runId)
                .param("by", reviewedBy)
                .param("at", Timestamp.from(at))
                .param("comment", comment)
                .param("checklist", checklistJson)
                .update();
        if (updated != 1) {
            throw new java.util.NoSuchElementException("no inspection run " + runId);
        }
    }

    Optional<InspectionRun> findRun(long runId) {
        return jdbc.sql("select * from inspection_run where id = :id").param("id", runId)
                .query((rs, n) -> run(rs, results(runId))).optional();
    }

    /** The latest runs, newest first, with their results. */
    List<InspectionRun> latestRuns(int limit) {
        List<Long> ids = jdbc.sql("select id from inspection_run order by started_at desc, id desc limit :limit")
                .param("limit", limit).query(Long.class).list();
        return ids.stream().map(id -> findRun(id).orElseThrow()).toList();
    }

    List<CheckResult> results(long runId) {
        return jdbc.sql("select * from inspection_result where run_id = :run order by id").param("run", runId)
                .query((rs, n) -> new CheckResult(rs.getString("target_name"), TargetKind.valueOf(rs.getString("kind")),
                        CheckStatus.valueOf(rs.getString("status")), rs.getObject("measured_value", Double.class),
                        rs.getObject("latency_ms", Long.class), rs.getString("message"), findings(rs.getString("findings"))))
                .list();
    }

    private static InspectionRun run(ResultSet rs, List<CheckResult> results) throws SQLException {
        return new InspectionRun(rs.getLong("id"), rs.getString("triggered_by"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getInt("ok_count"), rs.getInt("warning_count"), rs.getInt("failed_count"), rs.getInt("finding_count"), results);
    }

    private static String json(List<Finding> findings) {
        try {
            return JSON.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings cannot be written as JSON", e);
        }
    }

    private static List<Finding> findings(String json) {
        try {
            return JSON.readValue(json, FINDINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored findings are not valid JSON: " + json, e);
        }
    }
}
