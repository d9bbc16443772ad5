package io.opsdesk.ticket.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.engine.ProcessValues;
import io.opsdesk.ticket.TicketRecord;
import io.opsdesk.ticket.process.SupportTicketProcess.Beans;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/** A failed verification goes back to development with its findings, and is counted on the ticket. */
@ProcessBean(Beans.RECORD_FAILED_VERIFICATION)
class RecordFailedVerificationDelegate implements JavaDelegate {

    private final TicketRecord record;

    RecordFailedVerificationDelegate(TicketRecord record) {
        this.record = record;
    }

    @Override
    public void execute(DelegateExecution execution) {
        record.verificationFailed(execution.getProcessBusinessKey(),
                ProcessValues.of(execution).string(Variables.VERIFICATION_FINDINGS));
    }
}
