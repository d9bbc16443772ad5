package io.opsdesk.release;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.release.ReleaseDeliveryProcess.Beans;
import io.opsdesk.release.ReleaseDeliveryProcess.Variables;

/** {@code complete} of {@code UserTask_VerifyRelease}: passed or not, with what failed when it did not. */
@ProcessBean(Beans.VERIFICATION_RECORD)
class VerificationRecordListener implements TaskListener {

    private final ReleaseSteps steps;

    VerificationRecordListener(ReleaseSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean passed = ReleaseForm.flag(task, Variables.VERIFIED, "请说明发布是否通过生产环境验证 / say whether the release passed verification in production");
        String notes = ReleaseForm.text(task, Variables.VERIFICATION_NOTES, !passed, "请说明哪里未通过，回滚据此进行 / say what failed; the rollback starts from it");
        steps.verified(Variables.releaseId(task), ReleaseForm.actor(task), passed, notes);
    }
}
