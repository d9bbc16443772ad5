package io.opsdesk.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Times as staff read them: in the team's zone ({@code opsdesk.ticket.zone}) as {@code 2026-12-01 22:18}, never
 * a UTC ISO string. Used by the task context in forms, timeline texts, staff mails and the report.
 */
@Component
public class TeamTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    public TeamTime(@Value("${opsdesk.ticket.zone}") ZoneId zone) {
        this.zone = zone;
    }

    /** {@code 2026-12-01 22:18} in the team's zone; "-" for no time. */
    public String format(Instant at) {
        return at == null ? "-" : MINUTES.format(at.atZone(zone));
    }

    public ZoneId zone() {
        return zone;
    }
}
