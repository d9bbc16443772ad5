package io.opsdesk.sla;

import static io.opsdesk.sla.TestCalendars.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * China's statutory holidays computed for a year without a notice, against lunar dates ICU gives when asked
 * the other way round (lunar month and day to a Gregorian date) and against dates known from the calendar.
 */
class StatutoryHolidaysTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void holds2027sThirteenStatutoryDaysAllProvisional() {
        List<SpecialDay> days = StatutoryHolidays.china(2027);

        // ICU's lunar calendar, asked the other way round; its 1st month of 2027 starts a day late (see below)
        LocalDate newYear = lunar(2027, 1, 1).minusDays(1);
        List<LocalDate> expected = Stream.of(
                Stream.of(LocalDate.of(2027, 1, 1)),
                Stream.of(newYear.minusDays(1), newYear, newYear.plusDays(1), newYear.plusDays(2)),
                Stream.of(LocalDate.of(2027, 4, 5), LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 2)),
                Stream.of(lunar(2027, 5, 5), lunar(2027, 8, 15)),
                Stream.of(LocalDate.of(2027, 10, 1), LocalDate.of(2027, 10, 2), LocalDate.of(2027, 10, 3)))
                .flatMap(s -> s).sorted().toList();
        assertThat(days).extracting(SpecialDay::date).containsExactlyElementsOf(expected);
        assertThat(days).allSatisfy(day -> {
            assertThat(day.provisional()).isTrue();
            assertThat(day.kind()).isEqualTo(SpecialDay.Kind.HOLIDAY);
        });
        // Known: Chinese New Year 2027 is Saturday 6 February (紫金山天文台), 除夕 the 5th
        assertThat(days).filteredOn(day -> day.name().equals("春节")).extracting(SpecialDay::date)
                .containsExactly(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 7),
                        LocalDate.of(2027, 2, 8));
        assertThat(days).filteredOn(day -> day.name().equals("端午节")).extracting(SpecialDay::date)
                .containsExactly(LocalDate.of(2027, 6, 9));
        assertThat(days).filteredOn(day -> day.name().equals("中秋节")).extracting(SpecialDay::date)
                .containsExactly(LocalDate.of(2027, 9, 15));
    }

    @Test
    void icuAloneWouldStartTheYearOfTheGoatADayLate() {
        // the new moon of February 2027 is at 15:56 UTC (23:56 in Beijing); ICU's estimate is after midnight
        assertThat(lunar(2027, 1, 1)).isEqualTo(LocalDate.of(2027, 2, 7));
        assertThat(NewMoon.nearest(Instant.parse("2027-02-07T04:00:00Z")))
                .isBetween(Instant.parse("2027-02-06T15:55:00Z"), Instant.parse("2027-02-06T15:58:00Z"));
        assertThat(StatutoryHolidays.firstDayOfLunarMonth(2027, 1)).isEqualTo(LocalDate.of(2027, 2, 6));
    }

    @Test
    void lunarNewYearsAreTheKnownOnes() {
        assertThat(StatutoryHolidays.firstDayOfLunarMonth(2024, 1)).isEqualTo(LocalDate.of(2024, 2, 10));
        assertThat(StatutoryHolidays.firstDayOfLunarMonth(2025, 1)).isEqualTo(LocalDate.of(2025, 1, 29));
        assertThat(StatutoryHolidays.firstDayOfLunarMonth(2026, 1)).isEqualTo(LocalDate.of(2026, 2, 17));
        assertThat(StatutoryHolidays.firstDayOfLunarMonth(2028, 1)).isEqualTo(LocalDate.of(2028, 1, 26));
        // the other year 2001-2099 where ICU alone is a day off: new moon 2030-02-02 16:07 UTC, 00:07 in Beijing
        assertThat(StatutoryHolidays.firstDayOfLunarMonth(2030, 1)).isEqualTo(LocalDate.of(2030, 2, 3));
        assertThat(NewMoon.nearest(Instant.parse("2024-02-10T00:00:00Z")))
                .isBetween(Instant.parse("2024-02-09T22:58:00Z"), Instant.parse("2024-02-09T23:01:00Z"));
    }

    @Test
    void lunarHolidaysAgreeWithIcuToADayForEveryComputableYear() {
        for (int y = 2001; y <= 2099; y++) {
            int year = y;
            List<LocalDate> dates = StatutoryHolidays.china(year).stream().map(SpecialDay::date).toList();
            assertThat(dates).as("%d", year).hasSize(13) // Mid-Autumn can fall on 1 October (2001, 2020)
                    .allSatisfy(date -> assertThat(date.getYear()).isEqualTo(year));
            assertThat(StatutoryHolidays.firstDayOfLunarMonth(year, 1)).as("%d", year)
                    .isBetween(lunar(year, 1, 1).minusDays(1), lunar(year, 1, 1).plusDays(1));
            assertThat(StatutoryHolidays.firstDayOfLunarMonth(year, 5).plusDays(4)).as("%d", year)
                    .isBetween(lunar(year, 5, 5).minusDays(1), lunar(year, 5, 5).plusDays(1));
            assertThat(StatutoryHolidays.firstDayOfLunarMonth(year, 8).plusDays(14)).as("%d", year)
                    .isBetween(lunar(year, 8, 15).minusDays(1), lunar(year, 8, 15).plusDays(1));
        }
    }

    @Test
    void qingmingFallsOnTheSolarTerm() {
        assertThat(StatutoryHolidays.qingming(2008)).isEqualTo(LocalDate.of(2008, 4, 4));
        assertThat(StatutoryHolidays.qingming(2025)).isEqualTo(LocalDate.of(2025, 4, 4));
        assertThat(StatutoryHolidays.qingming(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(StatutoryHolidays.qingming(2027)).isEqualTo(LocalDate.of(2027, 4, 5));
        assertThat(StatutoryHolidays.qingming(2028)).isEqualTo(LocalDate.of(2028, 4, 4));
        assertThat(StatutoryHolidays.qingming(2029)).isEqualTo(LocalDate.of(2029, 4, 4));
    }

    @Test
    void chinaBusinessSkipsProvisionalNewYearsDay2027() {
        BusinessCalendar calendar = chinaBusinessOn("2026-12-01T10:00:00Z");
        // Thu 2026-12-31 16:00, 4 business hours: 2h on Thursday; Fri 2027-01-01 is 元旦 (provisional);
        // Sat and Sun closed; Mon 2027-01-04 09:00-11:00 -> due Mon 11:00
        assertThat(calendar.add(shanghai("2026-12-31T16:00"), Duration.ofHours(4))).isEqualTo(shanghai("2027-01-04T11:00"));
        // Thu 2027-02-04 17:00, 2 hours: 1h on Thursday, Fri 2027-02-05 (除夕) to Mon 02-08 off -> Tue 10:00
        assertThat(calendar.add(shanghai("2027-02-04T17:00"), Duration.ofHours(2))).isEqualTo(shanghai("2027-02-09T10:00"));
    }

    @Test
    void onlyYearsAfterTheFileUpToTheConfiguredOnesAreComputed() {
        List<SpecialDay> fileDays = TestCalendars.shippedChinaHolidays();
        assertThat(ProvisionalHolidays.days("CN", fileDays, LocalDate.of(2026, 12, 1), 1))
                .extracting(day -> day.date().getYear()).containsOnly(2027).hasSize(13);
        assertThat(ProvisionalHolidays.days("CN", fileDays, LocalDate.of(2026, 12, 1), 0)).isEmpty();
        assertThat(ProvisionalHolidays.days("CN", fileDays, LocalDate.of(2027, 3, 1), 2))
                .extracting(day -> day.date().getYear()).containsOnly(2027, 2028, 2029);
        assertThat(ProvisionalHolidays.days(null, fileDays, LocalDate.of(2026, 12, 1), 1)).isEmpty();
        assertThat(ProvisionalHolidays.days("none", fileDays, LocalDate.of(2026, 12, 1), 1)).isEmpty();
        assertThatThrownBy(() -> ProvisionalHolidays.days("DE", fileDays, LocalDate.of(2026, 12, 1), 1))
                .hasMessageContaining("statutory-holidays");
    }

    @Test
    void aCalendarWithoutStatutoryHolidaysWorksOn2027sNewYearsDay() {
        SlaProperties properties = new SlaProperties();
        SlaProperties.Calendar plain = new SlaProperties.Calendar();
        properties.getCalendars().put("plain", plain);
        BusinessCalendar calendar = BusinessCalendars.from(properties, new DefaultResourceLoader(),
                Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), BEIJING)).get("plain");
        assertThat(calendar.isWorkingTime(shanghai("2027-01-01T10:00"))).isTrue();
    }

    private static BusinessCalendar chinaBusinessOn(String instant) {
        return BusinessCalendars.from(new SlaProperties(), new DefaultResourceLoader(),
                Clock.fixed(Instant.parse(instant), BEIJING)).get(SlaProperties.CHINA_BUSINESS);
    }

    /** The Gregorian date of lunar {@code month}/{@code day} (not a leap month) of the lunar year starting in {@code year}. */
    private static LocalDate lunar(int year, int month, int day) {
        ChineseCalendar calendar = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"), ULocale.CHINA);
        calendar.clear();
        calendar.set(ChineseCalendar.EXTENDED_YEAR, year + 2637);
        calendar.set(ChineseCalendar.MONTH, month - 1);
        calendar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        calendar.set(ChineseCalendar.DAY_OF_MONTH, day);
        calendar.set(ChineseCalendar.HOUR_OF_DAY, 12);
        return Instant.ofEpochMilli(calendar.getTimeInMillis()).atZone(BEIJING).toLocalDate();
    }
}
