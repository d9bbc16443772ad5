package io.opsdesk.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.MessageSource;
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
    private static final MonthDay NEXT_YEAR_EXPECTED = MonthDay.of(11, 1);

    private final SlaProperties properties;
    private final HolidayNoticeService notices;
    private final MessageSource messages;
    private final Clock clock;

    @Autowired
    HolidaysHealthIndicator(SlaProperties properties, HolidayNoticeService notices, MessageSource messages) {
        this(properties, notices, messages, Clock.systemUTC());
    }

    HolidaysHealthIndicator(SlaProperties properties, HolidayNoticeService notices, MessageSource messages, Clock clock) {
        this.properties = properties;
        this.notices = notices;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Map<String, Object> missing = new LinkedHashMap<>();
        properties.getCalendars().forEach((name, config) -> {
            String statutory = config.getStatutoryHolidays();
            if (config.isAlwaysOpen() || statutory == null || statutory.equalsIgnoreCase(SlaProperties.Calendar.NO_FILE)) {
                return;
            }
            LocalDate today = LocalDate.now(clock.withZone(config.getZone()));
            int year = today.getYear();
            if (provisional(name, year)) {
                missing.put(name, message(name, year));
            } else if (!MonthDay.from(today).isBefore(NEXT_YEAR_EXPECTED) && provisional(name, year + 1)) {
                missing.put(name, message(name, year + 1));
            }
        });
        return (missing.isEmpty() ? Health.up() : Health.status(WARNING)).withDetails(missing).build();
    }

    /** No notice and no file entry for {@code year}: its days are computed (or there are none). */
    private boolean provisional(String calendar, int year) {
        return notices.days(calendar, year).stream().noneMatch(day -> day.source() != HolidayNoticeService.Source.PROVISIONAL);
    }

    private Map<String, String> message(String calendar, int year) {
        Object[] args = {calendar, String.valueOf(year)};
        return Map.of("en", messages.getMessage("sla.holidays.notice-missing", args, Locale.ENGLISH),
                "zh-CN", messages.getMessage("sla.holidays.notice-missing", args, Locale.SIMPLIFIED_CHINESE));
    }
}
