package io.opsdesk.sla;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/holidays}: WARNING when a calendar with statutory holidays counts on provisional
 * days for the current year, or from 1 November for the next one, because no official notice is loaded
 * (neither in the database nor in the holiday file). In a group of its own, out of the root status
 * ({@code opsdesk.health.not-in-root}): a missing notice is work for a manager, not a reason to take a node out.
 */
@Component("holidayNotices")
class HolidaysHealthIndicator implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "a holiday notice is missing; provisional days count");

    private final MissingHolidayNotices notices;
    private final Clock clock;

    @Autowired
    HolidaysHealthIndicator(MissingHolidayNotices notices) {
        this(notices, Clock.systemUTC());
    }

    HolidaysHealthIndicator(MissingHolidayNotices notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Map<String, Object> missing = new LinkedHashMap<>();
        for (MissingHolidayNotices.Missing notice : notices.at(clock.instant())) {
            missing.put(notice.calendar(), Map.of("en", notices.describe(notice, Locale.ENGLISH),
                    "zh-CN", notices.describe(notice, Locale.SIMPLIFIED_CHINESE)));
        }
        return (missing.isEmpty() ? Health.up() : Health.status(WARNING)).withDetails(missing).build();
    }
}
