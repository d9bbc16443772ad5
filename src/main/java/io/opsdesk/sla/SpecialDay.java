package io.opsdesk.sla;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date that differs from the weekly hours: a public holiday or a make-up working day (调休上班).
 * A provisional day was computed from the law ({@link StatutoryHolidays}) for a year whose official
 * notice is not loaded yet; the notice replaces all of that year's provisional days.
 */
record SpecialDay(LocalDate date, Kind kind, String name, boolean provisional) {

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

    /** A day from an official notice or a holiday file. */
    SpecialDay(LocalDate date, Kind kind, String name) {
        this(date, kind, name, false);
    }
}
