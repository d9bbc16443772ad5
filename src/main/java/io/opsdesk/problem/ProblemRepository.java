package io.opsdesk.problem;

import static io.opsdesk.jdbc.SqlTime.instant;
import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Problems ({@code problem}) and the tickets linked to each ({@code problem_ticket}); reads ticket titles, writes no ticket. */
@Repository
class ProblemRepository {

    private final JdbcClient jdbc;

    ProblemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new problem under investigation; returns its key. */
    String insert(String title, String system, String createdBy, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into problem (problem_key, title, system, state, created_by, created_at, updated_at)
                values (:provisional, :title, :system, :state, :by, :at, :at)""")
                .param("provisional", "new-" + UUID.randomUUID().toString().substring(0, 12))
                .param("title", title).param("system", system).param("state", ProblemState.INVESTIGATING.name())
                .param("by", createdBy).param("at", timestamp(at))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("update problem set problem_key = :key where id = :id").param("key", Problem.key(id)).param("id", id).update();
        return Problem.key(id);
    }

    void startedBy(String key, String processInstanceId) {
        jdbc.sql("update problem set process_instance_id = :pid where problem_key = :key")
                .param("pid", processInstanceId).param("key", key).update();
    }

    /** Root cause and workaround as given; null leaves a column as it is. */
    void described(String key, String rootCause, String workaround, Instant at) {
        jdbc.sql("""
                update problem set root_cause = coalesce(:cause, root_cause), workaround = coalesce(:workaround, workaround),
                updated_at = :at where problem_key = :key""")
                .param("cause", rootCause).param("workaround", workaround).param("at", timestamp(at)).param("key", key).update();
    }

    void knownError(String key, Instant at) {
        jdbc.sql("update problem set state = :state, known_error_at = :at, updated_at = :at where problem_key = :key")
                .param("state", ProblemState.KNOWN_ERROR.name()).param("at", timestamp(at)).param("key", key).update();
    }

    void fixed(String key, String fix, Instant at) {
        jdbc.sql("update problem set state = :state, fix = :fix, fixed_at = :at, updated_at = :at where problem_key = :key")
                .param("state", ProblemState.FIXED.name()).param("fix", fix).param("at", timestamp(at)).param("key", key).update();
    }

    /** Links a ticket; false if it was linked already. */
    boolean link(String key, String ticketKey, String by, Instant at) {
        return jdbc.sql("""
                insert into problem_ticket (problem_id, ticket_key, linked_by, linked_at)
                select id, :ticket, :by, :at from problem p where p.problem_key = :key
                and not exists (select 1 from problem_ticket t where t.problem_id = p.id and t.ticket_key = :ticket)""")
                .param("key", key).param("ticket", ticketKey).param("by", by).param("at", timestamp(at)).update() == 1;
    }

    Optional<Problem> find(String key) {
        return jdbc.sql("select * from problem where problem_key = :key").param("key", key).query(this::map).optional()
                .map(p -> p.withTickets(tickets(p.id())));
    }

    /** The newest first, without their tickets; a null state or system does not filter. */
    List<Problem> list(ProblemState state, String system, int limit) {
        String where = (state == null ? "" : " and state = :state") + (system == null ? "" : " and lower(system) = lower(:system)");
        JdbcClient.StatementSpec query = jdbc.sql("select * from problem where 1 = 1" + where + " order by id desc limit :limit")
                .param("limit", limit);
        if (state != null) {
            query = query.param("state", state.name());
        }
        if (system != null) {
            query = query.param("system", system);
        }
        return query.query(this::map).list();
    }

    /** The problems a ticket is linked to, the newest first, without their tickets. */
    List<Problem> ofTicket(String ticketKey) {
        return jdbc.sql("""
                select p.* from problem p join problem_ticket t on t.problem_id = p.id
                where t.ticket_key = :ticket order by p.id desc""")
                .param("ticket", ticketKey).query(this::map).list();
    }

    private List<Problem.LinkedTicket> tickets(long id) {
        return jdbc.sql("""
                select pt.ticket_key, pt.linked_by, pt.linked_at, t.title, t.status
                from problem_ticket pt left join ticket t on t.ticket_key = pt.ticket_key
                where pt.problem_id = :id order by pt.linked_at, pt.ticket_key""")
                .param("id", id)
                .query((rs, row) -> new Problem.LinkedTicket(rs.getString("ticket_key"), rs.getString("title"),
                        rs.getString("status"), rs.getString("linked_by"), instant(rs, "linked_at")))
                .list();
    }

    private Problem map(ResultSet rs, int row) throws SQLException {
        return new Problem(rs.getLong("id"), rs.getString("problem_key"), rs.getString("title"), rs.getString("system"),
                rs.getString("root_cause"), rs.getString("workaround"), rs.getString("fix"),
                ProblemState.valueOf(rs.getString("state")), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "known_error_at"), instant(rs, "fixed_at"), List.of());
    }
}
