package io.opsdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A calendar of working hours in a time zone: the weekly hours, minus public holidays, plus extra
 * working days (China's 调休 make-up days, usually weekends) that are worked with {@code workingDayHours}.
 * Everything is computed day by day in local dates and wall-clock times and converted to instants with
 * the zone (see {@link WallClock} for the days daylight saving changes), so a long duration costs one
 * step per calendar day, never one per minute.
 */
final class WorkingHoursCalendar implements BusinessCalendar {

    /** Ten years without any working time means the calendar is misconfigured, not that work is far off. */
    private static final int MAX_CLOSED_DAYS = 3660;

    private final String name;
    private final ZoneId zone;
    private final WeeklyHours weeklyHours;
    private final List<OpeningInterval> workingDayHours;
    private final Set<LocalDate> holidays;
    private final NavigableSet<LocalDate> workingDays;

    WorkingHoursCalendar(String name, ZoneId zone, WeeklyHours weeklyHours, List<OpeningInterval> workingDayHours,
            Set<LocalDate> holidays, Set<LocalDate> workingDays) {
        this.name = Objects.requireNonNull(name, "name");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.weeklyHours = Objects.requireNonNull(weeklyHours, "weeklyHours");
        this.workingDayHours = WeeklyHours.sortedWithoutOverlap(workingDayHours, "make-up working days");
        this.holidays = Set.copyOf(holidays);
        this.workingDays = Collections.unmodifiableNavigableSet(new TreeSet<>(workingDays));
        Set<LocalDate> both = new TreeSet<>(holidays);
        both.retainAll(workingDays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("calendar '" + name + "': " + both
                    + " cannot be both a holiday and a working day");
        }
    }

    @Override
    public Instant add(Instant start, Duration businessDuration) {
        Objects.requireNonNull(start, "start");
        requireNonNegative(businessDuration);
        Duration remaining = businessDuration;
        if (remaining.isZero()) {
            return start;
        }
        Instant cursor = start;
        int closedDays = 0;
        for (LocalDate date = localDate(start).minusDays(1); ; date = date.plusDays(1)) {
            boolean worked = false;
            for (Span span : spans(date)) {
                Instant from = later(span.start(), cursor);
                if (!from.isBefore(span.end())) {
                    continue;
                }
                worked = true;
                Duration available = Duration.between(from, span.end());
                if (available.compareTo(remaining) >= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
                cursor = span.end();
            }
            closedDays = worked ? 0 : closedDays + 1;
            checkWorkingTimeLeft(date, closedDays, start, businessDuration);
        }
    }

    @Override
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        Instant cursor = from;
        LocalDate last = localDate(to);
        for (LocalDate date = localDate(from).minusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
            for (Span span : spans(date)) {
                Instant start = later(span.start(), cursor);
                Instant end = span.end().isBefore(to) ? span.end() : to;
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                    cursor = end;
                }
            }
        }
        return total;
    }

    @Override
    public boolean isWorkingTime(Instant instant) {
        LocalDate date = localDate(instant);
        for (LocalDate day = date.minusDays(1); !day.isAfter(date); day = day.plusDays(1)) {
            for (Span span : spans(day)) {
                if (!instant.isBefore(span.start()) && instant.isBefore(span.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The working intervals of one local date, as instants. */
    private List<Span> spans(LocalDate date) {
        List<OpeningInterval> hours = hoursOn(date);
        List<Span> spans = new ArrayList<>(hours.size());
        for (OpeningInterval interval : hours) {
            Instant start = WallClock.opening(interval.startOn(date), zone);
            Instant end = WallClock.closing(interval.endOn(date), zone);
            if (start.isBefore(end)) {
                spans.add(new Span(start, end));
            }
        }
        return spans;
    }

    private List<OpeningInterval> hoursOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        if (workingDays.contains(date)) {
            return workingDayHours;
        }
        return weeklyHours.on(date.getDayOfWeek());
    }

    private void checkWorkingTimeLeft(LocalDate date, int closedDays, Instant start, Duration duration) {
        if (weeklyHours.isEmpty() && (workingDays.isEmpty() || date.isAfter(lastWorkingDay()))) {
            throw new NoWorkingTimeException("calendar '" + name + "' has no working hours on any weekday"
                    + (workingDays.isEmpty() ? "" : " and no working day after " + lastWorkingDay())
                    + ", so " + duration + " of business time from " + start + " never elapses");
        }
        if (closedDays > MAX_CLOSED_DAYS) {
            throw new NoWorkingTimeException("calendar '" + name + "' has no working time in the " + closedDays
                    + " days up to " + date + ", so " + duration + " of business time from " + start
                    + " never elapses; check its hours and holidays");
        }
    }

    private LocalDate lastWorkingDay() {
        return workingDays.last();
    }

    private LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static void requireNonNegative(Duration duration) {
        Objects.requireNonNull(duration, "businessDuration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("business duration must not be negative: " + duration);
        }
    }

    @Override
    public String toString() {
        return name + " (" + zone + ", " + weeklyHours + ", " + holidays.size() + " holidays, "
                + workingDays.size() + " extra working days)";
    }

    private record Span(Instant start, Instant end) {
    }
}
