package io.opsdesk.ticket.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.engine.ProcessValues;
import io.opsdesk.identity.TaskActor;
import io.opsdesk.ticket.TicketRecord;
import io.opsdesk.ticket.process.SupportTicketProcess.Beans;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/**
 * Verification done: a failure needs findings (they go back to development); a pass needs the resolution the
 * customer is told, and says whether the fix ships with a release ({@code Gateway_NeedsRelease}).
 */
@ProcessBean(Beans.FIX_VERIFIED)
class FixVerifiedListener implements TaskListener {

    private final TicketRecord record;

    FixVerifiedListener(TicketRecord record) {
        this.record = record;
    }

    @Override
    public void notify(DelegateTask task) {
        ProcessValues form = ProcessValues.of(task);
        boolean passed = form.requiredFlag(Variables.VERIFICATION_PASSED, "say whether the fix passed verification");
        String findings = passed ? form.text(Variables.VERIFICATION_FINDINGS) : form.requiredText(Variables.VERIFICATION_FINDINGS);
        if (passed) {
            String resolution = form.requiredText(Variables.RESOLUTION);
            // an unticked box a form did not submit means no release
            boolean withRelease = form.flag(Variables.NEEDS_RELEASE, "say whether the fix ships with a release");
            task.getExecution().setVariable(Variables.NEEDS_RELEASE, withRelease);
            record.verified(task.getExecution().getProcessBusinessKey(), resolution, withRelease, findings,
                    TaskActor.of(task, "staff"));
        }
    }
}
