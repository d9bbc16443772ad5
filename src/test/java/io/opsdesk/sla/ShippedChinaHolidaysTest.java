package io.opsdesk.sla;

import static io.opsdesk.sla.TestCalendars.chinaBusiness;
import static io.opsdesk.sla.TestCalendars.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** calendars/cn-holidays.csv against the State Council's 2026 notice, and due dates a person can check by hand. */
class ShippedChinaHolidaysTest {

    private static final Duration P2_RESOLUTION = Duration.ofHours(8);

    private final List<SpecialDay> days = TestCalendars.shippedChinaHolidays();
    private final BusinessCalendar calendar = chinaBusiness();

    @Test
    void holds2026sThirtyThreeDaysOffAndSixMakeUpDays() {
        assertThat(days).filteredOn(day -> day.kind() == SpecialDay.Kind.HOLIDAY).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
        assertThat(days).filteredOn(day -> day.kind() == SpecialDay.Kind.WORKDAY).extracting(SpecialDay::date)
                .containsExactly(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28),
                        LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10))
                .allSatisfy(date -> assertThat(date.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(days).extracting(day -> day.date().getYear()).containsOnly(2026);
        assertThat(days).filteredOn(day -> day.name().equals("春节")).extracting(SpecialDay::date)
                .containsExactlyElementsOf(LocalDate.of(2026, 2, 15).datesUntil(LocalDate.of(2026, 2, 24)).toList());
    }

    @Test
    void p2TicketOnTheFridayAfternoonBeforeQingmingIsDueTuesdayAfternoon() {
        // Fri 2026-04-03 14:00, 8 business hours:
        //   Fri Apr 3   14:00-18:00                 4h  (4h left)
        //   Sat Apr 4 - Mon Apr 6: 清明节 (Mon Apr 6 is the day off on a weekday)
        //   Tue Apr 7   09:00-12:00                 3h  (1h left)
        //               13:30-14:30                 1h  -> due Tue 2026-04-07 14:30 Beijing time
        assertThat(calendar.add(shanghai("2026-04-03T14:00"), P2_RESOLUTION)).isEqualTo(shanghai("2026-04-07T14:30"));
        assertThat(calendar.between(shanghai("2026-04-03T14:00"), shanghai("2026-04-07T14:30"))).isEqualTo(P2_RESOLUTION);
    }

    @Test
    void p2TicketOnTheFridayBeforeSpringFestivalIsDueOnTheMakeUpSaturday() {
        // Fri 2026-02-13 16:00, 8 business hours:
        //   Fri Feb 13  16:00-18:00                 2h  (6h left)
        //   Sat Feb 14  is a make-up working day (2月14日(周六)上班), Monday's hours:
        //               09:00-12:00                 3h  (3h left)
        //               13:30-16:30                 3h  -> due Sat 2026-02-14 16:30, before the 9-day holiday
        assertThat(calendar.add(shanghai("2026-02-13T16:00"), P2_RESOLUTION)).isEqualTo(shanghai("2026-02-14T16:30"));
    }

    @Test
    void twoDaysOfWorkFromTheFridayBeforeSpringFestivalAreDueAfterTheHoliday() {
        // Fri 2026-02-13 16:00, 16 business hours:
        //   Fri Feb 13  16:00-18:00                 2h   (14h left)
        //   Sat Feb 14  make-up day, 7.5h            7.5h (6.5h left)
        //   Sun Feb 15 - Mon Feb 23: 春节, 9 days off
        //   Tue Feb 24  09:00-12:00                 3h   (3.5h left)
        //               13:30-17:00                 3.5h -> due Tue 2026-02-24 17:00
        assertThat(calendar.add(shanghai("2026-02-13T16:00"), Duration.ofHours(16))).isEqualTo(shanghai("2026-02-24T17:00"));
    }
}
