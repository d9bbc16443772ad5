package io.opsdesk.report;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Tickets, timeline entries and inspection results with known timings, written straight into OpsDesk's tables for
 * the week of Monday 2024-06-03 in Asia/Shanghai, a week no other test touches.
 */
final class ReportFixture {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    ReportFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A local time in Shanghai, e.g. {@code at("2024-06-03 09:00")}. */
    static Timestamp at(String local) {
        return local == null ? null
                : Timestamp.from(LocalDateTime.parse(local.replace(' ', 'T')).atZone(ZONE).toInstant());
    }

    /** A ticket builder; {@link Ticket#insert()} writes it and returns its id. */
    Ticket ticket(String key, String type, String system) {
        return new Ticket(key, type, system);
    }

    final class Ticket {
        private final Map<String, Object> columns = new HashMap<>();

        private Ticket(String key, String type, String system) {
            columns.put("ticket_key", key);
            columns.put("type", type);
            columns.put("affected_system", system);
            columns.put("title", "Fixture " + key);
            columns.put("status", "IN_ANALYSIS");
        }

        Ticket priority(String priority) {
            columns.put("priority", priority);
            return this;
        }

        Ticket status(String status) {
            columns.put("status", status);
            return this;
        }

        Ticket created(String local) {
            return time("created_at", local);
        }

        Ticket firstResponse(String local, String due) {
            time("first_response_at", local);
            return time("first_response_due", due);
        }

        Ticket resolved(String local, String due) {
            time("resolved_at", local);
            return time("resolution_due", due);
        }

        Ticket closed(String local) {
            return time("closed_at", local);
        }

        Ticket rating(int rating) {
            columns.put("acceptance_rating", rating);
            return this;
        }

        Ticket fingerprint(String fingerprint) {
            columns.put("finding_fingerprint", fingerprint);
            return this;
        }

        private Ticket time(String column, String local) {
            columns.put(column, at(local));
            return this;
        }

        long insert() {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into ticket (ticket_key, type, title, description, affected_system, impact, urgency, priority,
                        status, source, customer_name, customer_email, customer_locale, tracking_token_hash, created_at,
                        updated_at, first_response_at, first_response_due, resolved_at, resolution_due, closed_at,
                        acceptance_rating, finding_fingerprint)
                    values (:ticket_key, :type, :title, 'fixture', :affected_system, 'MEDIUM', 'MEDIUM', :priority,
                        :status, 'API', 'Fixture Customer', 'fixture@example.com', 'en', :ticket_key, :created_at,
                        :created_at, :first_response_at, :first_response_due, :resolved_at, :resolution_due, :closed_at,
                        :acceptance_rating, :finding_fingerprint)""")
                    .params(withNulls(columns))
                    .update(keys, "id");
            return keys.getKey().longValue();
        }
    }

    void timeline(long ticketId, String type, String local) {
        jdbc.sql("""
                insert into ticket_timeline (ticket_id, occurred_at, actor, entry_type, message, visibility)
                values (:ticket, :at, 'fixture', :type, 'fixture', 'INTERNAL')""")
                .param("ticket", ticketId).param("at", at(local)).param("type", type).update();
    }

    long run(String local) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into inspection_run (triggered_by, started_at, finished_at) values ('fixture', :at, :at)")
                .param("at", at(local)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void result(long run, String target, String kind, String status, Long latencyMs, String message, String findings,
                String local) {
        jdbc.sql("""
                insert into inspection_result (run_id, target_name, kind, status, latency_ms, message, findings, checked_at)
                values (:run, :target, :kind, :status, :latency, :message, :findings, :at)""")
                .param("run", run).param("target", target).param("kind", kind).param("status", status)
                .param("latency", latencyMs).param("message", message).param("findings", findings)
                .param("at", at(local)).update();
    }

    static String finding(String fingerprint, String title, int count) {
        return "{\"fingerprint\":\"%s\",\"title\":\"%s\",\"evidence\":\"fixture\",\"count\":%d,\"firstSeen\":null,\"lastSeen\":null}"
                .formatted(fingerprint, title, count);
    }

    private static Map<String, Object> withNulls(Map<String, Object> columns) {
        Map<String, Object> all = new HashMap<>(columns);
        for (String column : new String[] {"priority", "first_response_at", "first_response_due", "resolved_at",
                "resolution_due", "closed_at", "acceptance_rating", "finding_fingerprint"}) {
            all.putIfAbsent(column, null);
        }
        return all;
    }
}
