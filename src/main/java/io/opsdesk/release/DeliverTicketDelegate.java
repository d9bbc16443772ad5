package io.opsdesk.release;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.release.ReleaseDeliveryProcess.Beans;
import io.opsdesk.release.ReleaseDeliveryProcess.Variables;

/**
 * {@code ServiceTask_DeliverTickets}, once per included ticket, each its own job: the ticket's process moves on to
 * delivery, and its customer gets the delivery mail from there.
 */
@ProcessBean(Beans.DELIVER_TICKET)
class DeliverTicketDelegate implements JavaDelegate {

    private final TicketDelivery delivery;

    DeliverTicketDelegate(TicketDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliver(Variables.releaseId(execution), Variables.ticketKey(execution));
    }
}
