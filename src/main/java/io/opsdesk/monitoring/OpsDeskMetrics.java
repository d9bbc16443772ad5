package io.opsdesk.monitoring;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.opsdesk.jdbc.AfterCommit;

/**
 * OpsDesk's own counters, one place for their names and tags (docs/operations.md#metrics-and-alerts). Events
 * inside a transaction count when it commits, so a rolled-back ticket or SLA step is not counted.
 */
@Component
public class OpsDeskMetrics {

    static final String TICKETS_CREATED = "opsdesk.tickets.received";
    static final String SLA_STEPS = "opsdesk.sla.steps";
    static final String MAILS_SENT = "opsdesk.mails.sent";
    static final String MAILS_FAILED = "opsdesk.mails.failed";
    static final String INTAKE_GROUPS = "opsdesk.intake.commit.group";

    private final MeterRegistry registry;
    private final Counter mailsSent;
    private final Counter mailsFailed;
    private final DistributionSummary intakeGroups;

    OpsDeskMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.mailsSent = Counter.builder(MAILS_SENT).description("Mails handed to the SMTP server (or the outbox)").register(registry);
        this.mailsFailed = Counter.builder(MAILS_FAILED).description("Mails the SMTP server did not take (the step retries)")
                .register(registry);
        this.intakeGroups = DistributionSummary.builder(INTAKE_GROUPS).baseUnit("tickets")
                .description("Customers' tickets committed together in one transaction (group commit)").register(registry);
        // every series from the start at 0, so that rate() and increase() see the first event
        List.of("API", "PORTAL", "EMAIL", "INSPECTION").forEach(channel -> ticketsCreated(channel));
        List.of("FIRST_RESPONSE", "RESOLUTION").forEach(clock ->
                List.of("WARNING", "BREACH", "ESCALATION").forEach(step -> slaSteps(clock, step)));
    }

    private Counter ticketsCreated(String source) {
        return Counter.builder(TICKETS_CREATED).description("Tickets created, by channel")
                .tag("channel", source.toLowerCase(Locale.ROOT)).register(registry);
    }

    private Counter slaSteps(String clock, String step) {
        return Counter.builder(SLA_STEPS).description("SLA steps that happened, by clock and step")
                .tag("clock", clock.toLowerCase(Locale.ROOT)).tag("step", step.toLowerCase(Locale.ROOT)).register(registry);
    }

    /** The intake committed {@code tickets} received tickets in one transaction. */
    public void intakeGroupCommitted(int tickets) {
        intakeGroups.record(tickets);
    }

    /** How many groups the intake has committed, and how many tickets they held. */
    public IntakeGroups intakeGroups() {
        return new IntakeGroups(intakeGroups.count(), (long) intakeGroups.totalAmount());
    }

    public record IntakeGroups(long groups, long tickets) {
    }

    /** A ticket was created; the channel is the ticket's source (API, PORTAL, EMAIL, INSPECTION). */
    public void ticketCreated(String source) {
        AfterCommit.run(() -> ticketsCreated(source).increment());
    }

    /** An SLA step (WARNING, BREACH, ESCALATION) of a clock (FIRST_RESPONSE, RESOLUTION) happened. */
    public void slaStep(String clock, String step) {
        AfterCommit.run(() -> slaSteps(clock, step).increment());
    }

    /** A mail went out: it is sent whether or not the step's transaction commits afterwards. */
    public void mailSent() {
        mailsSent.increment();
    }

    public void mailFailed() {
        mailsFailed.increment();
    }
}
