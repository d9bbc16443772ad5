package io.opsdesk.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * China's statutory public holidays of a year as fixed by 《全国年节及纪念日放假办法》 (amended, in force from
 * 2025), without the State Council's yearly notice: New Year's Day (1 Jan), Spring Festival (除夕 to the 3rd
 * day of the 1st lunar month, 4 days), Qingming (the day of the solar term), Labour Day (1-2 May), Dragon
 * Boat (5/5 lunar), Mid-Autumn (15/8 lunar) and National Day (1-3 Oct): 13 days. The notice adds bridging
 * days and 调休 make-up working days, which cannot be computed; so these days are
 * {@link SpecialDay#provisional() provisional}.
 */
final class StatutoryHolidays {

    /** The country code of {@code statutory-holidays} for China. */
    static final String CHINA = "CN";

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private StatutoryHolidays() {
    }

    /** The 13 statutory days off of {@code year} (2001-2099), in date order, all provisional. */
    static List<SpecialDay> china(int year) {
        if (year < 2001 || year > 2099) {
            throw new IllegalArgumentException("statutory holidays are computed for 2001-2099 only, not " + year);
        }
        List<SpecialDay> days = new ArrayList<>();
        days.add(day(LocalDate.of(year, 1, 1), "元旦"));
        LocalDate newYear = firstDayOfLunarMonth(year, 1);
        for (int d = -1; d <= 2; d++) {
            days.add(day(newYear.plusDays(d), "春节")); // from 除夕, the last day of the 12th month
        }
        days.add(day(firstDayOfLunarMonth(year, 5).plusDays(4), "端午节"));
        days.add(day(firstDayOfLunarMonth(year, 8).plusDays(14), "中秋节"));
        days.add(day(qingming(year), "清明节"));
        days.add(day(LocalDate.of(year, 5, 1), "劳动节"));
        days.add(day(LocalDate.of(year, 5, 2), "劳动节"));
        for (int d = 1; d <= 3; d++) {
            days.add(day(LocalDate.of(year, 10, d), "国庆节"));
        }
        days.sort((a, b) -> a.date().compareTo(b.date()));
        return days;
    }

    /**
     * The first day of lunar {@code month} (not a leap month) of the lunar year that starts in {@code year}:
     * ICU's Chinese calendar says which month it is, and the {@link NewMoon exact new moon} nearest to ICU's
     * first day, in Beijing time, which day it starts on.
     */
    static LocalDate firstDayOfLunarMonth(int year, int month) {
        ChineseCalendar lunar = new ChineseCalendar(TimeZone.getTimeZone(BEIJING.getId()), ULocale.CHINA);
        LocalDate end = LocalDate.of(year + 1, 1, 1);
        for (LocalDate date = LocalDate.of(year, 1, 1); date.isBefore(end); date = date.plusDays(1)) {
            Instant noon = date.atTime(LocalTime.NOON).atZone(BEIJING).toInstant();
            lunar.setTimeInMillis(noon.toEpochMilli());
            if (lunar.get(ChineseCalendar.IS_LEAP_MONTH) == 0 && lunar.get(ChineseCalendar.MONTH) + 1 == month
                    && lunar.get(ChineseCalendar.DAY_OF_MONTH) == 1) {
                return LocalDate.ofInstant(NewMoon.nearest(noon), BEIJING);
            }
        }
        throw new IllegalStateException("no lunar month " + month + " starts in " + year);
    }

    /**
     * The day of the Qingming solar term (the sun's apparent longitude reaches 15°), Beijing time, by the
     * well-known formula for the 21st century: day = [Y × 0.2422 + 4.81] − [Y / 4] with Y the year's last two
     * digits; it has no exceptions for Qingming from 2001 to 2099.
     */
    static LocalDate qingming(int year) {
        int y = year % 100;
        int day = (int) Math.floor(y * 0.2422 + 4.81) - y / 4;
        return LocalDate.of(year, 4, day);
    }

    private static SpecialDay day(LocalDate date, String name) {
        return new SpecialDay(date, SpecialDay.Kind.HOLIDAY, name, true);
    }
}
