package io.opsdesk.ticket.process;

import io.opsdesk.engine.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.ticket.process.SupportTicketProcess.Variables;
import io.opsdesk.ticket.TicketRepository;
import io.opsdesk.ticket.Visibility;

/** A failed verification goes back to development with its findings, and is counted on the ticket. */
@ProcessBean("recordFailedVerification")
class RecordFailedVerificationDelegate implements JavaDelegate {

    private final TicketRepository tickets;

    RecordFailedVerificationDelegate(TicketRepository tickets) {
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        tickets.incrementTestFailures(key);
        int count = tickets.findByKey(key).orElseThrow().testFailureCount();
        tickets.addTimeline(key, TicketStatusListener.ACTOR, "VERIFICATION_FAILED",
                "Verification failed (" + count + "), back to development: " + execution.getVariable(Variables.VERIFICATION_FINDINGS),
                Visibility.INTERNAL);
    }
}
