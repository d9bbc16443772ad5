package io.opsdesk.ticket.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsdesk.engine.EngineTime;
import io.opsdesk.monitoring.OpsDeskMetrics;
import io.opsdesk.notification.StaffNotifier;
import io.opsdesk.sla.SlaClock;
import io.opsdesk.sla.SlaClocks;
import io.opsdesk.sla.SlaState;
import io.opsdesk.sla.SlaStep;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.TicketRecord;
import io.opsdesk.ticket.TicketSla;

/**
 * One step of the escalation ladder, after its timer: happens only while the clock runs and only once per
 * ticket, clock and step, on any node; then the right staff group is mailed. A breach step tells the process
 * in {@code breachVariable} whether it was new, so a supervisor gets a task for it. The group's chat hears of it too. Beans: {@link SlaStepBeans}.
 */
class SlaStepDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(SlaStepDelegate.class);

    private final SlaClock clock;
    private final SlaStep step;
    private final String breachVariable;
    private final SlaStepDelegate.Parts parts;

    SlaStepDelegate(SlaClock clock, SlaStep step, String breachVariable, SlaStepDelegate.Parts parts) {
        this.clock = clock;
        this.step = step;
        this.breachVariable = breachVariable;
        this.parts = parts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean happened = happen(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
        if (breachVariable != null) {
            execution.setVariable(breachVariable, happened);
        }
    }

    private boolean happen(String key, String processInstanceId) {
        TicketSla sla = parts.sla();
        SlaClocks clocks = parts.clocks();
        SlaState state = sla.state(key);
        Instant due = clocks.dueAt(state, clock, 100);
        if (!clocks.stepDue(state, clock, step, EngineTime.now()) || !sla.stepReached(key, clock, step, due)) {
            LOG.info("SLA {} {} of {} skipped: clock stopped or paused, not yet due, or already done", clock, step, key);
            return false;
        }
        Ticket ticket = parts.record().get(key);
        parts.staff().slaStep(MailTickets.of(ticket), clock.name(), step.name(), due);
        parts.chat().slaStep(ticket, clock, step, due, processInstanceId);
        parts.metrics().slaStep(clock.name(), step.name());
        return true;
    }

    /** What every step needs. */
    record Parts(TicketSla sla, SlaClocks clocks, TicketRecord record, StaffNotifier staff, TicketChat chat,
                 OpsDeskMetrics metrics) {
    }
}
