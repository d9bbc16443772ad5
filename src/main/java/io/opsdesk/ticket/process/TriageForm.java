package io.opsdesk.ticket.process;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import io.opsdesk.engine.ProcessValues;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.TicketType;
import io.opsdesk.ticket.Triage;
import io.opsdesk.ticket.process.SupportTicketProcess.TriageOutcome;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/**
 * What the triage form must deliver for the route it chose: an information request, a reason to decline or a
 * handling plan; for requests that need it, feasibility, effort and a proposed delivery date; an agreed date
 * when development takes it. A model or form edited in the Modeler that forgets one fails loudly in Tasklist.
 */
@Component
class TriageForm {

    private final AgreedDelivery agreedDelivery;

    TriageForm(AgreedDelivery agreedDelivery) {
        this.agreedDelivery = agreedDelivery;
    }

    Triage read(DelegateTask task) {
        ProcessValues form = ProcessValues.of(task);
        TriageOutcome outcome = form.oneOf(Variables.TRIAGE_OUTCOME, TriageOutcome.class);
        TicketType type = form.oneOf(Variables.TICKET_TYPE, TicketType.class);
        Level impact = form.oneOf(Variables.IMPACT, Level.class);
        Level urgency = form.oneOf(Variables.URGENCY, Level.class);
        String analysis = form.requiredText(Variables.ANALYSIS);
        String plan = null;
        String declineReason = null;
        switch (outcome) {
            case NEED_INFORMATION -> form.requiredText(Variables.INFORMATION_REQUEST);
            case DECLINE -> declineReason = form.requiredText(Variables.DECLINE_REASON);
            default -> plan = form.requiredText(Variables.HANDLING_PLAN);
        }
        Boolean feasible = null;
        Integer effort = null;
        LocalDate agreed = null;
        if (type.needsFeasibility() && outcome != TriageOutcome.NEED_INFORMATION) {
            feasible = form.requiredFlag(Variables.FEASIBLE, "say whether this " + type + " is feasible");
            Triage.requireDeclinedIfInfeasible(feasible, outcome == TriageOutcome.DECLINE);
            // a declined request gets no effort estimate nor delivery date, feasible or not
            if (feasible && outcome != TriageOutcome.DECLINE) {
                effort = form.positiveNumber(Variables.EFFORT_DAYS, 10_000, "the effort as a number of days");
                agreed = agreedDelivery.read(task, true);
            }
        }
        if (outcome == TriageOutcome.HAND_TO_DEVELOPMENT || outcome == TriageOutcome.SUPERVISOR_ASSIGNS) {
            LocalDate date = agreedDelivery.read(task, outcome == TriageOutcome.HAND_TO_DEVELOPMENT);
            agreed = date != null ? date : agreed;
        }
        return new Triage(type, impact, urgency, outcome.name(), analysis, plan, declineReason, feasible, effort, agreed,
                outcome == TriageOutcome.DECLINE);
    }
}
