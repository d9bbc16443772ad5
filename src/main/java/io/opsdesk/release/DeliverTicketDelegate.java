package io.opsdesk.release;

import io.opsdesk.engine.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.release.ReleaseDeliveryProcess.Variables;

/**
 * {@code ServiceTask_DeliverTickets}, once per included ticket, each its own job: the ticket's process moves on to
 * delivery, and its customer gets the delivery mail from there.
 */
@ProcessBean("releaseDeliverTicket")
class DeliverTicketDelegate implements JavaDelegate {

    private final ReleaseService releases;

    DeliverTicketDelegate(ReleaseService releases) {
        this.releases = releases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        releases.deliver(ReleaseTaskListeners.releaseId(execution), (String) execution.getVariable(Variables.TICKET_KEY));
    }
}
