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

    /**
     * The fixture week, once per test JVM: T1–T8 as commented, timeline entries, two inspection runs in the week and
     * one before it. {@code ReportFiguresTest} gives the figures they add up to.
     */
    synchronized void loadWeek() {
        if (jdbc.sql("select count(*) from ticket where ticket_key = 'OPS-900001'").query(Integer.class).single() > 0) {
            return;
        }
        // T1: P1 fault, first response 30 min (due after 15: breached), resolved after 24 h (met), closed, rated 5
        long t1 = ticket("OPS-900001", "FAULT", "billing").priority("P1").status("CLOSED").created("2024-06-03 09:00")
                .firstResponse("2024-06-03 09:30", "2024-06-03 09:15").resolved("2024-06-04 09:00", "2024-06-04 12:00")
                .closed("2024-06-05 10:00").rating(5).fingerprint("fp-export").insert();
        // T2: P2 fault, first response 1 h (met), failed verification once, rejected once, resolved after 72 h
        // (breached), closed, rated 3
        long t2 = ticket("OPS-900002", "FAULT", "billing").priority("P2").status("CLOSED").created("2024-06-03 10:00")
                .firstResponse("2024-06-03 11:00", "2024-06-03 13:00").resolved("2024-06-06 10:00", "2024-06-05 18:00")
                .closed("2024-06-07 10:00").rating(3).insert();
        // T3: P3 feature, first response 2 h (met), failed verification twice, still open, resolution due Fri 18:00
        long t3 = ticket("OPS-900003", "FEATURE_REQUEST", "crm").priority("P3").status("IN_DEVELOPMENT")
                .created("2024-06-04 14:00").firstResponse("2024-06-04 16:00", "2024-06-05 18:00")
                .resolved(null, "2024-06-07 18:00").insert();
        // T4: P4 question, first response 10 min (met), resolved after 3 h (met), closed, rated 4
        long t4 = ticket("OPS-900004", "BUSINESS_QUESTION", "crm").priority("P4").status("CLOSED")
                .created("2024-06-05 09:00").firstResponse("2024-06-05 09:10", "2024-06-05 18:00")
                .resolved("2024-06-05 12:00", "2024-06-07 18:00").closed("2024-06-05 15:00").rating(4).insert();
        // T5: opened in May, answered in May, still in progress, resolution long overdue, one failed verification in May
        long t5 = ticket("OPS-900005", "FAULT", "billing").priority("P2").status("IN_PROGRESS").created("2024-05-01 09:00")
                .firstResponse("2024-05-01 10:00", "2024-05-01 13:00").resolved(null, "2024-05-03 18:00").insert();
        // T6: opened on Sunday evening, not triaged yet, first response due after the week
        ticket("OPS-900006", "DATA_REQUEST", "billing").status("NEW").created("2024-06-09 23:00")
                .firstResponse(null, "2024-06-10 10:00").insert();
        // T7 closed before the week, T8 opened after it: in no figure
        ticket("OPS-900007", "FAULT", "crm").priority("P2").status("CLOSED").created("2024-05-01 09:00")
                .closed("2024-05-20 09:00").rating(1).insert();
        ticket("OPS-900008", "FAULT", "crm").status("NEW").created("2024-06-10 01:00").insert();

        timeline(t1, "ACCEPTED", "2024-06-05 10:00");
        timeline(t2, "VERIFICATION_FAILED", "2024-06-04 15:00");
        timeline(t2, "VERIFIED", "2024-06-04 17:00");
        timeline(t2, "REJECTED", "2024-06-05 09:00");
        timeline(t2, "VERIFIED", "2024-06-06 09:00");
        timeline(t2, "ACCEPTED", "2024-06-07 10:00");
        timeline(t3, "VERIFICATION_FAILED", "2024-06-07 11:00");
        timeline(t3, "VERIFICATION_FAILED", "2024-06-08 11:00");
        timeline(t4, "ACCEPTED", "2024-06-05 15:00");
        timeline(t5, "VERIFICATION_FAILED", "2024-05-10 10:00");

        long monday = run("2024-06-03 09:00");
        result(monday, "fixture-http", "APPLICATION", "OK", 100L, "HTTP 200", "[]", "2024-06-03 09:00");
        result(monday, "fixture-log", "LOGS", "WARNING", null, "2 findings",
                "[" + finding("fp-export", "IllegalStateException: Export failed", 3) + ","
                        + finding("fp-timeout", "SocketTimeoutException: Read timed out", 1) + "]", "2024-06-03 09:01");
        long tuesday = run("2024-06-04 09:00");
        result(tuesday, "fixture-http", "APPLICATION", "FAILED", 300L, "HTTP 503", "[]", "2024-06-04 09:00");
        result(tuesday, "fixture-log", "LOGS", "WARNING", null, "1 finding",
                "[" + finding("fp-export", "IllegalStateException: Export failed", 2) + "]", "2024-06-04 09:01");
        // a run the week before: not counted
        long before = run("2024-05-31 09:00");
        result(before, "fixture-http", "APPLICATION", "FAILED", 900L, "HTTP 500", "[]", "2024-05-31 09:00");
        // releases: one delivered in the week shipping T3 and T4 (T5 had closed meanwhile: noted, not shipped), one
        // rolled back in it, one delivered the day after it: not counted
        long shipped = release("5.1.0", "DELIVERED", "2024-06-04 22:00", "2024-06-04 23:30");
        releaseTicket(shipped, "OPS-900003", "2024-06-04 23:20", null);
        releaseTicket(shipped, "OPS-900004", "2024-06-04 23:21", null);
        releaseTicket(shipped, "OPS-900005", "2024-06-04 23:22", "not delivered by this release: the ticket no longer waited for a release");
        long rolledBack = release("5.2.0", "ROLLED_BACK", "2024-06-06 22:00", "2024-06-07 00:40");
        releaseTicket(rolledBack, "OPS-900006", null, null);
        long after = release("5.2.1", "DELIVERED", "2024-06-09 22:00", "2024-06-10 00:10");
        releaseTicket(after, "OPS-900006", "2024-06-10 00:05", null);
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

    long release(String version, String status, String windowStart, String finished) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into software_release (version, status, requested_by, requested_at, release_notes, window_start, finished_at)
                values (:version, :status, 'fixture', :window, 'Release notes', :window, :finished)""")
                .param("version", version).param("status", status).param("window", at(windowStart)).param("finished", at(finished))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void releaseTicket(long release, String ticketKey, String delivered, String note) {
        jdbc.sql("""
                insert into software_release_ticket (release_id, ticket_key, position, delivered_at, note)
                values (:release, :key, (select count(*) from software_release_ticket where release_id = :release), :delivered, :note)""")
                .param("release", release).param("key", ticketKey).param("delivered", at(delivered)).param("note", note)
                .update();
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
