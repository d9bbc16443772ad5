package io.opsdesk.ticket.process;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.engine.ProcessValues;
import io.opsdesk.ticket.TicketRecord;
import io.opsdesk.ticket.TicketRecord.Closure;
import io.opsdesk.ticket.TicketStatus;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.Visibility;
import io.opsdesk.ticket.process.SupportTicketProcess.Beans;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/**
 * The execution listeners that keep the ticket's status and timeline in step with the process: one named bean
 * per status or ending, so the BPMN says {@code ${statusInAnalysis}} rather than passing a status as text.
 */
@Configuration(proxyBeanMethods = false)
class StatusListeners {

    private static final String P1 = "P1";

    @Bean @ProcessBean(Beans.STATUS_IN_ANALYSIS)
    ExecutionListener statusInAnalysis(TicketRecord record) {
        return execution -> record.enter(execution.getProcessBusinessKey(), TicketStatus.IN_ANALYSIS);
    }

    @Bean @ProcessBean(Beans.STATUS_WAITING_FOR_CUSTOMER)
    ExecutionListener statusWaitingForCustomer(TicketRecord record) {
        return execution -> record.enter(execution.getProcessBusinessKey(), TicketStatus.WAITING_FOR_CUSTOMER);
    }

    @Bean @ProcessBean(Beans.STATUS_IN_PROGRESS)
    ExecutionListener statusInProgress(TicketRecord record) {
        return execution -> record.enter(execution.getProcessBusinessKey(), TicketStatus.IN_PROGRESS);
    }

    @Bean @ProcessBean(Beans.STATUS_IN_DEVELOPMENT)
    ExecutionListener statusInDevelopment(TicketRecord record) {
        return execution -> record.enter(execution.getProcessBusinessKey(), TicketStatus.IN_DEVELOPMENT);
    }

    @Bean @ProcessBean(Beans.STATUS_IN_TESTING)
    ExecutionListener statusInTesting(TicketRecord record) {
        return execution -> record.enter(execution.getProcessBusinessKey(), TicketStatus.IN_TESTING);
    }

    /** The priority the decision table just gave; a ticket that becomes P1 is announced in support's chat. */
    @Bean @ProcessBean(Beans.RECORD_PRIORITY)
    ExecutionListener recordPriority(TicketRecord record, TicketChat chat) {
        return execution -> {
            String key = execution.getProcessBusinessKey();
            String before = record.get(key).priority();
            String priority = ProcessValues.of(execution).string(Variables.PRIORITY);
            record.prioritised(key, priority);
            if (P1.equals(priority) && !P1.equals(before)) {
                chat.becameP1(record.get(key), before, execution.getProcessInstanceId());
            }
        };
    }

    /** The verified fix waits for a release (release-delivery.bpmn correlates ReleaseDeployed). */
    @Bean @ProcessBean(Beans.AWAIT_RELEASE)
    ExecutionListener awaitRelease(Tickets tickets) {
        return execution -> tickets.note(execution.getProcessBusinessKey(), TicketRecord.OPSDESK, "RELEASE",
                "The fix passed our tests; it goes live with the next release in a maintenance window", Visibility.PUBLIC);
    }

    @Bean @ProcessBean(Beans.DELIVERED)
    ExecutionListener ticketDelivered(TicketRecord record) {
        return execution -> record.delivered(execution.getProcessBusinessKey());
    }

    /** Accepted by the customer, or the acceptance window passed without an answer. */
    @Bean @ProcessBean(Beans.CLOSED)
    ExecutionListener ticketClosed(TicketRecord record) {
        return execution -> record.closed(execution.getProcessBusinessKey(),
                ProcessValues.of(execution).flag(Variables.ACCEPTED, "whether the customer accepted")
                        ? Closure.ACCEPTED : Closure.ACCEPTANCE_WINDOW_PASSED);
    }

    @Bean @ProcessBean(Beans.ABANDONED)
    ExecutionListener ticketAbandoned(TicketRecord record) {
        return execution -> record.closed(execution.getProcessBusinessKey(), Closure.ABANDONED);
    }

    @Bean @ProcessBean(Beans.DECLINED)
    ExecutionListener ticketDeclined(TicketRecord record) {
        return execution -> record.closed(execution.getProcessBusinessKey(), Closure.DECLINED);
    }
}
