package io.opsdesk.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Calendars with statutory holidays that count on provisional days because no official notice is loaded: for the
 * current year, and from 1 November for the next one. Read by the holidays health group and the operations report.
 */
@Service
public class MissingHolidayNotices {

    private static final MonthDay NEXT_YEAR_EXPECTED = MonthDay.of(11, 1);

    private final SlaProperties properties;
    private final HolidayNoticeService notices;
    private final MessageSource messages;

    MissingHolidayNotices(SlaProperties properties, HolidayNoticeService notices, MessageSource messages) {
        this.properties = properties;
        this.notices = notices;
        this.messages = messages;
    }

    /** A calendar without the official notice for a year. */
    public record Missing(String calendar, int year) {
    }

    /** What is missing at {@code now}, in each calendar's own zone. */
    public List<Missing> at(Instant now) {
        List<Missing> missing = new ArrayList<>();
        properties.getCalendars().forEach((name, config) -> {
            String statutory = config.getStatutoryHolidays();
            if (config.isAlwaysOpen() || statutory == null || statutory.equalsIgnoreCase(SlaProperties.Calendar.NO_FILE)) {
                return;
            }
            LocalDate today = LocalDate.ofInstant(now, config.getZone());
            if (provisional(name, today.getYear())) {
                missing.add(new Missing(name, today.getYear()));
            } else if (!MonthDay.from(today).isBefore(NEXT_YEAR_EXPECTED) && provisional(name, today.getYear() + 1)) {
                missing.add(new Missing(name, today.getYear() + 1));
            }
        });
        return missing;
    }

    /** What a manager reads about it, and what to do. */
    public String describe(Missing missing, Locale locale) {
        return messages.getMessage("sla.holidays.notice-missing",
                new Object[] {missing.calendar(), String.valueOf(missing.year())}, locale);
    }

    /** No notice and no file entry for {@code year}: its days are computed (or there are none). */
    private boolean provisional(String calendar, int year) {
        return notices.days(calendar, year).stream().noneMatch(day -> day.source() != HolidayNoticeService.Source.PROVISIONAL);
    }
}
