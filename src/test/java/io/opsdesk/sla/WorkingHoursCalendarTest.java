package io.opsdesk.sla;

import static io.opsdesk.sla.TestCalendars.SHANGHAI;
import static io.opsdesk.sla.TestCalendars.chinaBusiness;
import static io.opsdesk.sla.TestCalendars.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The china-business calendar: Mon–Fri 09:00–12:00 and 13:30–18:00, Asia/Shanghai, the shipped 2026 holidays. */
class WorkingHoursCalendarTest {

    private final BusinessCalendar calendar = chinaBusiness();

    /** Each case reads: starting at {@code start}, {@code duration} of business time is used up at {@code due}. */
    record Case(String description, String start, String duration, String due) {

        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("inside hours", "2026-11-24T10:00", "PT2H30M", "2026-11-24T14:00"),
                new Case("ends exactly at the lunch break, not after it", "2026-11-24T09:00", "PT3H", "2026-11-24T12:00"),
                new Case("a whole working day", "2026-11-24T09:00", "PT7H30M", "2026-11-24T18:00"),
                new Case("before opening", "2026-11-24T07:30", "PT1H", "2026-11-24T10:00"),
                new Case("during lunch", "2026-11-24T12:30", "PT1H", "2026-11-24T14:30"),
                new Case("at the start of lunch", "2026-11-24T12:00", "PT1H", "2026-11-24T14:30"),
                new Case("after closing", "2026-11-24T19:00", "PT1H", "2026-11-25T10:00"),
                new Case("at closing time", "2026-11-24T18:00", "PT30M", "2026-11-25T09:30"),
                new Case("Friday afternoon over the weekend", "2026-11-27T17:00", "PT2H", "2026-11-30T10:00"),
                new Case("on a Saturday", "2026-11-28T10:00", "PT1H", "2026-11-30T10:00"),
                new Case("on a Sunday night", "2026-11-29T23:59", "PT1M", "2026-11-30T09:01"),
                new Case("on a public holiday (National Day week)", "2026-10-01T10:00", "PT1H", "2026-10-08T10:00"),
                new Case("the evening before a holiday week", "2026-09-30T17:00", "PT2H", "2026-10-08T10:00"),
                new Case("into a make-up Saturday", "2026-10-09T17:00", "PT2H", "2026-10-10T10:00"),
                new Case("on a make-up Saturday", "2026-05-09T08:00", "PT4H", "2026-05-09T14:30"),
                new Case("into a make-up Sunday", "2026-09-19T10:00", "PT1H", "2026-09-20T10:00"),
                // Wed 17:00-18:00 = 1h; Jan 1-3 holiday; Sun Jan 4 is a make-up day: 09:00-12:00 = 3h
                new Case("across the year end onto a make-up Sunday", "2025-12-31T17:00", "PT4H", "2026-01-04T12:00"),
                new Case("the whole of 2026: 248 working days of 7.5 h", "2026-01-01T00:00", "PT1860H", "2026-12-31T18:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void addFindsTheDueDate(Case c) {
        assertThat(calendar.add(shanghai(c.start()), Duration.parse(c.duration()))).isEqualTo(shanghai(c.due()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void betweenCountsTheSameBusinessTime(Case c) {
        assertThat(calendar.between(shanghai(c.start()), shanghai(c.due()))).isEqualTo(Duration.parse(c.duration()));
    }

    @Test
    void betweenCountsOnlyWorkingTimeOfAWholeWeekAndYear() {
        assertThat(calendar.between(shanghai("2026-11-23T00:00"), shanghai("2026-11-30T00:00")))
                .isEqualTo(Duration.ofMinutes(5 * 450));
        assertThat(calendar.between(shanghai("2026-01-01T00:00"), shanghai("2027-01-01T00:00")))
                .isEqualTo(Duration.ofHours(1860));
    }

    @Test
    void betweenIsZeroWhenToIsNotAfterFrom() {
        Instant tuesday = shanghai("2026-11-24T10:00");
        assertThat(calendar.between(tuesday, tuesday)).isZero();
        assertThat(calendar.between(tuesday, tuesday.minusSeconds(3600))).isZero();
    }

    @Test
    void betweenOutsideWorkingTimeIsZero() {
        assertThat(calendar.between(shanghai("2026-11-24T12:00"), shanghai("2026-11-24T13:30"))).isZero();
        assertThat(calendar.between(shanghai("2026-10-01T00:00"), shanghai("2026-10-08T09:00"))).isZero();
    }

    @Test
    void zeroDurationIsDueAtOnce() {
        Instant saturday = shanghai("2026-11-28T10:00");
        assertThat(calendar.add(saturday, Duration.ZERO)).isEqualTo(saturday);
    }

    @Test
    void negativeDurationIsRejected() {
        assertThatThrownBy(() -> calendar.add(shanghai("2026-11-24T10:00"), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }

    @Test
    void workingTimeIncludesOpeningAndExcludesClosing() {
        assertThat(calendar.isWorkingTime(shanghai("2026-11-24T09:00"))).isTrue();
        assertThat(calendar.isWorkingTime(shanghai("2026-11-24T11:59:59"))).isTrue();
        assertThat(calendar.isWorkingTime(shanghai("2026-11-24T12:00"))).isFalse();
        assertThat(calendar.isWorkingTime(shanghai("2026-11-28T10:00"))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingTime(shanghai("2026-10-10T10:00"))).as("make-up Saturday").isTrue();
        assertThat(calendar.isWorkingTime(shanghai("2026-10-08T08:59"))).isFalse();
    }

    @Test
    void calendarWithoutWorkingHoursFailsInsteadOfSearchingForever() {
        BusinessCalendar closed = new WorkingHoursCalendar("closed", SHANGHAI, WeeklyHours.parse(Map.of()),
                List.of(), Set.of(), Set.of());

        assertThatThrownBy(() -> closed.add(shanghai("2026-11-24T10:00"), Duration.ofMinutes(1)))
                .isInstanceOf(NoWorkingTimeException.class)
                .hasMessageContaining("'closed' has no working hours on any weekday");
        assertThat(closed.between(shanghai("2026-01-01T00:00"), shanghai("2027-01-01T00:00"))).isZero();
    }

    @Test
    void calendarWithOnlyMakeUpDaysRunsOutAfterTheLastOne() {
        BusinessCalendar makeUpOnly = new WorkingHoursCalendar("make-up only", SHANGHAI, WeeklyHours.parse(Map.of()),
                List.of(OpeningInterval.parse("09:00-12:00")), Set.of(), Set.of(LocalDate.of(2026, 12, 5)));

        assertThat(makeUpOnly.add(shanghai("2026-11-24T10:00"), Duration.ofHours(3))).isEqualTo(shanghai("2026-12-05T12:00"));
        assertThatThrownBy(() -> makeUpOnly.add(shanghai("2026-11-24T10:00"), Duration.ofHours(4)))
                .isInstanceOf(NoWorkingTimeException.class)
                .hasMessageContaining("no working day after 2026-12-05");
    }

    @Test
    void calendarClosedForYearsByHolidaysFailsClearly() {
        Set<LocalDate> decadeOff = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2037, 1, 1))
                .collect(Collectors.toSet());
        BusinessCalendar closedForYears = new WorkingHoursCalendar("holiday decade", SHANGHAI, WeeklyHours.CHINA_OFFICE,
                WeeklyHours.CHINA_OFFICE.firstWorkingDay(), decadeOff, Set.of());

        assertThatThrownBy(() -> closedForYears.add(shanghai("2026-01-01T10:00"), Duration.ofHours(1)))
                .isInstanceOf(NoWorkingTimeException.class)
                .hasMessageContaining("no working time in the");
    }

    @Test
    void aDateCannotBeHolidayAndWorkingDayAtOnce() {
        LocalDate date = LocalDate.of(2026, 12, 5);
        assertThatThrownBy(() -> new WorkingHoursCalendar("both", SHANGHAI, WeeklyHours.CHINA_OFFICE,
                WeeklyHours.CHINA_OFFICE.firstWorkingDay(), Set.of(date), Set.of(date)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-12-05");
    }

    @Test
    void yearEndWithTheTeamsOwnNewYearHolidayContinuesOnTheNextWorkingDay() {
        // The shipped file has no 2027 dates yet (no official notice found); a team adds its own day off inline.
        BusinessCalendar withNewYear = new WorkingHoursCalendar("team", SHANGHAI, WeeklyHours.CHINA_OFFICE,
                WeeklyHours.CHINA_OFFICE.firstWorkingDay(), Set.of(LocalDate.of(2027, 1, 1)), Set.of());

        // Thu 2026-12-31 17:00-18:00 = 1h; Fri Jan 1 off; weekend; Mon Jan 4 09:00-10:00 = 1h
        assertThat(withNewYear.add(shanghai("2026-12-31T17:00"), Duration.ofHours(2))).isEqualTo(shanghai("2027-01-04T10:00"));
        assertThat(withNewYear.between(shanghai("2026-12-31T17:00"), shanghai("2027-01-04T10:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void longDurationsSkipWholeDays() {
        Instant start = shanghai("2026-11-24T10:00");
        Duration tenYears = Duration.ofHours(18_000);
        long began = System.nanoTime();

        Instant due = calendar.add(start, tenYears);

        assertThat(calendar.between(start, due)).isEqualTo(tenYears);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));
        assertThat(LocalDate.ofInstant(due, SHANGHAI)).isAfter(LocalDate.of(2035, 1, 1));
    }
}
