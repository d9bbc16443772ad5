package io.opsdesk.release;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.release.ReleaseDeliveryProcess.Beans;
import io.opsdesk.release.ReleaseDeliveryProcess.Variables;

/** {@code complete} of {@code UserTask_RollBackRelease}: the previous version runs again, and how that was checked. */
@ProcessBean(Beans.ROLLBACK_RECORD)
class RollbackRecordListener implements TaskListener {

    private final ReleaseSteps steps;

    RollbackRecordListener(ReleaseSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!Variables.flag(task, Variables.ROLLED_BACK).orElse(false)) {
            throw new NotValidException(Variables.ROLLED_BACK + ": 请确认旧版本已恢复运行 / confirm that the previous version runs again");
        }
        steps.rolledBack(Variables.releaseId(task), ReleaseForm.actor(task), ReleaseForm.text(task, Variables.ROLLBACK_NOTES,
                true, "请说明回滚了什么、如何检查生产环境 / say what was rolled back and how production was checked"));
    }
}
