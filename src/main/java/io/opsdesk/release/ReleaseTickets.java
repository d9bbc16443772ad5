package io.opsdesk.release;

import io.opsdesk.engine.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.opsdesk.ticket.TicketRepository;
import io.opsdesk.ticket.Visibility;

/** The support-ticket side of releases: {@code ${releaseTickets.awaiting(execution)}} on {@code ReceiveTask_AwaitRelease}. */
@ProcessBean("releaseTickets")
public class ReleaseTickets {

    private final TicketRepository tickets;

    ReleaseTickets(TicketRepository tickets) {
        this.tickets = tickets;
    }

    public void awaiting(DelegateExecution execution) {
        tickets.addTimeline(execution.getProcessBusinessKey(), ReleaseService.ACTOR, "RELEASE",
                "The fix passed our tests; it goes live with the next release in a maintenance window", Visibility.PUBLIC);
    }
}
