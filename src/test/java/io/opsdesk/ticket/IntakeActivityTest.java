package io.opsdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The ticket starter gives way to a burst of tickets for a pause it works out from its last batch; the pause ends
 * with the burst. (A single long park once held 800 queued tickets back for 50 s after the last request.)
 */
class IntakeActivityTest {

    private static final long A_MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void aPauseEndsWhenNoTicketArrivedFor200Ms() {
        IntakeActivity intake = new IntakeActivity();
        intake.groupArrived();

        Duration paused = time(() -> intake.giveWay(A_MINUTE, () -> true));

        // busy for 200 ms after the group, then the starter goes on: nowhere near the minute it was granted
        assertThat(paused).isBetween(Duration.ofMillis(150), Duration.ofSeconds(10));
        assertThat(intake.busy()).isFalse();
    }

    @Test
    void aPauseLastsWhileTicketsKeepArrivingUpToItsLength() {
        IntakeActivity intake = new IntakeActivity();
        intake.groupArrived();
        long length = TimeUnit.MILLISECONDS.toNanos(600);

        // a group every slice the starter looks: the intake stays busy the whole time
        Duration paused = time(() -> intake.giveWay(length, () -> {
            intake.groupArrived();
            return true;
        }));

        assertThat(paused).isBetween(Duration.ofMillis(600), Duration.ofSeconds(10));
    }

    @Test
    void noPauseWhenTheIntakeIsQuietOrTheStarterStops() {
        IntakeActivity intake = new IntakeActivity();
        assertThat(time(() -> intake.giveWay(A_MINUTE, () -> true))).isLessThan(Duration.ofSeconds(10));

        intake.groupArrived();
        assertThat(time(() -> intake.giveWay(A_MINUTE, () -> false))).isLessThan(Duration.ofSeconds(10));
    }

    private static Duration time(Runnable action) {
        long began = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - began);
    }
}
