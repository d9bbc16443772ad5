package io.opsdesk.release;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import io.opsdesk.engine.EngineTime;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.Visibility;
import io.opsdesk.ticket.process.SupportTicketProcess;

/**
 * A live release lets each of its tickets move on to delivery: {@code ReleaseDeployed} is correlated with the
 * ticket's process, which mails the customer. A ticket that no longer waits for a release (closed meanwhile) is
 * noted on the release, not failed.
 */
@Service
class TicketDelivery {

    private final ReleaseService releases;
    private final ReleaseRepository repository;
    private final Tickets tickets;
    private final RuntimeService runtime;

    TicketDelivery(ReleaseService releases, ReleaseRepository repository, Tickets tickets, RuntimeService runtime) {
        this.releases = releases;
        this.repository = repository;
        this.tickets = tickets;
        this.runtime = runtime;
    }

    void deliver(long id, String ticketKey) {
        Release release = releases.find(id).orElseThrow();
        boolean waits = runtime.createProcessInstanceQuery().processDefinitionKey(SupportTicketProcess.KEY)
                .processInstanceBusinessKey(ticketKey).activityIdIn(SupportTicketProcess.Elements.AWAIT_RELEASE).count() > 0;
        if (!waits) {
            String note = "not delivered by this release: the ticket no longer waited for a release";
            repository.ticketDelivered(id, ticketKey, EngineTime.now(), note);
            tickets.note(ticketKey, ReleaseService.ACTOR, "RELEASE", "Release " + release.version() + " is live, but the ticket "
                    + "no longer waited for it", Visibility.INTERNAL);
            return;
        }
        tickets.note(ticketKey, ReleaseService.ACTOR, "RELEASE", "Release " + release.version() + " is live in production",
                Visibility.PUBLIC);
        runtime.createMessageCorrelation(SupportTicketProcess.Messages.RELEASE_DEPLOYED)
                .processInstanceBusinessKey(ticketKey)
                .setVariable(SupportTicketProcess.Variables.RELEASE_VERSION, release.version())
                .setVariable(SupportTicketProcess.Variables.RELEASE_KEY, release.key())
                .correlateWithResult();
        repository.ticketDelivered(id, ticketKey, EngineTime.now(), null);
    }
}
