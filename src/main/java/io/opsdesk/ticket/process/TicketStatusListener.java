package io.opsdesk.ticket.process;

import io.opsdesk.engine.ProcessBean;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.opsdesk.ticket.process.SupportTicketProcess.Variables;
import io.opsdesk.engine.EngineTime;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.TicketRepository;
import io.opsdesk.ticket.TicketStatus;
import io.opsdesk.ticket.Visibility;

/**
 * Keeps the ticket's status and timeline in step with the process: execution listeners in the BPMN
 * call it as {@code ${ticketStatus.enter(execution, 'IN_ANALYSIS')}}.
 */
@ProcessBean("ticketStatus")
public class TicketStatusListener {

    static final String ACTOR = "OpsDesk";

    private final TicketRepository tickets;

    TicketStatusListener(TicketRepository tickets) {
        this.tickets = tickets;
    }

    public void enter(DelegateExecution execution, String status) {
        String key = ticketKey(execution);
        TicketStatus next = TicketStatus.valueOf(status);
        Ticket ticket = tickets.findByKey(key).orElseThrow();
        if (ticket.status() != next) {
            tickets.update(key, Map.of("status", next));
            tickets.addTimeline(key, ACTOR, "STATUS", "Status: " + next, Visibility.PUBLIC);
        }
    }

    /** The customer has the fix: the resolution is delivered and acceptance is awaited. */
    public void delivered(DelegateExecution execution) {
        String key = ticketKey(execution);
        tickets.update(key, Map.of("status", TicketStatus.AWAITING_ACCEPTANCE, "resolved_at", EngineTime.now()));
        tickets.addTimeline(key, ACTOR, "STATUS", "Status: " + TicketStatus.AWAITING_ACCEPTANCE, Visibility.PUBLIC);
    }

    public void recordPriority(DelegateExecution execution) {
        String key = ticketKey(execution);
        String priority = (String) execution.getVariable(Variables.PRIORITY);
        tickets.update(key, Map.of("priority", priority));
        tickets.addTimeline(key, ACTOR, "PRIORITY", "Priority " + priority, Visibility.PUBLIC);
    }

    /** Ends the ticket: {@code CLOSED} (accepted or acceptance window over), {@code ABANDONED} or {@code DECLINED}. */
    public void close(DelegateExecution execution, String reason) {
        String key = ticketKey(execution);
        TicketStatus status = "DECLINED".equals(reason) ? TicketStatus.DECLINED : TicketStatus.CLOSED;
        Map<String, Object> columns = new HashMap<>();
        columns.put("status", status);
        columns.put("closed_at", EngineTime.now());
        tickets.update(key, columns);
        String message = switch (reason) {
            case "ABANDONED" -> "Closed: no reply from the customer in time";
            case "DECLINED" -> "Declined";
            default -> Boolean.TRUE.equals(execution.getVariable(Variables.ACCEPTED))
                    ? "Closed: accepted by the customer"
                    : "Closed: the acceptance window passed without an answer";
        };
        tickets.addTimeline(key, ACTOR, "STATUS", "Status: " + status + ". " + message, Visibility.PUBLIC);
    }

    static String ticketKey(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }
}
