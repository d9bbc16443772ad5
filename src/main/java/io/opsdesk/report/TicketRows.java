package io.opsdesk.report;

import static io.opsdesk.jdbc.SqlTime.instant;
import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.time.Instant;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a report reads of OpsDesk's {@code ticket} and {@code ticket_timeline} tables: every ticket that was open at
 * some moment of the period, once, and the timeline entries that count, each handed on as it is read, so that a
 * report over a million tickets holds none of them.
 */
@Component
class TicketRows {

    /** The columns a report needs of one ticket. */
    record Row(long id, String key, String title, String type, String system, String priority, String status,
               Instant created, Instant firstResponse, Instant resolved, Instant closed, Instant firstResponseDue,
               Instant resolutionDue, Instant pausedSince, Integer rating) {

        boolean openAt(Instant moment) {
            return created.isBefore(moment) && (closed == null || !closed.isBefore(moment));
        }
    }

    /** A timeline entry that counts: ACCEPTED, REJECTED, VERIFIED or VERIFICATION_FAILED. */
    record Event(long ticketId, String type, Instant at) {
    }

    private final JdbcClient jdbc;

    TicketRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Hands each ticket of the period to {@code each} as it is read: nothing is held. */
    void rows(ReportPeriod period, Consumer<Row> each) {
        jdbc.sql("""
                select id, ticket_key, title, type, affected_system, priority, status, created_at, first_response_at,
                       resolved_at, closed_at, first_response_due, resolution_due, paused_since, acceptance_rating
                from ticket where created_at < :to and (closed_at is null or closed_at >= :from)""")
                .param("from", timestamp(period.from())).param("to", timestamp(period.to()))
                .query((RowCallbackHandler) rs -> each.accept(new Row(rs.getLong("id"), rs.getString("ticket_key"),
                        rs.getString("title"), rs.getString("type"), rs.getString("affected_system"), rs.getString("priority"),
                        rs.getString("status"), instant(rs, "created_at"), instant(rs, "first_response_at"),
                        instant(rs, "resolved_at"), instant(rs, "closed_at"), instant(rs, "first_response_due"),
                        instant(rs, "resolution_due"), instant(rs, "paused_since"),
                        rs.getObject("acceptance_rating", Integer.class))));
    }

    /**
     * The counted timeline entries, up to the end of the period, of the tickets of {@link #rows} (bounces count
     * since the ticket was opened): read through the ticket's index, so that years of closed tickets are not read.
     */
    void events(ReportPeriod period, Consumer<Event> each) {
        jdbc.sql("""
                select e.ticket_id, e.entry_type, e.occurred_at
                from ticket t join ticket_timeline e on e.ticket_id = t.id
                where t.created_at < :to and (t.closed_at is null or t.closed_at >= :from)
                  and e.entry_type in ('ACCEPTED', 'REJECTED', 'VERIFIED', 'VERIFICATION_FAILED') and e.occurred_at < :to""")
                .param("from", timestamp(period.from())).param("to", timestamp(period.to()))
                .query((RowCallbackHandler) rs -> each.accept(
                        new Event(rs.getLong("ticket_id"), rs.getString("entry_type"), instant(rs, "occurred_at"))));
    }
}
