package io.opsdesk.ticket;

import static io.opsdesk.jdbc.SqlTime.instant;
import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code ticket_start} table: tickets whose process is still to be started. A row is claimed with
 * {@code FOR UPDATE SKIP LOCKED} (PostgreSQL and H2), so that two nodes never take the same ticket, and deleted
 * in the transaction that starts the ticket's process.
 */
@Repository
class StartQueue {

    /** What waits: how many, how many of them have failed at least once, and since when the oldest waits. */
    record Backlog(long queued, long failing, Optional<Instant> oldest) {
    }

    private final JdbcClient jdbc;

    StartQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long ticketId, Instant now) {
        jdbc.sql("insert into ticket_start (ticket_id, requested_at, next_attempt_at) values (:id, :now, :now)")
                .param("id", ticketId).param("now", timestamp(now)).update();
    }

    /**
     * Locks up to {@code limit} due rows that no other transaction holds; the caller's transaction keeps the locks.
     * A row never tried is due whatever its time says: the node that queued it may run ahead of this one's clock.
     */
    List<Long> claimDue(int limit, Instant now) {
        return jdbc.sql("""
                select ticket_id from ticket_start where attempts = 0 or next_attempt_at <= :now
                order by next_attempt_at, ticket_id limit :limit for update skip locked""")
                .param("now", timestamp(now)).param("limit", limit)
                .query(Long.class).list();
    }

    /** Locks the row of one ticket if it is still queued and no other transaction holds it. */
    boolean claim(long ticketId) {
        return !jdbc.sql("select ticket_id from ticket_start where ticket_id = :id for update skip locked")
                .param("id", ticketId).query(Long.class).list().isEmpty();
    }

    void remove(long ticketId) {
        jdbc.sql("delete from ticket_start where ticket_id = :id").param("id", ticketId).update();
    }

    int attempts(long ticketId) {
        return jdbc.sql("select attempts from ticket_start where ticket_id = :id").param("id", ticketId)
                .query(Integer.class).optional().orElse(0);
    }

    /** The start failed: counted, its error kept, tried again at {@code next}. */
    void failed(long ticketId, String error, Instant next) {
        jdbc.sql("""
                update ticket_start set attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                where ticket_id = :id""")
                .param("id", ticketId).param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("next", timestamp(next)).update();
    }

    Backlog backlog() {
        return jdbc.sql("""
                select count(*) as queued, count(case when attempts > 0 then 1 end) as failing,
                       min(requested_at) as oldest from ticket_start""")
                .query((rs, n) -> new Backlog(rs.getLong("queued"), rs.getLong("failing"),
                        Optional.ofNullable(instant(rs, "oldest"))))
                .single();
    }
}
