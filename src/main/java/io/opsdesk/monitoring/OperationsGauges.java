package io.opsdesk.monitoring;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opsdesk.engine.EngineTime;

/**
 * Gauges read from the engine: Camunda's job backlog and how late its oldest due job
 * is, open incidents (open tickets by status are the ticket's own gauge). Each value is read at most once per
 * {@code opsdesk.metrics.cache} (a scrape every 15 s then costs a few small queries), so a large backlog cannot
 * turn a scrape into a load.
 */
@Component
class OperationsGauges {

    private final ManagementService management;
    private final CachedValue<JobBacklog> jobs;
    private final CachedValue<Long> incidents;

    record JobBacklog(long due, double lagSeconds, long failed) {
    }

    OperationsGauges(MeterRegistry registry, ManagementService management, RuntimeService runtime,
                     @Value("${opsdesk.metrics.cache:PT15S}") Duration cache) {
        this.management = management;
        this.jobs = new CachedValue<>(cache, this::jobBacklog);
        this.incidents = new CachedValue<>(cache, () -> runtime.createIncidentQuery().count());
        Gauge.builder("opsdesk.jobs.due", () -> jobs.get().due())
                .description("Camunda jobs due now and not yet run (timers, mail steps, retries)").register(registry);
        Gauge.builder("opsdesk.jobs.due.lag", () -> jobs.get().lagSeconds()).baseUnit("seconds")
                .description("How long the oldest due job has been waiting; 0 without due jobs").register(registry);
        Gauge.builder("opsdesk.jobs.failed", () -> jobs.get().failed())
                .description("Jobs without retries left (each has an incident)").register(registry);
        Gauge.builder("opsdesk.incidents.open", () -> incidents.get())
                .description("Open Camunda incidents (a step that failed after its retries)").register(registry);
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
}
