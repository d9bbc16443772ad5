package io.opsdesk.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Calendars and instants the SLA tests share. */
final class TestCalendars {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private TestCalendars() {
    }

    /** Mon–Fri 09:00–12:00 and 13:30–18:00 in Shanghai with the shipped 2026 holidays and make-up days. */
    static BusinessCalendar chinaBusiness() {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workingDays = new HashSet<>();
        for (SpecialDay day : shippedChinaHolidays()) {
            (day.kind() == SpecialDay.Kind.HOLIDAY ? holidays : workingDays).add(day.date());
        }
        return new WorkingHoursCalendar("china-business", SHANGHAI, WeeklyHours.CHINA_OFFICE,
                WeeklyHours.CHINA_OFFICE.firstWorkingDay(), holidays, workingDays);
    }

    static List<SpecialDay> shippedChinaHolidays() {
        try (InputStream in = TestCalendars.class.getResourceAsStream("/calendars/cn-holidays.csv")) {
            return HolidayFiles.read("cn-holidays.csv", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A calendar in {@code zone} with the same intervals on each of {@code days}, no holidays. */
    static BusinessCalendar weekly(ZoneId zone, List<DayOfWeek> days, String... intervals) {
        Map<DayOfWeek, List<String>> hours = new EnumMap<>(DayOfWeek.class);
        days.forEach(day -> hours.put(day, List.of(intervals)));
        WeeklyHours weekly = WeeklyHours.parse(hours);
        return new WorkingHoursCalendar("test", zone, weekly, weekly.firstWorkingDay(), Set.of(), Set.of());
    }

    static List<DayOfWeek> mondayToFriday() {
        return List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    }

    /** {@code 2026-04-03T14:00} on the wall clock in Shanghai. */
    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }
}
