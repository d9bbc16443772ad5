package io.opsdesk.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the report page and mail write figures: durations as days, hours and minutes, times in the report's zone. */
public final class ReportFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final ZoneId zone;

    ReportFormat(ZoneId zone) {
        this.zone = zone;
    }

    /** {@code 2 d 3 h}, {@code 5 h 20 min}, {@code 12 min}, {@code 40 s}; a dash for none. */
    public String duration(Long seconds) {
        if (seconds == null) {
            return "–";
        }
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes > 0 ? minutes + " min" : seconds + " s";
    }

    public String percent(Double value) {
        return value == null ? "–" : value + " %";
    }

    public String time(Instant instant) {
        return instant == null ? "–" : TIME.format(instant.atZone(zone));
    }

    /** The last day of a period that ends at midnight, else the end time itself. */
    public String until(Instant to) {
        var local = to.atZone(zone);
        return local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? local.toLocalDate().minusDays(1).toString()
                : TIME.format(local);
    }

    public String since(Instant from) {
        var local = from.atZone(zone);
        return local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? local.toLocalDate().toString() : TIME.format(local);
    }
}
