package io.opsdesk.ticket;

import static io.opsdesk.jdbc.SqlTime.instant;
import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.opsdesk.engine.EngineTime;

/** The ticket's timeline: what happened, by whom, and whether the customer sees it. */
@Repository
class TimelineRepository {

    private final JdbcClient jdbc;

    TimelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String key, String actor, String type, String message, Visibility visibility) {
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

    List<TimelineEntry> list(String key, boolean includeInternal) {
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
}
