package io.opsdesk.problem;

import java.util.List;

import org.springframework.stereotype.Component;

import io.opsdesk.domain.DomainException;
import io.opsdesk.ticket.ProblemLinks;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.Tickets;

/** The ticket's side of problem management: links from its forms, and the known errors its tasks show. */
@Component
class TicketProblemLinks implements ProblemLinks {

    private final ProblemService problems;
    private final ProblemStarter starter;
    private final Tickets tickets;

    TicketProblemLinks(ProblemService problems, ProblemStarter starter, Tickets tickets) {
        this.problems = problems;
        this.starter = starter;
        this.tickets = tickets;
    }

    @Override
    public String link(String ticketKey, String reference, String newTitle, String actor) {
        String key;
        if (NEW.equalsIgnoreCase(reference.strip())) {
            Ticket ticket = tickets.get(ticketKey);
            key = starter.start(newTitle == null || newTitle.isBlank() ? ticket.title() : newTitle, ticket.system(), actor);
        } else {
            key = Problem.idOf(reference).map(Problem::key).orElseThrow(() -> DomainException.invalid("problemKey",
                    "name a problem such as PRB-000003, or write '" + NEW + "' for a new one"));
        }
        try {
            return problems.link(key, ticketKey, actor).key();
        } catch (DomainException refused) {
            throw new DomainException(refused.kind() == DomainException.Kind.NOT_FOUND ? DomainException.Kind.INVALID
                    : refused.kind(), "problemKey", refused.getMessage());
        }
    }

    @Override
    public List<KnownError> knownErrors(String ticketKey) {
        return problems.ofTicket(ticketKey).stream()
                .map(p -> new KnownError(p.key(), p.title(), p.state().name(), p.workaround())).toList();
    }
}
