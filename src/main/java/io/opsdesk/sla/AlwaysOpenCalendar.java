package io.opsdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** 24×7: business time is elapsed time. Time zones, holidays and daylight saving do not matter. */
final class AlwaysOpenCalendar implements BusinessCalendar {

    static final AlwaysOpenCalendar INSTANCE = new AlwaysOpenCalendar();

    private AlwaysOpenCalendar() {
    }

    @Override
    public Instant add(Instant start, Duration businessDuration) {
        Objects.requireNonNull(start, "start");
        WorkingHoursCalendar.requireNonNegative(businessDuration);
        return start.plus(businessDuration);
    }

    @Override
    public Duration between(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }

    @Override
    public boolean isWorkingTime(Instant instant) {
        return true;
    }

    @Override
    public String toString() {
        return "24x7";
    }
}
