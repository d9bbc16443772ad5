package io.opsdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A manager's notice for one year: read, and refused with a message naming what is wrong. */
class HolidayNoticeTest {

    private static final String NOTICE_2027 = """
            date,kind,name
            2027-01-01,HOLIDAY,元旦
            2027-02-05,HOLIDAY,春节
            2027-02-06,HOLIDAY,春节
            2027-02-07,HOLIDAY,春节
            2027-02-08,HOLIDAY,春节
            2027-02-20,WORKDAY,春节调休上班
            """;

    @Test
    void readsACsvNotice() {
        HolidayNotice notice = HolidayNotice.parse(2027, "csv", NOTICE_2027);
        assertThat(notice.year()).isEqualTo(2027);
        assertThat(notice.days()).hasSize(6).noneMatch(SpecialDay::provisional);
        assertThat(notice.days()).filteredOn(day -> day.kind() == SpecialDay.Kind.WORKDAY).extracting(SpecialDay::date)
                .containsExactly(LocalDate.of(2027, 2, 20));
    }

    @Test
    void readsAnIcsNotice() {
        String ics = """
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20270205
                DTEND;VALUE=DATE:20270209
                SUMMARY:春节
                END:VEVENT
                END:VCALENDAR
                """.replace("\n", "\r\n");
        assertThat(HolidayNotice.parse(2027, "ics", ics).days()).extracting(SpecialDay::date)
                .containsExactly(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 7),
                        LocalDate.of(2027, 2, 8));
    }

    @Test
    void refusesADateThatIsBothHolidayAndWorkingDay() {
        assertThatThrownBy(() -> HolidayNotice.parse(2027, "csv", NOTICE_2027 + "2027-02-08,WORKDAY,oops\n"))
                .isInstanceOf(HolidayFileException.class)
                .hasMessageContaining("2027-02-08 is listed both as a holiday and as a working day");
    }

    @Test
    void refusesANoticeWithoutSpringFestival() {
        assertThatThrownBy(() -> HolidayNotice.parse(2027, "csv", "2027-01-01,HOLIDAY,元旦\n"))
                .isInstanceOf(HolidayFileException.class).hasMessageContaining("Spring Festival (2027-02-06");
    }

    @Test
    void refusesDatesOutsideTheYear() {
        assertThatThrownBy(() -> HolidayNotice.parse(2027, "csv", NOTICE_2027 + "2028-01-01,HOLIDAY,元旦\n"))
                .isInstanceOf(HolidayFileException.class).hasMessageContaining("2028-01-01 (元旦) is not in 2027");
    }

    @Test
    void refusesAnUnknownFormatAndNamesBadLines() {
        assertThatThrownBy(() -> HolidayNotice.parse(2027, "xlsx", NOTICE_2027))
                .isInstanceOf(HolidayFileException.class).hasMessageStartingWith("format:");
        assertThatThrownBy(() -> HolidayNotice.parse(2027, "csv", NOTICE_2027 + "2027-13-01,HOLIDAY,x\n"))
                .isInstanceOf(HolidayFileException.class).hasMessageContaining("line 8");
    }
}
