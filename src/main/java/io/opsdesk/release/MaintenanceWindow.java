package io.opsdesk.release;

import org.springframework.stereotype.Component;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;


/** When the next maintenance window opens and closes ({@code opsdesk.release.maintenance-window}). */
@Component("maintenanceWindow")
public class MaintenanceWindow {

    /** One opening of the window. */
    public record Opening(Instant start, Instant end) {

        public boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }

    private final ReleaseProperties properties;

    MaintenanceWindow(ReleaseProperties properties) {
        this.properties = properties;
    }

    /**
     * The window that is open at {@code now}, or else the next one to open. A window that opened yesterday evening
     * and runs past midnight still counts.
     */
    public Opening next(Instant now) {
        ReleaseProperties.Window window = properties.maintenanceWindow();
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(8)); day = day.plusDays(1)) {
            if (!window.days().contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime start = day.atTime(window.start()).atZone(properties.zone());
            Instant end = start.plus(window.duration()).toInstant();
            if (now.isBefore(end)) {
                return new Opening(start.toInstant(), end);
            }
        }
        throw new IllegalStateException("no maintenance window in the next week: " + window);
    }
}
