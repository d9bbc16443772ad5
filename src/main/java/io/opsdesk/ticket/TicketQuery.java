package io.opsdesk.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Filters and paging of {@code GET /api/tickets}. */
record TicketQuery(TicketStatus status, TicketType type, String priority, String system, int page, int size) {

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
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    Map<String, Object> params() {
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
        return params;
    }
}
