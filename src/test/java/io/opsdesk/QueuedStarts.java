package io.opsdesk;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
        awaitNone(jdbc, jdbc.sql("select count(*) from ticket_start"));
    }

    /** Until this ticket's process has started, if it was queued. */
    public static void awaitStarted(JdbcClient jdbc, String ticketKey) {
        awaitNone(jdbc, jdbc.sql("select count(*) from ticket_start s join ticket t on t.id = s.ticket_id where t.ticket_key = :key")
                .param("key", ticketKey));
    }

    private static void awaitNone(JdbcClient jdbc, JdbcClient.StatementSpec queued) {
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> queued.query(Long.class).single() == 0);
        } catch (ConditionTimeoutException stuck) {
            throw new AssertionError("Queued ticket starts still waiting after 60 s (engine clock "
                    + ClockUtil.getCurrentTime().toInstant() + "): " + jdbc.sql("""
                    select t.ticket_key, s.requested_at, s.attempts, s.next_attempt_at, s.last_error
                    from ticket_start s join ticket t on t.id = s.ticket_id order by s.requested_at""")
                    .query().listOfRows(), stuck);
        }
    }
}
