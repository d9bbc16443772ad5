package io.opsdesk.report;

import static io.opsdesk.jdbc.SqlTime.instant;
import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Stored reports ({@code operations_report}); the figures are JSON of {@link OperationsReport}. */
@Repository
class ReportRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ReportRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(OperationsReport report, String triggeredBy) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into operations_report (period_kind, period_from, period_to, zone, triggered_by, compiled_at, content)
                values (:kind, :from, :to, :zone, :by, :at, :content)""")
                .param("kind", report.period().kind().name())
                .param("from", timestamp(report.period().from()))
                .param("to", timestamp(report.period().to()))
                .param("zone", report.period().zone())
                .param("by", triggeredBy.length() > 100 ? triggeredBy.substring(0, 100) : triggeredBy)
                .param("at", timestamp(report.period().compiledAt()))
                .param("content", write(report))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<StoredReport> find(long id) {
        return jdbc.sql("select * from operations_report where id = :id").param("id", id).query(this::map).optional();
    }

    /** The newest first. */
    List<StoredReport> list(int limit) {
        return jdbc.sql("select * from operations_report order by id desc limit :limit")
                .param("limit", limit).query(this::map).list();
    }

    void markMailed(long id, Instant at, String recipients) {
        jdbc.sql("update operations_report set mailed_at = :at, mailed_to = :to where id = :id")
                .param("id", id).param("at", timestamp(at))
                .param("to", recipients.length() > 4000 ? recipients.substring(0, 4000) : recipients)
                .update();
    }

    private StoredReport map(ResultSet rs, int row) throws SQLException {
        try {
            return new StoredReport(rs.getLong("id"), rs.getString("triggered_by"), instant(rs, "mailed_at"),
                    rs.getString("mailed_to"), json.readValue(rs.getString("content"), OperationsReport.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("operations report " + rs.getLong("id") + " is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private String write(OperationsReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an operations report cannot be written as JSON", e);
        }
    }
}
