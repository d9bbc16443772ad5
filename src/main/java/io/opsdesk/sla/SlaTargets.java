package io.opsdesk.sla;

import java.time.Duration;

/** What {@code sla-policy.dmn} gives a ticket: business-time targets of both clocks and the calendar they run on. */
public record SlaTargets(Duration firstResponse, Duration resolution, String calendar) {
}
