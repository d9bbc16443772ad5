package io.opsdesk.release;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code opsdesk.release}: the maintenance window releases are deployed in (days of the week, start time, length, in
 * {@code zone}) and the group told when a release is rolled back.
 */
@ConfigurationProperties("opsdesk.release")
public record ReleaseProperties(Window maintenanceWindow, ZoneId zone, String rollbackNoticeGroup) {

    public ReleaseProperties {
        if (maintenanceWindow == null) {
            throw new IllegalStateException("opsdesk.release.maintenance-window is missing: days, start and duration");
        }
        if (zone == null) {
            throw new IllegalStateException("opsdesk.release.zone is missing: the time zone of the maintenance window");
        }
        if (rollbackNoticeGroup == null || rollbackNoticeGroup.isBlank()) {
            throw new IllegalStateException("opsdesk.release.rollback-notice-group is missing");
        }
    }

    /** A weekly window: it opens on each of {@code days} at {@code start} and lasts {@code duration}. */
    public record Window(Set<DayOfWeek> days, LocalTime start, Duration duration) {

        public Window {
            if (days == null || days.isEmpty()) {
                throw new IllegalStateException("opsdesk.release.maintenance-window.days: name at least one day, e.g. [TUESDAY, THURSDAY]");
            }
            if (start == null) {
                throw new IllegalStateException("opsdesk.release.maintenance-window.start is missing, e.g. 22:00");
            }
            if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofHours(24)) > 0) {
                throw new IllegalStateException("opsdesk.release.maintenance-window.duration: between PT1M and PT24H, e.g. PT2H; got "
                        + duration);
            }
            days = EnumSet.copyOf(days);
        }
    }
}
