package io.opsdesk.release;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import io.opsdesk.release.ReleaseDeliveryProcess.Variables;

/**
 * Sets the release's status from an execution listener: an open status ({@code DEPLOYING}, {@code VERIFYING},
 * {@code ROLLING_BACK}) on {@code start} of a user task, a final one ({@code DELIVERED}, {@code ROLLED_BACK}) on
 * {@code end} of an end event, which also finishes the release. Each status is its own bean
 * ({@link ReleaseStatusListeners}), so the model names a bean and passes no status as text.
 */
abstract class ReleaseStatusListener implements ExecutionListener {

    private final ReleaseSteps steps;
    private final ReleaseStatus status;

    ReleaseStatusListener(ReleaseSteps steps, ReleaseStatus status) {
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
}
