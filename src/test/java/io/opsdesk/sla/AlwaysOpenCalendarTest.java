package io.opsdesk.sla;

import static io.opsdesk.sla.TestCalendars.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class AlwaysOpenCalendarTest {

    private final BusinessCalendar calendar = BusinessCalendar.alwaysOpen();

    @Test
    void countsNightsWeekendsAndHolidays() {
        // Wed 2026-09-30 22:00 through the National Day holidays
        Instant start = shanghai("2026-09-30T22:00");

        assertThat(calendar.add(start, Duration.ofHours(50))).isEqualTo(shanghai("2026-10-03T00:00"));
        assertThat(calendar.between(start, shanghai("2026-10-03T00:00"))).isEqualTo(Duration.ofHours(50));
        assertThat(calendar.isWorkingTime(shanghai("2026-10-01T03:00"))).isTrue();
    }

    @Test
    void countsRealTimeAcrossDaylightSavingChanges() {
        Instant beforeChange = Instant.parse("2026-03-28T23:00:00Z");

        assertThat(calendar.add(beforeChange, Duration.ofHours(24))).isEqualTo(Instant.parse("2026-03-29T23:00:00Z"));
    }

    @Test
    void betweenIsZeroWhenToIsNotAfterFrom() {
        Instant now = Instant.parse("2026-11-25T08:00:00Z");

        assertThat(calendar.between(now, now.minusSeconds(1))).isZero();
        assertThat(calendar.between(now, now)).isZero();
    }

    @Test
    void negativeDurationIsRejected() {
        assertThatThrownBy(() -> calendar.add(Instant.EPOCH, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
