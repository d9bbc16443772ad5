package io.opsdesk.ticket;

import io.opsdesk.engine.EngineTime;
import static io.opsdesk.jdbc.SqlTime.timestamp;
import static io.opsdesk.jdbc.SqlTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.opsdesk.jdbc.SqlValues;

/** Plain JDBC access to the ticket and its timeline. */
@Repository
public class TicketRepository {

    private static final RowMapper<Ticket> TICKET = TicketRepository::mapTicket;

    private final JdbcClient jdbc;

    TicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the ticket, gives it its key {@code OPS-000123} and returns it. */
    Ticket insert(NewTicket t, String tokenHash, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into ticket (ticket_key, type, title, description, affected_system, impact, urgency, status, source,
                    customer_name, customer_email, customer_organization, customer_locale, tracking_token_hash,
                    created_at, updated_at)
                values (:key, :type, :title, :description, :system, :impact, :urgency, 'NEW', :source,
                    :name, :email, :org, :locale, :hash, :now, :now)""")
                .param("key", "PENDING-" + tokenHash.substring(0, 12))
                .param("type", t.type().name())
                .param("title", t.title())
                .param("description", t.description())
                .param("system", t.system())
                .param("impact", t.impact().name())
                .param("urgency", t.urgency().name())
                .param("source", t.source())
                .param("name", t.customerName())
                .param("email", t.customerEmail())
                .param("org", t.customerOrganization())
                .param("locale", t.customerLocale())
                .param("hash", tokenHash)
                .param("now", timestamp(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        String key = "OPS-%06d".formatted(id);
        jdbc.sql("update ticket set ticket_key = :key where id = :id").param("key", key).param("id", id).update();
        return findById(id).orElseThrow();
    }

    public Optional<Ticket> findByKey(String key) {
        return jdbc.sql("select * from ticket where ticket_key = :key").param("key", key).query(TICKET).optional();
    }

    public Optional<Ticket> findById(long id) {
        return jdbc.sql("select * from ticket where id = :id").param("id", id).query(TICKET).optional();
    }

    /** The newest ticket opened for an inspection finding that is not CLOSED or DECLINED, if any. */
    public Optional<Ticket> findOpenByFindingFingerprint(String fingerprint) {
        return jdbc.sql("""
                select * from ticket where finding_fingerprint = :fingerprint and status not in ('CLOSED', 'DECLINED')
                order by id desc""")
                .param("fingerprint", fingerprint).query(TICKET).list().stream().findFirst();
    }

    Optional<String> trackingTokenHash(String key) {
        return jdbc.sql("select tracking_token_hash from ticket where ticket_key = :key").param("key", key)
                .query(String.class).optional();
    }

    /** Sets columns of one ticket; column names come from code, never from input. */
    public void update(String key, Map<String, Object> columns) {
        StringBuilder sql = new StringBuilder("update ticket set updated_at = :updatedAt, version = version + 1");
        columns.keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
        JdbcClient.StatementSpec statement = jdbc.sql(sql.append(" where ticket_key = :key").toString())
                .param("key", key)
                .param("updatedAt", timestamp(EngineTime.now()));
        for (Map.Entry<String, Object> column : columns.entrySet()) {
            statement = statement.param(column.getKey(), SqlValues.parameter(column.getValue()));
        }
        if (statement.update() != 1) {
            throw new TicketNotFoundException(key);
        }
    }

    void linkFinding(String key, String fingerprint) {
        jdbc.sql("update ticket set finding_fingerprint = :fingerprint, updated_at = :now where ticket_key = :key")
                .param("fingerprint", fingerprint).param("key", key).param("now", timestamp(EngineTime.now())).update();
    }

    public void incrementTestFailures(String key) {
        jdbc.sql("update ticket set test_failure_count = test_failure_count + 1, updated_at = :now where ticket_key = :key")
                .param("key", key).param("now", timestamp(EngineTime.now())).update();
    }

    public void addTimeline(String key, String actor, String type, String message, Visibility visibility) {
        jdbc.sql("""
                insert into ticket_timeline (ticket_id, occurred_at, actor, entry_type, message, visibility)
                select id, :at, :actor, :type, :message, :visibility from ticket where ticket_key = :key""")
                .param("key", key)
                .param("at", timestamp(EngineTime.now()))
                .param("actor", actor)
                .param("type", type)
                .param("message", message)
                .param("visibility", visibility.name())
                .update();
    }

    public List<TimelineEntry> timeline(String key, boolean includeInternal) {
        return jdbc.sql("""
                select e.occurred_at, e.actor, e.entry_type, e.message, e.visibility
                from ticket_timeline e join ticket t on t.id = e.ticket_id
                where t.ticket_key = :key and (:internal = true or e.visibility = 'PUBLIC')
                order by e.occurred_at, e.id""")
                .param("key", key)
                .param("internal", includeInternal)
                .query((rs, n) -> new TimelineEntry(instant(rs, "occurred_at"), rs.getString("actor"),
                        rs.getString("entry_type"), rs.getString("message"), Visibility.valueOf(rs.getString("visibility"))))
                .list();
    }

    List<Ticket> search(TicketQuery query) {
        return jdbc.sql("select * from ticket" + query.where() + " order by created_at desc, id desc limit :limit offset :offset")
                .params(query.params(EngineTime.now()))
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(TICKET)
                .list();
    }

    long count(TicketQuery query) {
        return jdbc.sql("select count(*) from ticket" + query.where()).params(query.params(EngineTime.now()))
                .query(Long.class).single();
    }

    private static Ticket mapTicket(ResultSet rs, int row) throws SQLException {
        LocalDate delivery = rs.getObject("agreed_delivery_date", LocalDate.class);
        return new Ticket(
                rs.getLong("id"),
                rs.getString("ticket_key"),
                TicketType.valueOf(rs.getString("type")),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("affected_system"),
                Level.valueOf(rs.getString("impact")),
                Level.valueOf(rs.getString("urgency")),
                rs.getString("priority"),
                TicketStatus.valueOf(rs.getString("status")),
                rs.getString("source"),
                rs.getString("customer_name"),
                rs.getString("customer_email"),
                rs.getString("customer_organization"),
                rs.getString("customer_locale"),
                rs.getString("owning_group"),
                rs.getString("assignee"),
                rs.getString("handling_plan"),
                (Boolean) rs.getObject("feasible"),
                (Integer) rs.getObject("effort_days"),
                delivery,
                rs.getString("decline_reason"),
                rs.getString("resolution"),
                rs.getInt("test_failure_count"),
                (Integer) rs.getObject("acceptance_rating"),
                rs.getString("acceptance_comment"),
                instant(rs, "created_at"),
                instant(rs, "first_response_at"),
                instant(rs, "resolved_at"),
                instant(rs, "closed_at"),
                instant(rs, "updated_at"),
                new Ticket.Sla(
                        rs.getString("customer_tier"),
                        rs.getString("sla_calendar"),
                        rs.getString("first_response_target"),
                        rs.getString("resolution_target"),
                        instant(rs, "first_response_due"),
                        instant(rs, "resolution_due"),
                        instant(rs, "first_response_breached_at"),
                        instant(rs, "resolution_breached_at"),
                        rs.getLong("paused_seconds"),
                        instant(rs, "paused_since")));
    }
}
