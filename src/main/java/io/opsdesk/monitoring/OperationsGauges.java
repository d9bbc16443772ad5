package io.opsdesk.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opsdesk.engine.EngineTime;
import io.opsdesk.ticket.TicketStatus;

/**
 * Gauges read from the database: open tickets by status, Camunda's job backlog and how late its oldest due job
 * is, open incidents. Each value is read at most once per {@code opsdesk.metrics.cache} (a scrape every 15 s
 * then costs a few small queries), so a large backlog cannot turn a scrape into a load.
 */
@Component
class OperationsGauges {

    private final JdbcClient jdbc;
    private final ManagementService management;
    private final Cached<Map<TicketStatus, Long>> openTickets;
    private final Cached<JobBacklog> jobs;
    private final Cached<Long> incidents;

    record JobBacklog(long due, double lagSeconds, long failed) {
    }

    OperationsGauges(MeterRegistry registry, JdbcClient jdbc, ManagementService management, RuntimeService runtime,
                     @Value("${opsdesk.metrics.cache:PT15S}") Duration cache) {
        this.jdbc = jdbc;
        this.management = management;
        this.openTickets = new Cached<>(cache, this::countTickets);
        this.jobs = new Cached<>(cache, this::jobBacklog);
        this.incidents = new Cached<>(cache, () -> runtime.createIncidentQuery().count());
        for (TicketStatus status : TicketStatus.values()) {
            if (!status.isFinal()) {
                Gauge.builder("opsdesk.tickets.open", () -> openTickets.get().getOrDefault(status, 0L))
                        .description("Tickets not yet closed or declined, by status")
                        .tag("status", status.name().toLowerCase(Locale.ROOT)).register(registry);
            }
        }
        Gauge.builder("opsdesk.jobs.due", () -> jobs.get().due())
                .description("Camunda jobs due now and not yet run (timers, mail steps, retries)").register(registry);
        Gauge.builder("opsdesk.jobs.due.lag", () -> jobs.get().lagSeconds()).baseUnit("seconds")
                .description("How long the oldest due job has been waiting; 0 without due jobs").register(registry);
        Gauge.builder("opsdesk.jobs.failed", () -> jobs.get().failed())
                .description("Jobs without retries left (each has an incident)").register(registry);
        Gauge.builder("opsdesk.incidents.open", () -> incidents.get())
                .description("Open Camunda incidents (a step that failed after its retries)").register(registry);
    }

    private Map<TicketStatus, Long> countTickets() {
        Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
        jdbc.sql("select status, count(*) from ticket group by status")
                .query((rs, n) -> Map.entry(TicketStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list().forEach(count -> counts.put(count.getKey(), count.getValue()));
        return counts;
    }

    private JobBacklog jobBacklog() {
        Instant now = EngineTime.now();
        long due = management.createJobQuery().executable().count();
        Job oldest = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1)
                .stream().filter(job -> job.getDuedate() != null).findFirst().orElse(null);
        double lag = oldest == null ? 0 : Math.max(0, Duration.between(oldest.getDuedate().toInstant(), now).toMillis() / 1000.0);
        long failed = management.createJobQuery().noRetriesLeft().count();
        return new JobBacklog(due, lag, failed);
    }

    /** A value read again when older than its time to live. */
    private static final class Cached<T> {

        private final Duration ttl;
        private final Supplier<T> read;
        private T value;
        private Instant readAt = Instant.MIN;

        Cached(Duration ttl, Supplier<T> read) {
            this.ttl = ttl;
            this.read = read;
        }

        synchronized T get() {
            Instant now = Clock.systemUTC().instant();
            if (value == null || !now.isBefore(readAt.plus(ttl))) {
                value = read.get();
                readAt = now;
            }
            return value;
        }
    }
}
