package io.opsdesk.ticket;

import java.time.LocalDate;

import io.opsdesk.domain.DomainException;

/**
 * What triage decided about a ticket: its confirmed type, impact and urgency, the route ({@code route} names
 * it for the timeline), the handling plan or the reason to decline, and for requests that need it the
 * feasibility, effort and proposed delivery date. Null fields are left as they were.
 */
public record Triage(TicketType type, Level impact, Level urgency, String route, String analysis,
                     String handlingPlan, String declineReason, Boolean feasible, Integer effortDays,
                     LocalDate agreedDeliveryDate, boolean declined) {

    public Triage {
        requireDeclinedIfInfeasible(feasible, declined);
    }

    /** An infeasible request cannot be handled: it must be declined, with a reason. */
    public static void requireDeclinedIfInfeasible(Boolean feasible, boolean declined) {
        if (Boolean.FALSE.equals(feasible) && !declined) {
            throw DomainException.invalid("triageOutcome", "an infeasible request must be declined with a reason");
        }
    }
}
