package io.opsdesk.sla;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One stretch of working time within a day in local wall-clock time, e.g. {@code 09:00-12:00}.
 * An end of {@code 24:00} (or {@code 00:00}) means the end of the day, so {@code 00:00-24:00} is the
 * whole day. Intervals do not run past midnight: split a night shift into one interval per day.
 */
record OpeningInterval(LocalTime start, LocalTime end) {

    OpeningInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!endsAtMidnight(end) && !start.isBefore(end)) {
            throw new IllegalArgumentException("working interval " + format(start, end)
                    + " must end after it starts and not run past midnight");
        }
    }

    /** Parses {@code HH:mm-HH:mm}, e.g. {@code 13:30-18:00} or {@code 20:00-24:00}. */
    static OpeningInterval parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("working interval '" + text + "' is not of the form HH:mm-HH:mm");
        }
        try {
            LocalTime end = "24:00".equals(parts[1]) ? LocalTime.MIDNIGHT : LocalTime.parse(parts[1]);
            return new OpeningInterval(LocalTime.parse(parts[0]), end);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("working interval '" + text + "' is not of the form HH:mm-HH:mm", e);
        }
    }

    LocalDateTime startOn(LocalDate date) {
        return date.atTime(start);
    }

    LocalDateTime endOn(LocalDate date) {
        return endsAtMidnight(end) ? date.plusDays(1).atStartOfDay() : date.atTime(end);
    }

    boolean overlaps(OpeningInterval other) {
        return startOn(LocalDate.EPOCH).isBefore(other.endOn(LocalDate.EPOCH))
                && other.startOn(LocalDate.EPOCH).isBefore(endOn(LocalDate.EPOCH));
    }

    @Override
    public String toString() {
        return format(start, end);
    }

    private static boolean endsAtMidnight(LocalTime end) {
        return LocalTime.MIDNIGHT.equals(end);
    }

    private static String format(LocalTime start, LocalTime end) {
        return start + "-" + (endsAtMidnight(end) ? "24:00" : end.toString());
    }
}
