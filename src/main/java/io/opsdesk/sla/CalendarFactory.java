package io.opsdesk.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Builds a {@link BusinessCalendar} from its configuration, loading its holiday file; fails with the property's name. */
final class CalendarFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarFactory.class);
    /** The State Council publishes next year's holiday schedule around late October or November. */
    private static final MonthDay NEXT_YEAR_EXPECTED = MonthDay.of(11, 1);

    private final ResourceLoader resources;
    private final Clock clock;

    CalendarFactory(ResourceLoader resources, Clock clock) {
        this.resources = resources;
        this.clock = clock;
    }

    BusinessCalendar create(String name, SlaProperties.Calendar config) {
        return create(name, config, Map.of());
    }

    /** The calendar with the loaded {@code notices} (year → days), which replace the file's and computed days of their year. */
    BusinessCalendar create(String name, SlaProperties.Calendar config, Map<Integer, List<SpecialDay>> notices) {
        try {
            if (config.isAlwaysOpen()) {
                requireNothingElse(config);
                LOG.info("SLA calendar {} (always open: every instant counts)", name);
                return BusinessCalendar.alwaysOpen();
            }
            return workingHours(name, config, notices);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IllegalArgumentException("SLA calendar '" + name + "' (opsdesk.sla.calendars." + name + "): "
                    + e.getMessage(), e);
        }
    }

    private static void requireNothingElse(SlaProperties.Calendar config) {
        if (!config.getHours().isEmpty() || config.getHolidaysFile() != null || !config.getHolidays().isEmpty()
                || !config.getWorkingDays().isEmpty() || !config.getWorkingDayHours().isEmpty()) {
            throw new IllegalArgumentException("an always-open (24x7) calendar counts every instant; remove its "
                    + "hours, holidays-file, holidays, working-days and working-day-hours");
        }
    }

    /** The special days of a working-hours calendar by where they come from. */
    record Days(List<SpecialDay> file, Map<Integer, List<SpecialDay>> notices, List<SpecialDay> provisional) {

        /** The file's days of the years without a notice, then the notices' days. */
        List<SpecialDay> official() {
            List<SpecialDay> days = new ArrayList<>();
            file.stream().filter(day -> !notices.containsKey(day.date().getYear())).forEach(days::add);
            notices.values().forEach(days::addAll);
            return days;
        }
    }

    Days days(SlaProperties.Calendar config, Map<Integer, List<SpecialDay>> notices) {
        String file = holidaysFile(config);
        List<SpecialDay> fileDays = file.isEmpty() || file.equalsIgnoreCase(SlaProperties.Calendar.NO_FILE) ? List.of() : read(file);
        Days days = new Days(fileDays, notices, List.of());
        LocalDate today = LocalDate.now(clock.withZone(config.getZone()));
        return new Days(fileDays, notices, ProvisionalHolidays.days(config.getStatutoryHolidays(), days.official(),
                today, config.getProvisionalYearsAhead()));
    }

    private static String holidaysFile(SlaProperties.Calendar config) {
        return config.getHolidaysFile() == null ? SlaProperties.Calendar.CHINA_HOLIDAYS_FILE : config.getHolidaysFile().trim();
    }

    private BusinessCalendar workingHours(String name, SlaProperties.Calendar config, Map<Integer, List<SpecialDay>> notices) {
        WeeklyHours weekly = config.getHours().isEmpty() ? WeeklyHours.CHINA_OFFICE : WeeklyHours.parse(config.getHours());
        if (weekly.isEmpty()) {
            throw new IllegalArgumentException("no working hours on any weekday; set hours, or always-open: true");
        }
        List<OpeningInterval> workingDayHours = config.getWorkingDayHours().isEmpty() ? weekly.firstWorkingDay()
                : config.getWorkingDayHours().stream().map(OpeningInterval::parse).toList();

        String file = holidaysFile(config);
        Days days = days(config, notices);
        List<SpecialDay> fileDays = days.official();
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workingDays = new HashSet<>();
        fileDays.forEach(day -> (day.kind() == SpecialDay.Kind.HOLIDAY ? holidays : workingDays).add(day.date()));
        List<SpecialDay> provisional = days.provisional();
        provisional.forEach(day -> holidays.add(day.date()));
        LocalDate today = LocalDate.now(clock.withZone(config.getZone()));

        Set<LocalDate> inlineBoth = new TreeSet<>(config.getHolidays());
        inlineBoth.retainAll(config.getWorkingDays());
        if (!inlineBoth.isEmpty()) {
            throw new IllegalArgumentException(inlineBoth + " listed both under holidays and under working-days");
        }
        holidays.removeAll(config.getWorkingDays());
        workingDays.removeAll(config.getHolidays());
        holidays.addAll(config.getHolidays());
        workingDays.addAll(config.getWorkingDays());

        BusinessCalendar calendar = new WorkingHoursCalendar(name, config.getZone(), weekly, workingDayHours, holidays, workingDays);
        LOG.info("SLA calendar {}{}", calendar, fileDays.isEmpty() ? "" : ", holidays from " + file);
        if (!provisional.isEmpty()) {
            LOG.warn("SLA calendar {}: no official holiday notice for {}; counting the statutory holidays computed "
                    + "from the law as provisional days off {} (no bridging days or 调休 make-up days) until the "
                    + "notice is added", name, years(provisional), provisional.stream().map(SpecialDay::date).toList());
        } else if (!fileDays.isEmpty()) {
            warnAboutMissingYears(name, file, fileDays, today);
        }
        return calendar;
    }

    private List<SpecialDay> read(String location) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new IllegalArgumentException("holidays-file " + location + " does not exist");
        }
        try (InputStream in = resource.getInputStream()) {
            return HolidayFiles.read(location, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read holidays-file " + location, e);
        }
    }

    private static SortedSet<Integer> years(List<SpecialDay> days) {
        SortedSet<Integer> years = new TreeSet<>();
        days.forEach(day -> years.add(day.date().getYear()));
        return years;
    }

    private static void warnAboutMissingYears(String name, String file, List<SpecialDay> days, LocalDate today) {
        SortedSet<Integer> years = years(days);
        int year = today.getYear();
        if (!years.contains(year)) {
            LOG.warn("SLA calendar {}: {} has no dates for {} (only {}); its holidays count as working days. "
                    + "Add the year's official schedule to the file.", name, file, year, years);
        } else if (!years.contains(year + 1) && !MonthDay.from(today).isBefore(NEXT_YEAR_EXPECTED)) {
            LOG.warn("SLA calendar {}: {} has no dates for {} yet; due dates in {} ignore its holidays "
                    + "until the official schedule is added to the file.", name, file, year + 1, year + 1);
        }
    }
}
