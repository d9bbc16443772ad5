package io.opsdesk.ticket;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Component;

/**
 * Whether customers' tickets are arriving right now: {@link IntakeWriter} marks each group it stores, and
 * {@link TicketStarter} leaves the CPU to the requests while they come.
 */
@Component
class IntakeActivity {

    /** How long after its last group the intake counts as busy. */
    private static final long BUSY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** How often a thread that gives way looks whether the burst is over. */
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private volatile long lastGroupAt = System.nanoTime() - BUSY_NANOS;

    void groupArrived() {
        lastGroupAt = System.nanoTime();
    }

    /** Whether a group of tickets arrived within the last 200 ms. */
    boolean busy() {
        return System.nanoTime() - lastGroupAt < BUSY_NANOS;
    }

    /**
     * Parks the calling thread for up to {@code nanos} while tickets keep arriving, and returns as soon as they stop
     * (no group for 200 ms) or {@code carryOn} turns false: a pause worked out during a burst must not outlast it.
     */
    void giveWay(long nanos, BooleanSupplier carryOn) {
        long until = System.nanoTime() + nanos;
        for (long left = nanos; left > 0 && busy() && carryOn.getAsBoolean(); left = until - System.nanoTime()) {
            LockSupport.parkNanos(this, Math.min(left, SLICE_NANOS));
        }
    }
}
