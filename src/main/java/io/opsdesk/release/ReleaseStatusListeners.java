package io.opsdesk.release;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.release.ReleaseDeliveryProcess.Beans;
import io.opsdesk.release.ReleaseDeliveryProcess.Variables;

/**
 * The release's status, one execution-listener bean per status so that the model names a bean and nothing else:
 * on {@code start} of the deploy, verify and roll-back tasks the release enters that status; on {@code end} of the
 * delivered and rolled-back end events it is finished with it.
 */
abstract class ReleaseStatusListeners implements ExecutionListener {

    private final ReleaseSteps steps;
    private final ReleaseStatus status;

    ReleaseStatusListeners(ReleaseSteps steps, ReleaseStatus status) {
        this.steps = steps;
        this.status = status;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (status.isOpen()) {
            steps.enter(Variables.releaseId(execution), status);
        } else {
            steps.finish(Variables.releaseId(execution), status);
        }
    }

    @ProcessBean(Beans.DEPLOYING)
    static class Deploying extends ReleaseStatusListeners {
        Deploying(ReleaseSteps steps) {
            super(steps, ReleaseStatus.DEPLOYING);
        }
    }

    @ProcessBean(Beans.VERIFYING)
    static class Verifying extends ReleaseStatusListeners {
        Verifying(ReleaseSteps steps) {
            super(steps, ReleaseStatus.VERIFYING);
        }
    }

    @ProcessBean(Beans.ROLLING_BACK)
    static class RollingBack extends ReleaseStatusListeners {
        RollingBack(ReleaseSteps steps) {
            super(steps, ReleaseStatus.ROLLING_BACK);
        }
    }

    @ProcessBean(Beans.DELIVERED)
    static class Delivered extends ReleaseStatusListeners {
        Delivered(ReleaseSteps steps) {
            super(steps, ReleaseStatus.DELIVERED);
        }
    }

    @ProcessBean(Beans.ROLLED_BACK)
    static class RolledBack extends ReleaseStatusListeners {
        RolledBack(ReleaseSteps steps) {
            super(steps, ReleaseStatus.ROLLED_BACK);
        }
    }
}
