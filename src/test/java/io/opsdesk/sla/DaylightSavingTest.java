package io.opsdesk.sla;

import static io.opsdesk.sla.TestCalendars.BERLIN;
import static io.opsdesk.sla.TestCalendars.mondayToFriday;
import static io.opsdesk.sla.TestCalendars.weekly;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Europe/Berlin in 2026: clocks jump from 02:00 to 03:00 on Sunday 29 March and fall back from 03:00
 * to 02:00 on Sunday 25 October. Business time is real elapsed time between wall-clock bounds.
 */
class DaylightSavingTest {

    private final BusinessCalendar office = weekly(BERLIN, mondayToFriday(), "09:00-17:00");
    private final BusinessCalendar roundTheClock = weekly(BERLIN, List.of(DayOfWeek.values()), "00:00-24:00");

    @Test
    void officeHoursKeepTheirWallClockTimesAcrossTheMarchChange() {
        Instant fridayAfternoon = berlin("2026-03-27T16:00", "+01:00");
        Instant mondayTen = berlin("2026-03-30T10:00", "+02:00");

        assertThat(office.add(fridayAfternoon, Duration.ofHours(2))).isEqualTo(mondayTen);
        assertThat(mondayTen).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(office.between(fridayAfternoon, mondayTen)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void officeHoursKeepTheirWallClockTimesAcrossTheOctoberChange() {
        Instant fridayAfternoon = berlin("2026-10-23T16:00", "+02:00");
        Instant mondayTen = berlin("2026-10-26T10:00", "+01:00");

        assertThat(office.add(fridayAfternoon, Duration.ofHours(2))).isEqualTo(mondayTen);
        assertThat(mondayTen).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
        assertThat(office.between(fridayAfternoon, mondayTen)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void theMarchSundayHasTwentyThreeHoursAndTheOctoberSundayTwentyFive() {
        assertThat(roundTheClock.between(berlin("2026-03-29T00:00", "+01:00"), berlin("2026-03-30T00:00", "+02:00")))
                .isEqualTo(Duration.ofHours(23));
        assertThat(roundTheClock.between(berlin("2026-10-25T00:00", "+02:00"), berlin("2026-10-26T00:00", "+01:00")))
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void addingAcrossTheGapSkipsTheMissingHour() {
        // Sat 23:00 CET + 3h of real time: 00:00, 01:00, then 02:00 CET is already 03:00 CEST
        assertThat(roundTheClock.add(berlin("2026-03-28T23:00", "+01:00"), Duration.ofHours(3)))
                .isEqualTo(berlin("2026-03-29T03:00", "+02:00"));
    }

    @Test
    void addingAcrossTheOverlapCountsTheRepeatedHour() {
        // 01:30 CEST + 1h = 02:30 CEST, + 2h = 02:30 CET (the second time the clock shows 02:30)
        Instant start = berlin("2026-10-25T01:30", "+02:00");
        assertThat(roundTheClock.add(start, Duration.ofHours(1))).isEqualTo(berlin("2026-10-25T02:30", "+02:00"));
        assertThat(roundTheClock.add(start, Duration.ofHours(2))).isEqualTo(berlin("2026-10-25T02:30", "+01:00"));
    }

    @Test
    void anIntervalEndingInTheGapEndsWhenTheGapEnds() {
        BusinessCalendar sundayNight = weekly(BERLIN, List.of(DayOfWeek.SUNDAY), "01:00-02:30");

        assertThat(sundayNight.between(berlin("2026-03-29T00:00", "+01:00"), berlin("2026-03-29T12:00", "+02:00")))
                .isEqualTo(Duration.ofHours(1));
        assertThat(sundayNight.add(berlin("2026-03-29T01:00", "+01:00"), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void anIntervalStartingInTheGapStartsWhenTheGapEnds() {
        BusinessCalendar sundayNight = weekly(BERLIN, List.of(DayOfWeek.SUNDAY), "02:30-05:00");

        assertThat(sundayNight.between(berlin("2026-03-29T00:00", "+01:00"), berlin("2026-03-29T12:00", "+02:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(sundayNight.add(berlin("2026-03-28T20:00", "+01:00"), Duration.ofMinutes(1)))
                .isEqualTo(berlin("2026-03-29T03:01", "+02:00"));
    }

    @Test
    void anIntervalInsideTheGapIsEmptyThatDayOnly() {
        BusinessCalendar sundayNight = weekly(BERLIN, List.of(DayOfWeek.SUNDAY), "02:15-02:45");

        assertThat(sundayNight.between(berlin("2026-03-29T00:00", "+01:00"), berlin("2026-03-29T12:00", "+02:00"))).isZero();
        assertThat(sundayNight.add(berlin("2026-03-29T00:00", "+01:00"), Duration.ofMinutes(10)))
                .isEqualTo(berlin("2026-04-05T02:25", "+02:00"));
    }

    @Test
    void anIntervalAcrossTheOverlapCoversBothPassesOfTheRepeatedHour() {
        BusinessCalendar sundayNight = weekly(BERLIN, List.of(DayOfWeek.SUNDAY), "00:00-06:00");

        assertThat(sundayNight.between(berlin("2026-10-25T00:00", "+02:00"), berlin("2026-10-25T12:00", "+01:00")))
                .isEqualTo(Duration.ofHours(7));
        assertThat(sundayNight.add(berlin("2026-10-25T00:00", "+02:00"), Duration.ofHours(7)))
                .isEqualTo(berlin("2026-10-25T06:00", "+01:00"));
    }

    @Test
    void anIntervalEndingInTheOverlapEndsAtTheSecondPass() {
        BusinessCalendar sundayNight = weekly(BERLIN, List.of(DayOfWeek.SUNDAY), "01:00-02:30");

        assertThat(sundayNight.between(berlin("2026-10-25T00:00", "+02:00"), berlin("2026-10-25T12:00", "+01:00")))
                .isEqualTo(Duration.ofMinutes(150));
    }

    private static Instant berlin(String localDateTime, String offset) {
        Instant instant = LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.of(offset));
        assertThat(instant.atZone(BERLIN).getOffset()).as("offset of %s in Berlin", localDateTime)
                .isEqualTo(ZoneOffset.of(offset));
        return instant;
    }
}
