package io.opsdesk.sla;

import static io.opsdesk.sla.TestCalendars.BERLIN;
import static io.opsdesk.sla.TestCalendars.SHANGHAI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For thousands of random starts (Dec 2025 – Jan 2027, including exact interval bounds and DST days)
 * and durations (up to three weeks of business time): the due date {@code add} returns is exactly
 * {@code d} of business time away, lies in working time or exactly at an interval end, is the earliest
 * such instant, and adding in two steps gives the same due date.
 */
class BusinessCalendarPropertyTest {

    private static final int CASES = 2_000;
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 12, 1);
    private static final int DAYS = 430;

    static Stream<Arguments> calendars() {
        Map<DayOfWeek, List<String>> shifts = new EnumMap<>(DayOfWeek.class);
        TestCalendars.mondayToFriday().forEach(day -> shifts.put(day, List.of("00:00-02:30", "08:00-12:00", "22:00-24:00")));
        shifts.put(DayOfWeek.SUNDAY, List.of("01:15-03:45"));
        WeeklyHours shiftHours = WeeklyHours.parse(shifts);
        BusinessCalendar berlinShifts = new WorkingHoursCalendar("berlin shifts", BERLIN, shiftHours,
                List.of(OpeningInterval.parse("10:00-14:00")), Set.of(LocalDate.of(2026, 12, 24)), Set.of(LocalDate.of(2026, 12, 19)));
        return Stream.of(
                Arguments.of("china-business", TestCalendars.chinaBusiness(), SHANGHAI, 11L),
                Arguments.of("berlin office", TestCalendars.weekly(BERLIN, TestCalendars.mondayToFriday(), "09:00-17:00"), BERLIN, 12L),
                Arguments.of("berlin shifts across DST", berlinShifts, BERLIN, 13L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void addAndBetweenAgree(String name, BusinessCalendar calendar, ZoneId zone, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            Instant start = randomStart(random, zone);
            Duration d = randomDuration(random);

            Instant due = calendar.add(start, d);

            String example = name + ": add(" + start + ", " + d + ") = " + due;
            assertThat(due).as(example).isAfter(start);
            assertThat(calendar.between(start, due)).as(example).isEqualTo(d);
            assertThat(calendar.isWorkingTime(due) || calendar.isWorkingTime(due.minusNanos(1)))
                    .as("%s lies in working time or at an interval end", example).isTrue();
            assertThat(calendar.between(start, due.minusNanos(1))).as("%s is the earliest", example).isLessThan(d);
            Duration firstPart = Duration.ofSeconds(random.nextInt((int) d.toSeconds()));
            assertThat(calendar.add(calendar.add(start, firstPart), d.minus(firstPart))).as("%s in two steps", example)
                    .isEqualTo(due);
        }
    }

    /** A random local date-time; every fourth one on a whole or half hour, so interval bounds are hit exactly. */
    private static Instant randomStart(Random random, ZoneId zone) {
        LocalDate date = FIRST_DAY.plusDays(random.nextInt(DAYS));
        LocalTime time = random.nextInt(4) == 0
                ? LocalTime.of(random.nextInt(24), random.nextBoolean() ? 0 : 30)
                : LocalTime.ofSecondOfDay(random.nextInt(24 * 3600)).plusNanos(random.nextInt(1_000_000_000));
        return LocalDateTime.of(date, time).atZone(zone).toInstant();
    }

    /** One second to 120 hours; every fourth one in whole quarter hours. */
    private static Duration randomDuration(Random random) {
        return random.nextInt(4) == 0
                ? Duration.ofMinutes(15L * (1 + random.nextInt(480)))
                : Duration.ofSeconds(1 + random.nextInt(120 * 3600));
    }
}
