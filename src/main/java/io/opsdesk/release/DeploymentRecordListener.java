package io.opsdesk.release;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.release.ReleaseDeliveryProcess.Beans;
import io.opsdesk.release.ReleaseDeliveryProcess.DeploymentCheck;
import io.opsdesk.release.ReleaseDeliveryProcess.Variables;

/** {@code complete} of {@code UserTask_DeployRelease}: every item of the checklist ticked, then the notes recorded. */
@ProcessBean(Beans.DEPLOYMENT_RECORD)
class DeploymentRecordListener implements TaskListener {

    private final ReleaseSteps steps;

    DeploymentRecordListener(ReleaseSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        List<DeploymentCheck> unticked = Arrays.stream(DeploymentCheck.values())
                .filter(check -> !Variables.flag(task, check.name()).orElse(false)).toList();
        if (!unticked.isEmpty()) {
            DeploymentCheck first = unticked.get(0);
            throw new NotValidException(first.name() + ": 请确认" + first.zh() + " / confirm that " + first.meaning()
                    + " (unticked: " + String.join(", ", unticked.stream().map(Enum::name).toList()) + "); if the deployment "
                    + "cannot be finished, tick what was done and fail the verification to roll back");
        }
        steps.deployed(Variables.releaseId(task), ReleaseForm.actor(task),
                ReleaseForm.text(task, Variables.DEPLOYMENT_NOTES, false, null));
    }
}
