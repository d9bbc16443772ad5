package io.opsdesk.problem;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.opsdesk.domain.DomainException;
import io.opsdesk.engine.EngineTime;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.Visibility;

/**
 * Problem records: register one, describe its root cause and workaround, link tickets to it, and move it through
 * its states (the process's task listeners call {@link #knownError} and {@link #fixed}). Refuses with a
 * {@link DomainException} naming the field; a linked ticket gets a note on its timeline.
 */
@Service
public class ProblemService {

    static final int TITLE_LIMIT = 200;
    static final int SYSTEM_LIMIT = 100;
    static final int TEXT_LIMIT = 4000;

    private final ProblemRepository repository;
    private final Tickets tickets;

    ProblemService(ProblemRepository repository, Tickets tickets) {
        this.repository = repository;
        this.tickets = tickets;
    }

    /** Checks a new problem's title and system; returns them stripped. */
    static List<String> check(String title, String system) {
        return List.of(required("title", title, TITLE_LIMIT), required("system", system, SYSTEM_LIMIT));
    }

    /** Stores a new problem under investigation (the process's record step); returns it. */
    @Transactional
    public Problem register(String title, String system, String actor, String processInstanceId) {
        List<String> checked = check(title, system);
        String key = repository.insert(checked.get(0), checked.get(1), actor, EngineTime.now());
        repository.startedBy(key, processInstanceId);
        return get(key);
    }

    public Problem get(String key) {
        return repository.find(Problem.idOf(key).map(Problem::key).orElse(key == null ? "" : key.strip()))
                .orElseThrow(() -> DomainException.notFound("there is no problem '" + key + "'; problem keys look like PRB-000001"));
    }

    public List<Problem> list(ProblemState state, String system, int limit) {
        return repository.list(state, system == null || system.isBlank() ? null : system.strip(), limit);
    }

    /** The problems a ticket is linked to, the newest first. */
    public List<Problem> ofTicket(String ticketKey) {
        return repository.ofTicket(ticketKey);
    }

    /** Sets the root cause and/or the workaround (null leaves one as it is); a fixed problem is closed for edits. */
    @Transactional
    public Problem describe(String key, String rootCause, String workaround) {
        Problem problem = open(key, "rootCause");
        repository.described(problem.key(), optional("rootCause", rootCause), optional("workaround", workaround), EngineTime.now());
        return get(problem.key());
    }

    /** Investigated: the root cause and the workaround are known, the problem is a known error. */
    @Transactional
    public void knownError(String key, String rootCause, String workaround) {
        Problem problem = open(key, "rootCause");
        repository.described(problem.key(), required("rootCause", rootCause, TEXT_LIMIT),
                required("workaround", workaround, TEXT_LIMIT), EngineTime.now());
        repository.knownError(problem.key(), EngineTime.now());
    }

    /** Fixed: {@code fix} is what the customers of the linked tickets are told. */
    @Transactional
    public void fixed(String key, String fix) {
        Problem problem = open(key, "problemFix");
        repository.fixed(problem.key(), required("problemFix", fix, TEXT_LIMIT), EngineTime.now());
    }

    /** Links a ticket to an open problem (again: nothing changes) and notes it on the ticket's timeline. */
    @Transactional
    public Problem link(String key, String ticketKey, String actor) {
        Problem problem = open(key, "problem");
        String given = required("ticket", ticketKey, 20);
        Ticket ticket = tickets.find(given).orElseThrow(() -> DomainException.invalid("ticket", "there is no ticket '" + given + "'"));
        if (repository.link(problem.key(), ticket.key(), actor, EngineTime.now())) {
            tickets.note(ticket.key(), actor, "PROBLEM", "Linked to problem " + problem.key() + ": " + problem.title(),
                    Visibility.INTERNAL);
        }
        return get(problem.key());
    }

    private Problem open(String key, String field) {
        Problem problem = get(key);
        if (!problem.state().isOpen()) {
            throw DomainException.conflict(field, "problem " + problem.key() + " is already fixed");
        }
        return problem;
    }

    private static String required(String field, String value, int limit) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        return limited(field, value.strip(), limit);
    }

    private static String optional(String field, String value) {
        return value == null ? null : value.isBlank() ? "" : limited(field, value.strip(), TEXT_LIMIT);
    }

    private static String limited(String field, String value, int limit) {
        if (value.length() > limit) {
            throw DomainException.invalid(field, "is longer than " + limit + " characters");
        }
        return value;
    }
}
