package io.opsdesk.ticket;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * What other features may read and add about a ticket: the ticket itself, its timeline, and notes on it.
 * The ticket's own state (status, triage, delivery, SLA columns) changes only through {@link TicketRecord},
 * the support-ticket process's side of this package.
 */
@Service
public class Tickets {

    private final TicketRepository repository;
    private final TimelineRepository timeline;
    private final TicketChanges changes;

    Tickets(TicketRepository repository, TimelineRepository timeline, TicketChanges changes) {
        this.repository = repository;
        this.timeline = timeline;
        this.changes = changes;
    }

    public Optional<Ticket> find(String key) {
        return repository.findByKey(key);
    }

    /** The ticket; {@link TicketNotFoundException} if there is none with this key. */
    public Ticket get(String key) {
        return repository.findByKey(key).orElseThrow(() -> new TicketNotFoundException(key));
    }

    public List<TimelineEntry> timeline(String key, boolean includeInternal) {
        return timeline.list(key, includeInternal);
    }

    /** A timeline entry by {@code actor} of type {@code entryType} (e.g. {@code RELEASE}, {@code MAIL}). */
    public void note(String key, String actor, String entryType, String message, Visibility visibility) {
        timeline.add(key, actor, entryType, message, visibility);
    }

    /** The newest ticket opened for an inspection finding that is not CLOSED or DECLINED, if any. */
    public Optional<Ticket> findOpenForFinding(String fingerprint) {
        return repository.findOpenByFindingFingerprint(fingerprint);
    }

    /** Links a ticket to the inspection finding it was opened for, so a recurrence finds it. */
    public void linkFinding(String key, String fingerprint) {
        changes.linkFinding(key, fingerprint);
    }
}
