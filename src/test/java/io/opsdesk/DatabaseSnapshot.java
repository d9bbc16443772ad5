package io.opsdesk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Row counts and the last change of every ticket: equal snapshots mean a request changed nothing. */
public final class DatabaseSnapshot {

    private static final List<String> TABLES = List.of("ticket", "ticket_timeline", "ticket_link_token",
            "idempotency_record", "notification", "ticket_attachment", "inbound_mail", "ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_JOB", "ACT_RU_VARIABLE");

    private DatabaseSnapshot() {
    }

    /** Once the processes of the tickets created before have started (they would change the counts meanwhile). */
    public static Map<String, Object> of(JdbcClient jdbc) {
        QueuedStarts.awaitAll(jdbc);
        Map<String, Object> snapshot = new LinkedHashMap<>();
        for (String table : TABLES) {
            snapshot.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        snapshot.put("ticket versions", jdbc.sql("select coalesce(sum(version), 0) from ticket").query(Long.class).single());
        return snapshot;
    }
}
