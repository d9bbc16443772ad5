package io.opsdesk.release;

import static io.opsdesk.jdbc.SqlTime.instant;
import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.opsdesk.jdbc.SqlValues;

/** Releases ({@code software_release}) and the tickets each includes ({@code software_release_ticket}). */
@Repository
class ReleaseRepository {

    /** The open release a ticket is in. */
    record Holding(String releaseKey, String version, ReleaseStatus status) {
    }

    private final JdbcClient jdbc;

    ReleaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String version, String summary, String requestedBy, Instant requestedAt, String notes, List<String> ticketKeys) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into software_release (version, summary, status, requested_by, requested_at, release_notes)
                values (:version, :summary, :status, :by, :at, :notes)""")
                .param("version", version)
                .param("summary", summary)
                .param("status", ReleaseStatus.AWAITING_APPROVAL.name())
                .param("by", requestedBy)
                .param("at", timestamp(requestedAt))
                .param("notes", notes)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (int i = 0; i < ticketKeys.size(); i++) {
            jdbc.sql("insert into software_release_ticket (release_id, ticket_key, position) values (:id, :key, :position)")
                    .param("id", id).param("key", ticketKeys.get(i)).param("position", i).update();
        }
        return id;
    }

    void startedBy(long id, String processInstanceId) {
        set(id, Map.of("process_instance_id", processInstanceId));
    }

    /** The supervisor's decision; a refused release is finished with it. */
    void decided(long id, ReleaseStatus status, String by, Instant at, String comment) {
        Map<String, Object> columns = new HashMap<>(Map.of("status", status, "decided_by", by, "decided_at", at,
                "decision_comment", comment == null ? "" : comment));
        if (!status.isOpen()) {
            columns.put("finished_at", at);
        }
        set(id, columns);
    }

    void planned(long id, Instant windowStart, Instant windowEnd) {
        set(id, Map.of("window_start", windowStart, "window_end", windowEnd));
    }

    void status(long id, ReleaseStatus status) {
        set(id, Map.of("status", status));
    }

    void deployed(long id, String by, Instant at, String notes) {
        set(id, step("deployed_by", by, "deployed_at", at, "deployment_notes", notes));
    }

    void verified(long id, String by, Instant at, String notes) {
        set(id, step("verified_by", by, "verified_at", at, "verification_notes", notes));
    }

    void rolledBack(long id, String by, Instant at, String notes) {
        set(id, step("rolled_back_by", by, "rolled_back_at", at, "rollback_notes", notes));
    }

    void finished(long id, ReleaseStatus status, Instant at) {
        set(id, Map.of("status", status, "finished_at", at));
    }

    /** who, when and notes (which may be null) of one step */
    private static Map<String, Object> step(String byColumn, String by, String atColumn, Instant at, String notesColumn,
                                            String notes) {
        Map<String, Object> columns = new HashMap<>();
        columns.put(byColumn, by);
        columns.put(atColumn, at);
        columns.put(notesColumn, notes);
        return columns;
    }

    /** Sets columns of one release; the column names are this class's own. */
    private void set(long id, Map<String, Object> columns) {
        StringBuilder sql = new StringBuilder("update software_release set id = id");
        columns.keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
        JdbcClient.StatementSpec statement = jdbc.sql(sql.append(" where id = :id").toString()).param("id", id);
        for (Map.Entry<String, Object> column : columns.entrySet()) {
            statement = statement.param(column.getKey(), SqlValues.parameter(column.getValue()));
        }
        if (statement.update() != 1) {
            throw new IllegalStateException("there is no release " + Release.key(id));
        }
    }

    /**
     * Locks the tickets' rows until the transaction ends, so that two releases registered at the same moment cannot
     * both take a ticket: the second waits, then sees the first.
     */
    void lockTickets(List<String> ticketKeys) {
        if (!ticketKeys.isEmpty()) {
            jdbc.sql("select ticket_key from ticket where ticket_key in (:keys) for update")
                    .param("keys", ticketKeys).query(String.class).list();
        }
    }

    void ticketDelivered(long id, String ticketKey, Instant at, String note) {
        jdbc.sql("update software_release_ticket set delivered_at = :at, note = :note where release_id = :id and ticket_key = :key")
                .param("id", id).param("key", ticketKey).param("at", timestamp(at)).param("note", note).update();
    }

    Optional<Release> find(long id) {
        return jdbc.sql("select * from software_release where id = :id").param("id", id).query(this::map).optional()
                .map(this::withTickets);
    }

    /** The newest first. */
    List<Release> list(int limit) {
        return jdbc.sql("select * from software_release order by id desc limit :limit").param("limit", limit)
                .query(this::map).list().stream().map(this::withTickets).toList();
    }

    /** The open release that holds this ticket, if any. */
    Optional<Holding> openReleaseOf(String ticketKey) {
        return jdbc.sql("""
                select r.id, r.version, r.status from software_release r
                join software_release_ticket t on t.release_id = r.id
                where t.ticket_key = :key and r.status in (:open)
                order by r.id desc""")
                .param("key", ticketKey)
                .param("open", ReleaseStatus.OPEN.stream().map(Enum::name).toList())
                .query((rs, row) -> new Holding(Release.key(rs.getLong("id")), rs.getString("version"),
                        ReleaseStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    private List<Release.IncludedTicket> tickets(long id) {
        return jdbc.sql("""
                select rt.ticket_key, rt.delivered_at, rt.note, t.title, t.type, t.priority, t.affected_system, t.status
                from software_release_ticket rt left join ticket t on t.ticket_key = rt.ticket_key
                where rt.release_id = :id order by rt.position""")
                .param("id", id)
                .query((rs, row) -> new Release.IncludedTicket(rs.getString("ticket_key"), rs.getString("title"),
                        rs.getString("type"), rs.getString("priority"), rs.getString("affected_system"), rs.getString("status"),
                        instant(rs, "delivered_at"), rs.getString("note")))
                .list();
    }

    private Release map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new Release(id, Release.key(id), rs.getString("version"), rs.getString("summary"),
                ReleaseStatus.valueOf(rs.getString("status")), rs.getString("requested_by"), instant(rs, "requested_at"),
                rs.getString("process_instance_id"), rs.getString("release_notes"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decision_comment"),
                instant(rs, "window_start"), instant(rs, "window_end"),
                rs.getString("deployed_by"), instant(rs, "deployed_at"), rs.getString("deployment_notes"),
                rs.getString("verified_by"), instant(rs, "verified_at"), rs.getString("verification_notes"),
                rs.getString("rolled_back_by"), instant(rs, "rolled_back_at"), rs.getString("rollback_notes"),
                instant(rs, "finished_at"), List.of());
    }

    private Release withTickets(Release release) {
        return release.withTickets(tickets(release.id()));
    }
}
