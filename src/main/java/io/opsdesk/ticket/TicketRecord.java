package io.opsdesk.ticket;

import java.time.LocalDate;

import org.springframework.stereotype.Service;

import io.opsdesk.engine.EngineTime;

/**
 * The ticket's own state as the support-ticket process moves it: each change is a named step that updates
 * the row and writes its timeline entry, so the status rules and their wording live here and nowhere else.
 */
@Service
public class TicketRecord {

    /** The actor of what OpsDesk itself records. */
    public static final String OPSDESK = "OpsDesk";

    private final TicketRepository tickets;
    private final TicketChanges changes;
    private final TimelineRepository timeline;

    TicketRecord(TicketRepository tickets, TicketChanges changes, TimelineRepository timeline) {
        this.tickets = tickets;
        this.changes = changes;
        this.timeline = timeline;
    }

    /** The ticket moves to {@code status}; a customer sees the change. Entering the status it has does nothing. */
    public void enter(String key, TicketStatus status) {
        if (status.isFinal() || status == TicketStatus.AWAITING_ACCEPTANCE) {
            throw new IllegalArgumentException(status + " is reached by delivered() or closed(), not entered");
        }
        if (get(key).status() != status) {
            changes.status(key, status);
            timeline.add(key, OPSDESK, "STATUS", "Status: " + status, Visibility.PUBLIC);
        }
    }

    /** The priority the decision table gave (on receipt, after triage). */
    public void prioritised(String key, String priority) {
        changes.priority(key, priority);
        timeline.add(key, OPSDESK, "PRIORITY", "Priority " + priority, Visibility.PUBLIC);
    }

    public void triaged(String key, Triage triage, String actor) {
        changes.triaged(key, triage, EngineTime.now());
        timeline.add(key, actor, "TRIAGE", "Triage (" + triage.route() + "): " + triage.analysis(), Visibility.INTERNAL);
    }

    public void resolvedInSupport(String key, String resolution, String actor) {
        changes.resolution(key, resolution);
        timeline.add(key, actor, "RESOLVED", "Resolved by support: " + resolution, Visibility.INTERNAL);
    }

    /** A problem the ticket is linked to was fixed: its fix is what the customer is told in the delivery mail. */
    public void resolvedByProblem(String key, String problemKey, String fix) {
        changes.resolution(key, fix);
        timeline.add(key, OPSDESK, "RESOLVED", "Resolved with problem " + problemKey + ": " + fix, Visibility.INTERNAL);
    }

    public void developerAssigned(String key, String developer, LocalDate agreedDelivery, String actor) {
        changes.agreedDeliveryDate(key, agreedDelivery);
        timeline.add(key, actor, "ASSIGNED", "Assigned to developer " + developer + ", delivery agreed for " + agreedDelivery,
                Visibility.INTERNAL);
    }

    public void implemented(String key, String notes, String actor) {
        timeline.add(key, actor, "IMPLEMENTED", "Implemented: " + notes, Visibility.INTERNAL);
    }

    /** Verification passed: {@code resolution} is what the customer is told in the delivery mail. */
    public void verified(String key, String resolution, boolean withRelease, String findings, String actor) {
        changes.resolution(key, resolution);
        timeline.add(key, actor, "VERIFIED", "Verification passed" + (withRelease ? ", ships with a release" : "")
                + (findings == null ? "" : ": " + findings), Visibility.INTERNAL);
    }

    /** Verification failed: counted, and back to development with the findings. Returns the count. */
    public int verificationFailed(String key, String findings) {
        int count = changes.failedVerification(key);
        timeline.add(key, OPSDESK, "VERIFICATION_FAILED",
                "Verification failed (" + count + "), back to development: " + findings, Visibility.INTERNAL);
        return count;
    }

    /** A supervisor changed the priority while handling an SLA breach. */
    public void reprioritised(String key, String priority) {
        changes.priority(key, priority);
    }

    /** A supervisor handled an SLA breach: {@code what} they did, and their comment. */
    public void escalationHandled(String key, String what, String comment, String actor) {
        timeline.add(key, actor, "ESCALATION_HANDLED", "Escalation " + what + ": " + comment, Visibility.INTERNAL);
    }

    /** The group whose task the ticket waits for, and who took it. */
    public void ownedBy(String key, String group, String assignee) {
        changes.owner(key, group, assignee);
    }

    public void assigned(String key, String assignee) {
        changes.assignee(key, assignee);
    }

    /** The customer has the fix: the resolution is delivered and acceptance is awaited. */
    public void delivered(String key) {
        changes.delivered(key, EngineTime.now());
        timeline.add(key, OPSDESK, "STATUS", "Status: " + TicketStatus.AWAITING_ACCEPTANCE, Visibility.PUBLIC);
    }

    /** The ticket ends, for one of the {@link Closure} reasons. */
    public void closed(String key, Closure closure) {
        TicketStatus status = closure == Closure.DECLINED ? TicketStatus.DECLINED : TicketStatus.CLOSED;
        changes.closed(key, status, EngineTime.now());
        timeline.add(key, OPSDESK, "STATUS", "Status: " + status + ". " + closure.message(), Visibility.PUBLIC);
    }

    public Ticket get(String key) {
        return tickets.findByKey(key).orElseThrow(() -> new TicketNotFoundException(key));
    }

    /** Why a ticket ends. */
    public enum Closure {
        ACCEPTED("Closed: accepted by the customer"),
        ACCEPTANCE_WINDOW_PASSED("Closed: the acceptance window passed without an answer"),
        ABANDONED("Closed: no reply from the customer in time"),
        DECLINED("Declined");

        private final String message;

        Closure(String message) {
            this.message = message;
        }

        String message() {
            return message;
        }
    }
}
