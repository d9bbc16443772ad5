package io.opsdesk.ticket.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.engine.ProcessValues;
import io.opsdesk.sla.SlaClocks;
import io.opsdesk.sla.SlaPolicy;
import io.opsdesk.sla.SlaTargets;
import io.opsdesk.ticket.TicketSla;
import io.opsdesk.ticket.process.SupportTicketProcess.Beans;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/** Both clocks start when the ticket is received, with the targets of its initial priority and customer tier. */
@ProcessBean(Beans.START_SLA_CLOCKS)
class StartSlaClocksDelegate implements JavaDelegate {

    private final TicketSla sla;
    private final SlaPolicy policy;
    private final SlaClocks clocks;

    StartSlaClocksDelegate(TicketSla sla, SlaPolicy policy, SlaClocks clocks) {
        this.sla = sla;
        this.policy = policy;
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        String priority = ProcessValues.of(execution).string(Variables.PRIORITY);
        SlaTargets targets = policy.targets(priority, sla.customerTier(key));
        Instant received = sla.state(key).createdAt();
        sla.started(key, priority, targets, clocks.add(targets.calendar(), received, targets.firstResponse()),
                clocks.add(targets.calendar(), received, targets.resolution()));
    }
}
