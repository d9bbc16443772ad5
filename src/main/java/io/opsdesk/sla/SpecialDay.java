package io.opsdesk.sla;

import java.time.LocalDate;
import java.util.Objects;

/** A date that differs from the weekly hours: a public holiday or a make-up working day (调休上班). */
record SpecialDay(LocalDate date, Kind kind, String name) {

    enum Kind {
        /** Not worked, even on a weekday. */
        HOLIDAY,
        /** Worked, even on a weekend, with the calendar's working-day hours. */
        WORKDAY
    }

    SpecialDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
    }
}
