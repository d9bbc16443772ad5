package io.opsdesk.ticket;

import static io.opsdesk.jdbc.SqlTime.instant;
import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.opsdesk.sla.SlaClock;
import io.opsdesk.sla.SlaState;
import io.opsdesk.sla.SlaStep;
import io.opsdesk.sla.SlaTargets;

/** The SLA columns of the ticket table. */
@Repository
class SlaColumns {

    private final JdbcClient jdbc;

    SlaColumns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SlaState find(String key) {
        return jdbc.sql("""
                select status, sla_calendar, first_response_target, resolution_target, created_at, first_response_at,
                       resolved_at, resolution_due, paused_seconds, paused_since
                from ticket where ticket_key = :key""")
                .param("key", key).query(SlaColumns::map).optional().orElseThrow(() -> new TicketNotFoundException(key));
    }

    String customerTier(String key) {
        return jdbc.sql("select customer_tier from ticket where ticket_key = :key").param("key", key)
                .query(String.class).single();
    }

    void targets(String key, SlaTargets targets, Instant firstResponseDue, Instant resolutionDue) {
        jdbc.sql("""
                update ticket set sla_calendar = :calendar, first_response_target = :fr, resolution_target = :res,
                    first_response_due = :frDue, resolution_due = :resDue where ticket_key = :key""")
                .param("calendar", targets.calendar())
                .param("fr", targets.firstResponse().toString())
                .param("res", targets.resolution().toString())
                .param("frDue", timestamp(firstResponseDue))
                .param("resDue", timestamp(resolutionDue))
                .param("key", key)
                .update();
    }

    void resolutionTarget(String key, String calendar, Duration resolution) {
        jdbc.sql("update ticket set sla_calendar = :calendar, resolution_target = :res where ticket_key = :key")
                .param("calendar", calendar).param("res", resolution.toString()).param("key", key).update();
    }

    void resolutionDue(String key, Instant due) {
        jdbc.sql("update ticket set resolution_due = :due where ticket_key = :key")
                .param("due", timestamp(due)).param("key", key).update();
    }

    /** Starts a pause unless one is running; false if the clock was already paused. */
    boolean pause(String key, Instant now) {
        return jdbc.sql("update ticket set paused_since = :now where ticket_key = :key and paused_since is null")
                .param("now", timestamp(now)).param("key", key).update() == 1;
    }

    void endPause(String key, long pausedSeconds) {
        jdbc.sql("update ticket set paused_seconds = paused_seconds + :seconds, paused_since = null where ticket_key = :key")
                .param("seconds", pausedSeconds).param("key", key).update();
    }

    void reopen(String key, long pausedSeconds) {
        jdbc.sql("update ticket set paused_seconds = paused_seconds + :seconds, resolved_at = null where ticket_key = :key")
                .param("seconds", pausedSeconds).param("key", key).update();
    }

    /**
     * Marks a ladder step done, atomically: only the first caller, on any node, gets {@code true}. The column
     * ({@code first_response_warned_at}, {@code resolution_breached_at}, ...) comes from the enums, never from input.
     */
    boolean markOnce(String key, SlaClock clock, SlaStep step, Instant now) {
        String column = clock.name().toLowerCase(Locale.ROOT) + "_" + switch (step) {
            case WARNING -> "warned_at";
            case BREACH -> "breached_at";
            case ESCALATION -> "escalated_at";
        };
        return jdbc.sql("update ticket set " + column + " = :now where ticket_key = :key and " + column + " is null")
                .param("now", timestamp(now)).param("key", key).update() == 1;
    }

    private static Duration duration(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Duration.parse(value);
    }

    private static SlaState map(ResultSet rs, int row) throws SQLException {
        return new SlaState(rs.getString("sla_calendar"), duration(rs, "first_response_target"),
                duration(rs, "resolution_target"), instant(rs, "created_at"), instant(rs, "first_response_at"),
                instant(rs, "resolved_at"), instant(rs, "resolution_due"), rs.getLong("paused_seconds"),
                instant(rs, "paused_since"), TicketStatus.valueOf(rs.getString("status")).isFinal());
    }
}
