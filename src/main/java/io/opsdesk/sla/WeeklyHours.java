package io.opsdesk.sla;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Working intervals per day of the week, sorted and non-overlapping; a missing day is closed. */
final class WeeklyHours {

    /** Mon–Fri 09:00–12:00 and 13:30–18:00: the usual office day in China. */
    static final WeeklyHours CHINA_OFFICE = parse(Map.of(
            DayOfWeek.MONDAY, List.of("09:00-12:00", "13:30-18:00"),
            DayOfWeek.TUESDAY, List.of("09:00-12:00", "13:30-18:00"),
            DayOfWeek.WEDNESDAY, List.of("09:00-12:00", "13:30-18:00"),
            DayOfWeek.THURSDAY, List.of("09:00-12:00", "13:30-18:00"),
            DayOfWeek.FRIDAY, List.of("09:00-12:00", "13:30-18:00")));

    private final Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);

    WeeklyHours(Map<DayOfWeek, List<OpeningInterval>> intervals) {
        intervals.forEach((day, list) -> {
            List<OpeningInterval> sorted = sortedWithoutOverlap(list, day.toString());
            if (!sorted.isEmpty()) {
                days.put(day, sorted);
            }
        });
    }

    /** From configuration text, e.g. {@code MONDAY: ["09:00-12:00", "13:30-18:00"]}. */
    static WeeklyHours parse(Map<DayOfWeek, List<String>> text) {
        Map<DayOfWeek, List<OpeningInterval>> intervals = new EnumMap<>(DayOfWeek.class);
        text.forEach((day, list) -> intervals.put(day,
                list == null ? List.of() : list.stream().map(OpeningInterval::parse).toList()));
        return new WeeklyHours(intervals);
    }

    static List<OpeningInterval> sortedWithoutOverlap(List<OpeningInterval> intervals, String where) {
        List<OpeningInterval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(OpeningInterval::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new IllegalArgumentException("working intervals " + sorted.get(i - 1) + " and "
                        + sorted.get(i) + " on " + where + " overlap");
            }
        }
        return List.copyOf(sorted);
    }

    List<OpeningInterval> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    boolean isEmpty() {
        return days.isEmpty();
    }

    /** The hours of the first day from Monday on that has any, e.g. for make-up working days. */
    List<OpeningInterval> firstWorkingDay() {
        return days.values().stream().findFirst().orElse(List.of());
    }

    @Override
    public String toString() {
        return days.toString();
    }
}
