package io.opsdesk.sla;

import static io.opsdesk.jdbc.SqlTime.timestamp;
import static io.opsdesk.jdbc.SqlTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SLA columns of the ticket table. */
@Repository
class SlaRepository {

    private final JdbcClient jdbc;

    SlaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SlaState> find(String ticketKey) {
        return jdbc.sql("""
                select id, ticket_key, status, sla_calendar, first_response_target, resolution_target, created_at,
                       first_response_at, resolved_at, first_response_due, resolution_due, paused_seconds, paused_since
                from ticket where ticket_key = :key""")
                .param("key", ticketKey)
                .query(SlaRepository::map)
                .optional();
    }

    String customerTier(String ticketKey) {
        return jdbc.sql("select customer_tier from ticket where ticket_key = :key").param("key", ticketKey)
                .query(String.class).single();
    }

    void setTargets(String ticketKey, String calendar, Duration firstResponse, Duration resolution,
                    Instant firstResponseDue, Instant resolutionDue) {
        jdbc.sql("""
                update ticket set sla_calendar = :calendar, first_response_target = :fr, resolution_target = :res,
                    first_response_due = :frDue, resolution_due = :resDue where ticket_key = :key""")
                .param("calendar", calendar)
                .param("fr", firstResponse.toString())
                .param("res", resolution.toString())
                .param("frDue", timestamp(firstResponseDue))
                .param("resDue", timestamp(resolutionDue))
                .param("key", ticketKey)
                .update();
    }

    void setResolutionDue(String ticketKey, Instant due) {
        jdbc.sql("update ticket set resolution_due = :due where ticket_key = :key")
                .param("due", timestamp(due)).param("key", ticketKey).update();
    }

    /** Starts a pause unless one is running; false if the clock was already paused. */
    boolean pause(String ticketKey, Instant now) {
        return jdbc.sql("update ticket set paused_since = :now where ticket_key = :key and paused_since is null")
                .param("now", timestamp(now)).param("key", ticketKey).update() == 1;
    }

    void endPause(String ticketKey, long pausedSeconds) {
        jdbc.sql("update ticket set paused_seconds = paused_seconds + :seconds, paused_since = null where ticket_key = :key")
                .param("seconds", pausedSeconds).param("key", ticketKey).update();
    }

    void reopen(String ticketKey, long pausedSeconds) {
        jdbc.sql("update ticket set paused_seconds = paused_seconds + :seconds, resolved_at = null where ticket_key = :key")
                .param("seconds", pausedSeconds).param("key", ticketKey).update();
    }

    /**
     * Marks a ladder step done, atomically: only the first caller, on any node, gets {@code true}. Column
     * names come from {@link SlaStep} and {@link SlaClock}, never from input.
     */
    boolean markOnce(String ticketKey, String column, Instant now) {
        return jdbc.sql("update ticket set " + column + " = :now where ticket_key = :key and " + column + " is null")
                .param("now", timestamp(now)).param("key", ticketKey).update() == 1;
    }

    private static Duration duration(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Duration.parse(value);
    }

    private static SlaState map(ResultSet rs, int row) throws SQLException {
        return new SlaState(rs.getLong("id"), rs.getString("ticket_key"), rs.getString("status"),
                rs.getString("sla_calendar"), duration(rs, "first_response_target"), duration(rs, "resolution_target"),
                instant(rs, "created_at"), instant(rs, "first_response_at"), instant(rs, "resolved_at"),
                instant(rs, "first_response_due"), instant(rs, "resolution_due"), rs.getLong("paused_seconds"),
                instant(rs, "paused_since"));
    }
}
