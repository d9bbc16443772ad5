package io.opsdesk.ticket;

import io.opsdesk.engine.EngineTime;
import static io.opsdesk.jdbc.SqlTime.timestamp;
import static io.opsdesk.jdbc.SqlTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;


/** Plain JDBC access to the ticket row: insert, find, search. Its changes are {@link TicketChanges}. */
@Repository
class TicketRepository {

    private static final RowMapper<Ticket> TICKET = TicketRepository::mapTicket;

    private final JdbcClient jdbc;

    TicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the ticket with the organisation and SLA tier its customer was matched to, gives it its key
     * {@code OPS-000123} and returns it.
     */
    Ticket insert(NewTicket t, String organisation, String tier, String tokenHash, Instant at) {
        // what the column keeps (microseconds on H2 and PostgreSQL): the returned ticket is then the stored one
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into ticket (ticket_key, type, title, description, affected_system, impact, urgency, status, source,
                    customer_name, customer_email, customer_organization, customer_locale, customer_tier, tracking_token_hash,
                    created_at, updated_at)
                values (:key, :type, :title, :description, :system, :impact, :urgency, 'NEW', :source,
                    :name, :email, :org, :locale, :tier, :hash, :now, :now)""")
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
                .param("org", organisation)
                .param("tier", tier)
                .param("locale", t.customerLocale())
                .param("hash", tokenHash)
                .param("now", timestamp(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        String key = key(id);
        jdbc.sql("update ticket set ticket_key = :key where id = :id").param("key", key).param("id", id).update();
        // the row as inserted, without reading it back: a quarter of the intake writer's time went into that
        // read and the key's String.format (docs/performance.md); IntakeWriterTest compares it with the stored row
        return new Ticket(id, key, t.type(), t.title(), t.description(), t.system(), t.impact(), t.urgency(), null,
                TicketStatus.NEW, t.source(), t.customerName(), t.customerEmail(), organisation, t.customerLocale(),
                null, null, null, null, null, null, null, null, 0, null, null, now, null, null, null, now,
                new Ticket.Sla(tier, null, null, null, null, null, null, null, 0, null));
    }

    /** {@code OPS-000123}: the id, at least six digits. */
    static String key(long id) {
        String digits = Long.toString(id);
        return digits.length() >= 6 ? "OPS-" + digits : "OPS-" + "000000".substring(digits.length()) + digits;
    }

    Optional<Ticket> findByKey(String key) {
        return jdbc.sql("select * from ticket where ticket_key = :key").param("key", key).query(TICKET).optional();
    }

    Optional<Ticket> findById(long id) {
        return jdbc.sql("select * from ticket where id = :id").param("id", id).query(TICKET).optional();
    }

    /** The newest ticket opened for an inspection finding that is not CLOSED or DECLINED, if any. */
    Optional<Ticket> findOpenByFindingFingerprint(String fingerprint) {
        return jdbc.sql("""
                select * from ticket where finding_fingerprint = :fingerprint and status not in ('CLOSED', 'DECLINED')
                order by id desc""")
                .param("fingerprint", fingerprint).query(TICKET).list().stream().findFirst();
    }

    Optional<String> trackingTokenHash(String key) {
        return jdbc.sql("select tracking_token_hash from ticket where ticket_key = :key").param("key", key)
                .query(String.class).optional();
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
