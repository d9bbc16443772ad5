package io.opsdesk.sla;

import io.opsdesk.engine.ProcessBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsdesk.notification.StaffNotifier;
import io.opsdesk.ticket.process.SupportTicketProcess;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.monitoring.OpsDeskMetrics;
import io.opsdesk.engine.EngineTime;
import io.opsdesk.ticket.TicketRepository;
import io.opsdesk.ticket.Visibility;

/**
 * The SLA clocks of a ticket, called from {@code support-ticket.bpmn}: targets from
 * {@code sla-policy.dmn}, due dates on the ticket's business calendar, the pause while the customer is
 * asked, and the escalation ladder (75 % warning, 100 % breach, 150 % managers), each step once.
 * <p>
 * A step at {@code p} % is due when the clock's business time, minus the time it was paused, reaches
 * {@code p} % of the target: {@code calendar.add(createdAt, target × p / 100 + paused)}.
 */
@ProcessBean("sla")
public class SlaService {

    private static final Logger LOG = LoggerFactory.getLogger(SlaService.class);

    static final Map<SlaClock, Map<SlaStep, String>> TIMERS = new EnumMap<>(Map.of(
            SlaClock.FIRST_RESPONSE, new EnumMap<>(Map.of(
                    SlaStep.WARNING, Elements.FIRST_RESPONSE_WARNING,
                    SlaStep.BREACH, Elements.FIRST_RESPONSE_BREACH,
                    SlaStep.ESCALATION, Elements.FIRST_RESPONSE_ESCALATION)),
            SlaClock.RESOLUTION, new EnumMap<>(Map.of(
                    SlaStep.WARNING, Elements.RESOLUTION_WARNING,
                    SlaStep.BREACH, Elements.RESOLUTION_BREACH,
                    SlaStep.ESCALATION, Elements.RESOLUTION_ESCALATION))));

    private final SlaRepository repository;
    private final TicketRepository tickets;
    private final BusinessCalendars calendars;
    private final DecisionService decisions;
    private final ManagementService management;
    private final TaskService tasks;
    private final StaffNotifier staff;
    private final OpsDeskMetrics metrics;

    SlaService(SlaRepository repository, TicketRepository tickets, BusinessCalendars calendars, DecisionService decisions,
               ManagementService management, TaskService tasks, StaffNotifier staff, OpsDeskMetrics metrics) {
        this.repository = repository;
        this.tickets = tickets;
        this.calendars = calendars;
        this.decisions = decisions;
        this.management = management;
        this.tasks = tasks;
        this.staff = staff;
        this.metrics = metrics;
    }

    /** Both clocks start when the ticket is received, with the targets of its initial priority. */
    public void start(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        Targets targets = targets(key, (String) execution.getVariable(SupportTicketProcess.Variables.PRIORITY));
        SlaState state = repository.find(key).orElseThrow();
        BusinessCalendar calendar = calendars.get(targets.calendar());
        Instant firstResponseDue = calendar.add(state.createdAt(), targets.firstResponse());
        Instant resolutionDue = calendar.add(state.createdAt(), targets.resolution());
        repository.setTargets(key, targets.calendar(), targets.firstResponse(), targets.resolution(), firstResponseDue, resolutionDue);
        tickets.addTimeline(key, "OpsDesk", "SLA", "SLA (" + execution.getVariable(SupportTicketProcess.Variables.PRIORITY)
                + ", " + targets.calendar() + "): first response by " + firstResponseDue + ", resolution by " + resolutionDue,
                Visibility.PUBLIC);
    }

    /** The priority changed (triage, or a supervisor): new targets; running timers and tasks move with them. */
    public void reprioritise(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        SlaState state = repository.find(key).orElseThrow();
        Targets targets = targets(key, (String) execution.getVariable(SupportTicketProcess.Variables.PRIORITY));
        if (targets.resolution().equals(state.resolutionTarget()) && targets.calendar().equals(state.calendar())) {
            return;
        }
        BusinessCalendar calendar = calendars.get(targets.calendar());
        Instant resolutionDue = calendar.add(state.createdAt(), targets.resolution().plus(state.paused(SlaClock.RESOLUTION)));
        repository.setTargets(key, targets.calendar(), state.firstResponseTarget(), targets.resolution(),
                state.firstResponseDue(), resolutionDue);
        moveResolution(execution.getProcessInstanceId(), key);
        tickets.addTimeline(key, "OpsDesk", "SLA", "Resolution now due by " + resolutionDue
                + " (" + execution.getVariable(SupportTicketProcess.Variables.PRIORITY) + ")", Visibility.PUBLIC);
    }

    /** Due date of a ladder step, for the timers: {@code ${sla.due(execution, 'RESOLUTION', 75)}}. */
    public Date due(DelegateExecution execution, String clock, int percent) {
        return Date.from(dueAt(repository.find(execution.getProcessBusinessKey()).orElseThrow(), SlaClock.valueOf(clock), percent));
    }

    /**
     * Waiting for the customer: the resolution clock stops and its timers are held back until it resumes
     * (moved far out rather than suspended: a suspension is a bulk update the engine's cache does not see,
     * which would fail a timer deleted later in the same transaction).
     */
    public void pause(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        if (repository.pause(key, EngineTime.now())) {
            Date held = Date.from(EngineTime.now().plus(Duration.ofDays(36_500)));
            forEachResolutionTimer(execution.getProcessInstanceId(), (step, job) -> management.setJobDuedate(job.getId(), held));
        }
    }

    /** The customer answered: the paused business time is added and the timers move by it. */
    public void resume(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        SlaState state = repository.find(key).orElseThrow();
        if (state.pausedSince() == null) {
            return;
        }
        Duration paused = calendars.get(state.calendar()).between(state.pausedSince(), EngineTime.now());
        repository.endPause(key, paused.toSeconds());
        moveResolution(execution.getProcessInstanceId(), key);
        tickets.addTimeline(key, "OpsDesk", "SLA", "Resolution clock resumed after " + readable(paused)
                + " business time waiting for the customer; now due by " + repository.find(key).orElseThrow().resolutionDue(),
                Visibility.PUBLIC);
    }

    /** The customer rejected the delivery: the resolution clock runs again; acceptance time does not count. */
    public void reopen(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        SlaState state = repository.find(key).orElseThrow();
        if (state.resolvedAt() == null) {
            return;
        }
        Duration waited = calendars.get(state.calendar()).between(state.resolvedAt(), EngineTime.now());
        repository.reopen(key, waited.toSeconds());
        SlaState reopened = repository.find(key).orElseThrow();
        repository.setResolutionDue(key, dueAt(reopened, SlaClock.RESOLUTION, 100));
    }

    /**
     * One step of the ladder, from the timers' paths: happens only while the clock runs and only once per
     * ticket, clock and step, on any node. Returns whether it happened.
     */
    public boolean step(DelegateExecution execution, String clockName, String stepName) {
        String key = execution.getProcessBusinessKey();
        SlaClock clock = SlaClock.valueOf(clockName);
        SlaStep step = SlaStep.valueOf(stepName);
        SlaState state = repository.find(key).orElseThrow();
        Instant now = EngineTime.now();
        if (!state.running(clock) || now.isBefore(dueAt(state, clock, step.percent()))) {
            LOG.info("SLA {} {} of {} skipped: clock stopped, paused or not yet due", clock, step, key);
            return false;
        }
        if (!repository.markOnce(key, step.column(clock), now)) {
            LOG.info("SLA {} {} of {} already happened", clock, step, key);
            return false;
        }
        String what = switch (step) {
            case WARNING -> "75 % of the " + label(clock) + " time used";
            case BREACH -> label(clock) + " SLA breached";
            case ESCALATION -> label(clock) + " SLA at 150 %, escalated to managers";
        };
        tickets.addTimeline(key, "OpsDesk", "SLA_" + step, what + " (due " + dueAt(state, clock, 100) + ")", Visibility.INTERNAL);
        staff.slaStep(key, clock.name(), step.name(), dueAt(state, clock, 100));
        metrics.slaStep(clock.name(), step.name());
        return true;
    }

    private static String label(SlaClock clock) {
        return clock == SlaClock.FIRST_RESPONSE ? "first-response" : "resolution";
    }

    Instant dueAt(SlaState state, SlaClock clock, int percent) {
        Duration business = state.target(clock).multipliedBy(percent).dividedBy(100).plus(state.paused(clock));
        return calendars.get(state.calendar()).add(state.createdAt(), business);
    }

    private void moveResolution(String processInstanceId, String key) {
        SlaState state = repository.find(key).orElseThrow();
        Instant due = dueAt(state, SlaClock.RESOLUTION, 100);
        repository.setResolutionDue(key, due);
        forEachResolutionTimer(processInstanceId, (step, job) -> {
            management.setJobDuedate(job.getId(), Date.from(dueAt(state, SlaClock.RESOLUTION, step.percent())));
        });
        tasks.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .filter(task -> RESOLUTION_DUE_TASKS.contains(task.getTaskDefinitionKey()))
                .forEach(task -> {
                    task.setDueDate(Date.from(due));
                    tasks.saveTask(task);
                });
    }

    /** User tasks whose Tasklist due date is the resolution due date. */
    static final java.util.Set<String> RESOLUTION_DUE_TASKS = java.util.Set.of(
            Elements.RESOLVE_IN_SUPPORT, Elements.ASSIGN_DEVELOPER, Elements.VERIFY_FIX);

    private void forEachResolutionTimer(String processInstanceId, java.util.function.BiConsumer<SlaStep, Job> action) {
        TIMERS.get(SlaClock.RESOLUTION).forEach((step, activityId) ->
                management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers().list()
                        .forEach(job -> action.accept(step, job)));
    }

    private Targets targets(String key, String priority) {
        VariableMap inputs = Variables.createVariables()
                .putValue(SupportTicketProcess.Variables.PRIORITY, priority)
                .putValue("customerTier", repository.customerTier(key));
        Map<String, Object> result = decisions.evaluateDecisionTableByKey(SupportTicketProcess.SLA_DECISION, inputs)
                .getSingleResult().getEntryMap();
        return new Targets(Duration.parse((String) result.get("firstResponseTarget")),
                Duration.parse((String) result.get("resolutionTarget")), (String) result.get("calendar"));
    }

    private static String readable(Duration duration) {
        return duration.toString().substring(2).toLowerCase();
    }

    private record Targets(Duration firstResponse, Duration resolution, String calendar) {
    }
}
