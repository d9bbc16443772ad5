package io.opsdesk.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The next maintenance window from any moment: before, inside, after, across midnight, across a clock change. */
class MaintenanceWindowTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static MaintenanceWindow window(ZoneId zone, LocalTime start, Duration duration, DayOfWeek... days) {
        return new MaintenanceWindow(new ReleaseProperties(new ReleaseProperties.Window(Set.of(days), start, duration), zone,
                "supervisors"));
    }

    private static Instant at(ZoneId zone, int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, zone).toInstant();
    }

    @Test
    void beforeTheWindowTheNextOneOnAWindowDay() {
        MaintenanceWindow window = window(SHANGHAI, LocalTime.of(22, 0), Duration.ofHours(2), DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);

        // Monday 2026-12-07 10:00 -> Tuesday 22:00 to Wednesday 00:00
        MaintenanceWindow.Opening next = window.next(at(SHANGHAI, 2026, 12, 7, 10, 0));

        assertThat(next.start()).isEqualTo(at(SHANGHAI, 2026, 12, 8, 22, 0));
        assertThat(next.end()).isEqualTo(at(SHANGHAI, 2026, 12, 9, 0, 0));
        // Tuesday 21:59 is still before it
        assertThat(window.next(at(SHANGHAI, 2026, 12, 8, 21, 59))).isEqualTo(next);
    }

    @Test
    void insideAnOpenWindowThatWindowAndAfterItTheNextDay() {
        MaintenanceWindow window = window(SHANGHAI, LocalTime.of(22, 0), Duration.ofHours(2), DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);

        MaintenanceWindow.Opening open = window.next(at(SHANGHAI, 2026, 12, 8, 23, 59));
        assertThat(open.start()).isEqualTo(at(SHANGHAI, 2026, 12, 8, 22, 0));
        assertThat(open.contains(at(SHANGHAI, 2026, 12, 8, 23, 59))).isTrue();

        // at its end it is over: Thursday's
        assertThat(window.next(at(SHANGHAI, 2026, 12, 9, 0, 0)).start()).isEqualTo(at(SHANGHAI, 2026, 12, 10, 22, 0));
        // after Thursday's: the next Tuesday
        assertThat(window.next(at(SHANGHAI, 2026, 12, 11, 0, 30)).start()).isEqualTo(at(SHANGHAI, 2026, 12, 15, 22, 0));
    }

    @Test
    void aWindowThatRunsPastMidnightIsStillOpenTheNextMorning() {
        MaintenanceWindow window = window(SHANGHAI, LocalTime.of(23, 0), Duration.ofHours(4), DayOfWeek.SATURDAY);

        // Sunday 02:00 is inside Saturday 23:00 to Sunday 03:00
        MaintenanceWindow.Opening open = window.next(at(SHANGHAI, 2026, 12, 13, 2, 0));

        assertThat(open.start()).isEqualTo(at(SHANGHAI, 2026, 12, 12, 23, 0));
        assertThat(open.end()).isEqualTo(at(SHANGHAI, 2026, 12, 13, 3, 0));
    }

    @Test
    void aClockChangeKeepsTheLocalStartAndTheRealLength() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        MaintenanceWindow window = window(berlin, LocalTime.of(1, 0), Duration.ofHours(3), DayOfWeek.SUNDAY);

        // 2026-03-29: clocks go from 02:00 to 03:00; the window opens at 01:00 local and lasts three real hours
        MaintenanceWindow.Opening opening = window.next(at(berlin, 2026, 3, 28, 12, 0));

        assertThat(opening.start()).isEqualTo(at(berlin, 2026, 3, 29, 1, 0));
        assertThat(Duration.between(opening.start(), opening.end())).isEqualTo(Duration.ofHours(3));
        assertThat(opening.end()).isEqualTo(at(berlin, 2026, 3, 29, 5, 0));
    }

    @Test
    void configurationWithoutDaysOrWithAnImpossibleLengthIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ReleaseProperties.Window(Set.of(), LocalTime.of(22, 0), Duration.ofHours(2)))
                .hasMessageContaining("opsdesk.release.maintenance-window.days: name at least one day");
        assertThatThrownBy(() -> new ReleaseProperties.Window(Set.of(DayOfWeek.MONDAY), LocalTime.of(22, 0), Duration.ofHours(25)))
                .hasMessageContaining("opsdesk.release.maintenance-window.duration: between PT1M and PT24H");
        assertThatThrownBy(() -> new ReleaseProperties.Window(Set.of(DayOfWeek.MONDAY), null, Duration.ofHours(2)))
                .hasMessageContaining("opsdesk.release.maintenance-window.start is missing");
    }
}
