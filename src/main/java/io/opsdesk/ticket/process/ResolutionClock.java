package io.opsdesk.ticket.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import io.opsdesk.engine.EngineTime;
import io.opsdesk.sla.SlaClock;
import io.opsdesk.sla.SlaClocks;
import io.opsdesk.sla.SlaPolicy;
import io.opsdesk.sla.SlaState;
import io.opsdesk.sla.SlaStep;
import io.opsdesk.sla.SlaTargets;
import io.opsdesk.ticket.TicketSla;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;

/**
 * The resolution clock of a running ticket: a pause while the customer is asked, the resume, a reopen, a new
 * priority. Its three ladder timers and the Tasklist due dates move with it (timers are held far out during
 * a pause rather than suspended: a suspension is a bulk update the engine's cache does not see).
 */
@Component
class ResolutionClock {

    private static final Map<SlaStep, String> TIMERS = Map.of(SlaStep.WARNING, Elements.RESOLUTION_WARNING,
            SlaStep.BREACH, Elements.RESOLUTION_BREACH, SlaStep.ESCALATION, Elements.RESOLUTION_ESCALATION);
    /** User tasks whose Tasklist due date is the resolution due date. */
    private static final Set<String> DUE_TASKS = Set.of(Elements.RESOLVE_IN_SUPPORT, Elements.ASSIGN_DEVELOPER,
            Elements.VERIFY_FIX);

    private final TicketSla sla;
    private final SlaClocks clocks;
    private final SlaPolicy policy;
    private final ManagementService management;
    private final TaskService tasks;

    ResolutionClock(TicketSla sla, SlaClocks clocks, SlaPolicy policy, ManagementService management, TaskService tasks) {
        this.sla = sla;
        this.clocks = clocks;
        this.policy = policy;
        this.management = management;
        this.tasks = tasks;
    }

    void pause(String processInstanceId, String key) {
        if (sla.paused(key)) {
            Date held = Date.from(EngineTime.now().plus(Duration.ofDays(36_500)));
            TIMERS.values().forEach(timer -> timers(processInstanceId, timer, held));
        }
    }

    void resume(String processInstanceId, String key) {
        SlaState state = sla.state(key);
        if (state.pausedSince() == null) {
            return;
        }
        Duration paused = clocks.between(state.calendar(), state.pausedSince(), EngineTime.now());
        sla.resumed(key, paused, move(processInstanceId, key, state.resumedAfter(paused)));
    }

    /** The customer rejected the delivery: the clock runs again; the time they had the fix does not count. */
    void reopen(String key) {
        SlaState state = sla.state(key);
        if (state.resolvedAt() != null) {
            sla.reopened(key, clocks.between(state.calendar(), state.resolvedAt(), EngineTime.now()));
            sla.resolutionDue(key, clocks.dueAt(sla.state(key), SlaClock.RESOLUTION, 100));
        }
    }

    /** A new priority: new targets; running timers and tasks move with the resolution due date. */
    void reprioritise(String processInstanceId, String key, String priority) {
        SlaState state = sla.state(key);
        SlaTargets targets = policy.targets(priority, sla.customerTier(key));
        if (targets.resolution().equals(state.resolutionTarget()) && targets.calendar().equals(state.calendar())) {
            return;
        }
        sla.retargeted(key, targets.calendar(), targets.resolution());
        sla.announceResolutionDue(key, move(processInstanceId, key, sla.state(key)), priority);
    }

    /** Sets the resolution due date from {@code state}, moves its timers and tasks; returns the due date. */
    private Instant move(String processInstanceId, String key, SlaState state) {
        Instant due = clocks.dueAt(state, SlaClock.RESOLUTION, 100);
        sla.resolutionDue(key, due);
        TIMERS.forEach((step, timer) ->
                timers(processInstanceId, timer, Date.from(clocks.dueAt(state, SlaClock.RESOLUTION, step.percent()))));
        tasks.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .filter(task -> DUE_TASKS.contains(task.getTaskDefinitionKey()))
                .forEach(task -> {
                    task.setDueDate(Date.from(due));
                    tasks.saveTask(task);
                });
        return due;
    }

    private void timers(String processInstanceId, String activityId, Date due) {
        management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers().list()
                .forEach(job -> management.setJobDuedate(job.getId(), due));
    }
}
