package io.opsdesk.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Filters and paging of {@code GET /api/tickets}. */
record TicketQuery(TicketStatus status, TicketType type, String priority, String system, boolean overdue, int page, int size) {

    /** Open tickets past a due date of a running SLA clock (a paused clock is not overdue). */
    static final String OVERDUE = "status not in ('CLOSED', 'DECLINED') and ("
            + "(first_response_at is null and first_response_due < :now)"
            + " or (resolved_at is null and paused_since is null and resolution_due < :now))";

    String where() {
        List<String> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add("status = :status");
        }
        if (type != null) {
            conditions.add("type = :type");
        }
        if (priority != null) {
            conditions.add("priority = :priority");
        }
        if (system != null) {
            conditions.add("affected_system = :system");
        }
        if (overdue) {
            conditions.add(OVERDUE);
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    Map<String, Object> params(java.time.Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (status != null) {
            params.put("status", status.name());
        }
        if (type != null) {
            params.put("type", type.name());
        }
        if (priority != null) {
            params.put("priority", priority);
        }
        if (system != null) {
            params.put("system", system);
        }
        if (overdue) {
            params.put("now", java.sql.Timestamp.from(now));
        }
        return params;
    }
}
