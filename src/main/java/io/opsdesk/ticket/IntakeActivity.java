package io.opsdesk.ticket;

import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Whether customers' tickets are arriving right now: {@link IntakeWriter} marks each group it stores, and
 * {@link TicketStarter} leaves the CPU to the requests while they come.
 */
@Component
class IntakeActivity {

    /** How long after its last group the intake counts as busy. */
    private static final long BUSY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private volatile long lastGroupAt = System.nanoTime() - BUSY_NANOS;

    void groupArrived() {
        lastGroupAt = System.nanoTime();
    }

    /** Whether a group of tickets arrived within the last 200 ms. */
    boolean busy() {
        return System.nanoTime() - lastGroupAt < BUSY_NANOS;
    }
}
