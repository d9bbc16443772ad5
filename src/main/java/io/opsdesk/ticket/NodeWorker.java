package io.opsdesk.ticket;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The one background thread of a node's {@link IntakeWriter} or {@link TicketStarter}. It is never interrupted (a
 * thread interrupted in H2's file I/O closes the database): {@link #stop} asks its loop to end, wakes it and waits
 * up to 30 s for it to finish what it holds.
 */
final class NodeWorker {

    private final String name;
    private volatile Thread thread;
    private volatile boolean running;

    NodeWorker(String name) {
        this.name = name;
    }

    void start(Runnable loop) {
        Thread started = new Thread(loop, name);
        started.setDaemon(true);
        running = true;
        thread = started;
        started.start();
    }

    /** Whether the loop is to go on. */
    boolean running() {
        return running;
    }

    /** Whether started and not stopped since. */
    boolean started() {
        return thread != null;
    }

    /** Wakes the thread from {@link LockSupport#parkNanos}; nothing once stopped. */
    void unpark() {
        LockSupport.unpark(thread);
    }

    /** The loop ends by itself (its thread was interrupted). */
    void halt() {
        running = false;
    }

    /** Asks the loop to end, wakes it (also through {@code wake}, for a loop that waits on something else) and waits. */
    void stop(Runnable wake) {
        Thread stopping = thread;
        thread = null;
        running = false;
        if (stopping != null) {
            wake.run();
            LockSupport.unpark(stopping);
            try {
                stopping.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
