package io.opsdesk.release;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.release.ReleaseDeliveryProcess.Beans;
import io.opsdesk.release.ReleaseDeliveryProcess.Variables;

/** {@code complete} of {@code UserTask_ApproveRelease}: a decision, with a reason when it is no. */
@ProcessBean(Beans.APPROVAL_RECORD)
class ApprovalRecordListener implements TaskListener {

    private final ReleaseSteps steps;

    ApprovalRecordListener(ReleaseSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean approved = ReleaseForm.flag(task, Variables.APPROVED, "请说明是否批准发布 / say whether the release is approved");
        String comment = ReleaseForm.text(task, Variables.APPROVAL_COMMENT, !approved, "请说明不批准的原因 / say why the release is not approved");
        steps.decided(Variables.releaseId(task), ReleaseForm.actor(task), approved, comment);
    }
}
