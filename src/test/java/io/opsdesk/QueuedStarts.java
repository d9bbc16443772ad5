package io.opsdesk;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customers' tickets (portal, {@code POST /api/tickets}) are answered before their process starts; the
 * application's ticket starter starts it moments later. Tests that go on with the process wait for that here.
 */
public final class QueuedStarts {

    private QueuedStarts() {
    }

    /** Until no ticket waits for its process: each queued start has committed with its process. */
    public static void awaitAll(JdbcClient jdbc) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.sql("select count(*) from ticket_start").query(Long.class).single() == 0);
    }
}
