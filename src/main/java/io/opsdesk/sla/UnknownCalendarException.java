package io.opsdesk.sla;

import java.util.Collection;

/** A calendar name that is not configured under {@code opsdesk.sla.calendars}. */
public class UnknownCalendarException extends IllegalArgumentException {

    UnknownCalendarException(String name, Collection<String> known) {
        super("unknown SLA calendar '" + name + "'; configured calendars (opsdesk.sla.calendars): "
                + String.join(", ", known));
    }
}
