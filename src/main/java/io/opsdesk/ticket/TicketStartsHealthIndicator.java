package io.opsdesk.ticket;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/ticket-starts}: how many customers' tickets wait for their process to start, since
 * when, and how many of them failed to start (WARNING, with the reason in the log and in {@code ticket_start}).
 * Out of the root status: a failing start is a model or deployment to fix, and every node would show it.
 */
@Component("ticketStarts")
class TicketStartsHealthIndicator implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "tickets wait for their process: a start keeps failing");

    private final StartQueue queue;

    TicketStartsHealthIndicator(StartQueue queue) {
        this.queue = queue;
    }

    @Override
    public Health health() {
        StartQueue.Backlog backlog = queue.backlog();
        Health.Builder health = backlog.failing() > 0 ? Health.status(WARNING) : Health.up();
        health.withDetail("queued", backlog.queued()).withDetail("failing", backlog.failing());
        backlog.oldest().ifPresent(oldest -> health.withDetail("oldestQueuedAt", oldest.toString()));
        return health.build();
    }
}
