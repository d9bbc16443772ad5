package io.opsdesk.ticket;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Service;

import io.opsdesk.engine.EngineTime;
import io.opsdesk.engine.TeamTime;
import io.opsdesk.sla.SlaClock;
import io.opsdesk.sla.SlaState;
import io.opsdesk.sla.SlaStep;
import io.opsdesk.sla.SlaTargets;

/**
 * The SLA clocks as the ticket keeps them: targets and due dates, the resolution clock's pauses, and each
 * step of the escalation ladder marked once. The computing is {@code sla/}'s; this is the record of it.
 */
@Service
public class TicketSla {

    private final SlaColumns columns;
    private final TimelineRepository timeline;
    private final TeamTime time;

    TicketSla(SlaColumns columns, TimelineRepository timeline, TeamTime time) {
        this.columns = columns;
        this.timeline = timeline;
        this.time = time;
    }

    public SlaState state(String key) {
        return columns.find(key);
    }

    public String customerTier(String key) {
        return columns.customerTier(key);
    }

    /** Both clocks start, with the targets of the initial priority; the customer sees the due dates. */
    public void started(String key, String priority, SlaTargets targets, Instant firstResponseDue, Instant resolutionDue) {
        columns.targets(key, targets, firstResponseDue, resolutionDue);
        timeline.add(key, TicketRecord.OPSDESK, "SLA", "SLA (" + priority + ", " + targets.calendar() + "): first response by "
                + time.format(firstResponseDue) + ", resolution by " + time.format(resolutionDue), Visibility.PUBLIC);
    }

    /** A new priority brought a new resolution target (and calendar). */
    public void retargeted(String key, String calendar, Duration resolutionTarget) {
        columns.resolutionTarget(key, calendar, resolutionTarget);
    }

    /** The resolution clock's due date moved (new target, a pause ended, a reopen). */
    public void resolutionDue(String key, Instant due) {
        columns.resolutionDue(key, due);
    }

    /** Announces the resolution due date after a priority change. */
    public void announceResolutionDue(String key, Instant due, String priority) {
        timeline.add(key, TicketRecord.OPSDESK, "SLA", "Resolution now due by " + time.format(due) + " (" + priority + ")", Visibility.PUBLIC);
    }

    /** The resolution clock stops while the customer is asked; false if it was stopped already. */
    public boolean paused(String key) {
        return columns.pause(key, EngineTime.now());
    }

    /**
     * The customer answered: {@code paused} business time no longer counts; the customer sees the new due date
     * (stored with the timers' move, {@link #resolutionDue}).
     */
    public void resumed(String key, Duration paused, Instant due) {
        columns.endPause(key, paused.toSeconds());
        timeline.add(key, TicketRecord.OPSDESK, "SLA", "Resolution clock resumed after "
                + paused.toString().substring(2).toLowerCase() + " business time waiting for the customer; now due by " + time.format(due),
                Visibility.PUBLIC);
    }

    /** The customer rejected the delivery: the resolution clock runs again; {@code waited} does not count. */
    public void reopened(String key, Duration waited) {
        columns.reopen(key, waited.toSeconds());
    }

    /** Marks a step of the ladder; true only for the first caller on any node, who writes the timeline. */
    public boolean stepReached(String key, SlaClock clock, SlaStep step, Instant due) {
        if (!columns.markOnce(key, clock, step, EngineTime.now())) {
            return false;
        }
        timeline.add(key, TicketRecord.OPSDESK, "SLA_" + step, step.describe(clock) + " (due " + time.format(due) + ")", Visibility.INTERNAL);
        return true;
    }
}
