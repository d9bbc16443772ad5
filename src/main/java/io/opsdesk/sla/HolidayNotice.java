package io.opsdesk.sla;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A year's official holiday notice (国务院办公厅关于某年部分节假日安排的通知) as a manager loads it: every day
 * off and every make-up working day of that year, in the holiday-file formats (CSV or iCalendar). It
 * replaces the year's provisional statutory days and the holiday file's days of that year.
 */
record HolidayNotice(int year, List<SpecialDay> days) {

    HolidayNotice {
        days = List.copyOf(days);
    }

    /**
     * Reads and checks a notice for {@code year}; {@code format} is {@code csv} or {@code ics}.
     *
     * @throws HolidayFileException naming the line or date when the text is malformed, a date is both a
     *         holiday and a working day, a date lies outside {@code year}, or Spring Festival has no day off
     */
    static HolidayNotice parse(int year, String format, String text) {
        String kind = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("ics")) {
            throw new HolidayFileException("format: unknown holiday notice format '" + format + "'; use csv or ics");
        }
        if (year < 2001 || year > 2099) {
            throw new HolidayFileException("year: " + year + " is not between 2001 and 2099");
        }
        String source = "notice-" + year + "." + kind;
        List<SpecialDay> days = HolidayFiles.read(source, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        if (days.isEmpty()) {
            throw new HolidayFileException(source + ": no dates; a notice lists the year's days off and make-up working days");
        }
        for (SpecialDay day : days) {
            if (day.date().getYear() != year) {
                throw new HolidayFileException(source + ": " + day.date() + " (" + day.name() + ") is not in " + year);
            }
        }
        LocalDate springFestival = StatutoryHolidays.firstDayOfLunarMonth(year, 1);
        boolean springFestivalOff = days.stream()
                .anyMatch(day -> day.date().equals(springFestival) && day.kind() == SpecialDay.Kind.HOLIDAY);
        if (!springFestivalOff) {
            throw new HolidayFileException(source + ": Spring Festival (" + springFestival
                    + ", 正月初一) is not a holiday; a notice without Spring Festival holidays is not a whole year's notice");
        }
        return new HolidayNotice(year, days);
    }
}
