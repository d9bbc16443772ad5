package io.opsdesk.ticket.process;

import static io.opsdesk.ticket.process.SupportTicketProcess.Variables.*;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.opsdesk.engine.FormContract;

/** The fields of the support-ticket forms that {@link TicketTaskListeners} read on completion. */
@Component
class SupportTicketForms implements FormContract {

    @Override
    public Map<String, Set<String>> requiredFields() {
        return Map.of(
                "triage-ticket", Set.of(TICKET_TYPE, IMPACT, URGENCY, ANALYSIS, TRIAGE_OUTCOME, HANDLING_PLAN,
                        INFORMATION_REQUEST, DECLINE_REASON, FEASIBLE, EFFORT_DAYS, AGREED_DELIVERY_DATE, PROBLEM_KEY, PROBLEM_TITLE),
                "resolve-in-support", Set.of(RESOLUTION, PROBLEM_KEY, PROBLEM_TITLE),
                "assign-developer", Set.of(DEVELOPER, AGREED_DELIVERY_DATE),
                "implement-fix", Set.of(IMPLEMENTATION_NOTES),
                "verify-fix", Set.of(VERIFICATION_PASSED, VERIFICATION_FINDINGS, RESOLUTION, NEEDS_RELEASE),
                "handle-escalation", Set.of(ESCALATION_ACTION, ESCALATION_COMMENT, REASSIGN_TO, NEW_PRIORITY));
    }
}
