package io.opsdesk.ticket.process;

import io.opsdesk.engine.ProcessBean;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.task.Task;

import io.opsdesk.engine.TaskCandidates;
import io.opsdesk.identity.Groups;
import io.opsdesk.identity.TaskActor;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.TriageOutcome;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;
import io.opsdesk.sla.SlaService;
import io.opsdesk.engine.EngineTime;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.TicketRepository;
import io.opsdesk.ticket.TicketType;
import io.opsdesk.ticket.Visibility;

/**
 * Completion of each user task: guards the variables the form must deliver (so a model or form edited
 * in the Modeler that forgets one fails loudly in Tasklist instead of routing wrongly), then records
 * the result on the ticket and its timeline. BPMN: {@code ${ticketTasks.triaged(task)}}.
 */
@ProcessBean("ticketTasks")
public class TicketTaskListeners {

    static final int TEXT_LIMIT = 4000;

    private final TicketRepository tickets;
    private final IdentityService identity;
    private final TicketSettings settings;
    private final SlaService sla;

    TicketTaskListeners(TicketRepository tickets, IdentityService identity, TicketSettings settings, SlaService sla) {
        this.tickets = tickets;
        this.identity = identity;
        this.settings = settings;
        this.sla = sla;
    }

    public void triaged(DelegateTask task) {
        String key = task.getExecution().getProcessBusinessKey();
        Ticket ticket = tickets.findByKey(key).orElseThrow();
        TriageOutcome outcome = enumValue(task, Variables.TRIAGE_OUTCOME, TriageOutcome.class);
        TicketType type = enumValue(task, Variables.TICKET_TYPE, TicketType.class);
        Level impact = enumValue(task, Variables.IMPACT, Level.class);
        Level urgency = enumValue(task, Variables.URGENCY, Level.class);
        String analysis = text(task, Variables.ANALYSIS, true);

        Map<String, Object> columns = new HashMap<>();
        columns.put("type", type);
        columns.put("impact", impact);
        columns.put("urgency", urgency);
        if (ticket.firstResponseAt() == null) {
            columns.put("first_response_at", EngineTime.now());
        }
        switch (outcome) {
            case NEED_INFORMATION -> text(task, Variables.INFORMATION_REQUEST, true);
            case DECLINE -> columns.put("decline_reason", text(task, Variables.DECLINE_REASON, true));
            default -> columns.put("handling_plan", text(task, Variables.HANDLING_PLAN, true));
        }
        if (type.needsFeasibility() && outcome != TriageOutcome.NEED_INFORMATION) {
            Object feasible = task.getVariable(Variables.FEASIBLE);
            if (!(feasible instanceof Boolean isFeasible)) {
                throw new NotValidException("feasible: say whether this " + type + " is feasible");
            }
            columns.put("feasible", isFeasible);
            if (!isFeasible && outcome != TriageOutcome.DECLINE) {
                throw new NotValidException("triageOutcome: an infeasible request must be declined with a reason");
            }
            // a declined request gets no effort estimate nor delivery date, feasible or not
            if (isFeasible && outcome != TriageOutcome.DECLINE) {
                columns.put("effort_days", positiveNumber(task, Variables.EFFORT_DAYS));
                // the proposed delivery date of the feasibility assessment, whoever delivers
                columns.put("agreed_delivery_date", date(task, true));
            }
        }
        if (outcome == TriageOutcome.HAND_TO_DEVELOPMENT || outcome == TriageOutcome.SUPERVISOR_ASSIGNS) {
            LocalDate agreed = date(task, outcome == TriageOutcome.HAND_TO_DEVELOPMENT);
            if (agreed != null) {
                columns.put("agreed_delivery_date", agreed);
            }
        }
        if (!task.getExecution().hasVariable(Variables.DEVELOPER)) {
            // ImplementFix is assigned to ${developer}: unset until a supervisor names one, the task stays in the queue
            task.getExecution().setVariable(Variables.DEVELOPER, null);
        }
        tickets.update(key, columns);
        tickets.addTimeline(key, actor(task), "TRIAGE", "Triage (" + outcome + "): " + analysis, Visibility.INTERNAL);
    }

    public void resolvedInSupport(DelegateTask task) {
        String key = task.getExecution().getProcessBusinessKey();
        String resolution = text(task, Variables.RESOLUTION, true);
        tickets.update(key, Map.of("resolution", resolution));
        tickets.addTimeline(key, actor(task), "RESOLVED", "Resolved by support: " + resolution, Visibility.INTERNAL);
    }

    public void developerAssigned(DelegateTask task) {
        String key = task.getExecution().getProcessBusinessKey();
        String developer = text(task, Variables.DEVELOPER, true).trim();
        if (identity.createUserQuery().userId(developer).memberOfGroup(Groups.DEVELOPMENT).count() == 0) {
            throw new NotValidException("developer: '" + developer + "' is not a member of the development group");
        }
        task.getExecution().setVariable(Variables.DEVELOPER, developer);
        LocalDate agreed = date(task, true);
        tickets.update(key, Map.of("agreed_delivery_date", agreed));
        tickets.addTimeline(key, actor(task), "ASSIGNED",
                "Assigned to developer " + developer + ", delivery agreed for " + agreed, Visibility.INTERNAL);
    }

    public void implemented(DelegateTask task) {
        String key = task.getExecution().getProcessBusinessKey();
        String notes = text(task, Variables.IMPLEMENTATION_NOTES, true);
        tickets.addTimeline(key, actor(task), "IMPLEMENTED", "Implemented: " + notes, Visibility.INTERNAL);
        // this implementation answers the last findings: the next verification starts without them
        task.getExecution().removeVariable(Variables.VERIFICATION_FINDINGS);
    }

    public void verified(DelegateTask task) {
        String key = task.getExecution().getProcessBusinessKey();
        Object passed = task.getVariable(Variables.VERIFICATION_PASSED);
        if (!(passed instanceof Boolean)) {
            throw new NotValidException("verificationPassed: say whether the fix passed verification");
        }
        String findings = text(task, Variables.VERIFICATION_FINDINGS, !(Boolean) passed);
        if ((Boolean) passed) {
            // what the customer is told in the delivery mail
            tickets.update(key, Map.of("resolution", text(task, Variables.RESOLUTION, true)));
            Object needsRelease = task.getVariable(Variables.NEEDS_RELEASE);
            if (needsRelease != null && !(needsRelease instanceof Boolean)) {
                throw new NotValidException(Variables.NEEDS_RELEASE + ": say whether the fix ships with a release (true or false)");
            }
            // Gateway_NeedsRelease reads ${needsRelease}: an unticked box a form did not submit means no release
            task.getExecution().setVariable(Variables.NEEDS_RELEASE, Boolean.TRUE.equals(needsRelease));
            tickets.addTimeline(key, actor(task), "VERIFIED", "Verification passed"
                    + (Boolean.TRUE.equals(needsRelease) ? ", ships with a release" : "")
                    + (findings == null ? "" : ": " + findings), Visibility.INTERNAL);
        }
    }

    /**
     * A supervisor handled an SLA breach: reassigned the ticket's open work, changed its priority (the
     * resolution due date and its timers move), or commented.
     */
    public void escalationHandled(DelegateTask task) {
        String key = task.getExecution().getProcessBusinessKey();
        String action = text(task, Variables.ESCALATION_ACTION, true);
        String comment = text(task, Variables.ESCALATION_COMMENT, true);
        String what = switch (action) {
            case "REASSIGN" -> {
                String user = text(task, Variables.REASSIGN_TO, true).trim();
                if (identity.createUserQuery().userId(user).count() == 0) {
                    throw new NotValidException(Variables.REASSIGN_TO + ": there is no user '" + user + "'");
                }
                TaskService taskService = task.getProcessEngineServices().getTaskService();
                List<Task> open = taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId()).list().stream()
                        .filter(other -> !other.getId().equals(task.getId()) && !ESCALATION_TASKS.contains(other.getTaskDefinitionKey()))
                        .toList();
                if (open.isEmpty()) {
                    throw new NotValidException(Variables.REASSIGN_TO + ": the ticket has no open task to reassign; comment instead");
                }
                List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
                for (Task other : open) {
                    Set<String> candidates = TaskCandidates.groups(taskService.getIdentityLinksForTask(other.getId()));
                    if (!candidates.isEmpty() && candidates.stream().noneMatch(groups::contains)) {
                        throw new NotValidException(Variables.REASSIGN_TO + ": '" + user + "' is not in " + candidates
                                + ", who work '" + other.getName() + "'");
                    }
                }
                open.forEach(other -> taskService.setAssignee(other.getId(), user));
                yield "reassigned to " + user;
            }
            case "REPRIORITISE" -> {
                String priority = text(task, Variables.NEW_PRIORITY, true);
                if (!priority.matches("P[1-4]")) {
                    throw new NotValidException(Variables.NEW_PRIORITY + ": '" + priority + "' is not one of P1, P2, P3, P4");
                }
                task.getExecution().setVariable(Variables.PRIORITY, priority);
                tickets.update(key, Map.of("priority", priority));
                sla.reprioritise(task.getExecution());
                yield "priority changed to " + priority;
            }
            case "COMMENT" -> "commented";
            default -> throw new NotValidException(Variables.ESCALATION_ACTION + ": '" + action
                    + "' is not one of REASSIGN, REPRIORITISE, COMMENT");
        };
        tickets.addTimeline(key, actor(task), "ESCALATION_HANDLED", "Escalation " + what + ": " + comment, Visibility.INTERNAL);
    }

    private static final java.util.Set<String> ESCALATION_TASKS = java.util.Set.of(
            Elements.HANDLE_FIRST_RESPONSE_BREACH, Elements.HANDLE_RESOLUTION_BREACH);

    private LocalDate date(DelegateTask task, boolean required) {
        Object value = task.getVariable(Variables.AGREED_DELIVERY_DATE);
        if (value == null || value.toString().isBlank()) {
            if (required) {
                throw new NotValidException(Variables.AGREED_DELIVERY_DATE + ": an agreed delivery date is required");
            }
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
        } catch (DateTimeParseException e) {
            throw new NotValidException(Variables.AGREED_DELIVERY_DATE + ": '" + value + "' is not a date (YYYY-MM-DD)");
        }
        if (date.isBefore(LocalDate.ofInstant(EngineTime.now(), settings.getZone()))) {
            throw new NotValidException(Variables.AGREED_DELIVERY_DATE + ": " + date + " is in the past");
        }
        Date due = Date.from(date.atTime(LocalTime.of(18, 0)).atZone(settings.getZone()).toInstant());
        task.getExecution().setVariable(Variables.AGREED_DELIVERY_DUE, due);
        return date;
    }

    private static int positiveNumber(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value instanceof Number number && number.doubleValue() > 0 && number.doubleValue() <= 10_000) {
            return (int) Math.ceil(number.doubleValue());
        }
        throw new NotValidException(name + ": give the effort as a number of days greater than 0");
    }

    private static String text(DelegateTask task, String name, boolean required) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            if (required) {
                throw new NotValidException(name + ": is required");
            }
            return null;
        }
        String text = value.toString();
        if (text.length() > TEXT_LIMIT) {
            throw new NotValidException(name + ": at most " + TEXT_LIMIT + " characters, got " + text.length());
        }
        return text;
    }

    private static <E extends Enum<E>> E enumValue(DelegateTask task, String name, Class<E> type) {
        Object value = task.getVariable(name);
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new NotValidException(name + ": '" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String actor(DelegateTask task) {
        return TaskActor.of(task, "staff");
    }
}
