package io.opsdesk.release;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.engine.EngineTime;
import io.opsdesk.engine.ProcessBean;
import io.opsdesk.release.ReleaseDeliveryProcess.Beans;
import io.opsdesk.release.ReleaseDeliveryProcess.Variables;

/**
 * {@code ServiceTask_PlanMaintenanceWindow}: picks the maintenance window that is open now or opens next; the timer
 * after it waits for {@code windowStart} (move it in Cockpit to deploy at another time).
 */
@ProcessBean(Beans.PLAN_WINDOW)
class PlanWindowDelegate implements JavaDelegate {

    private final MaintenanceWindow window;
    private final ReleaseSteps steps;

    PlanWindowDelegate(MaintenanceWindow window, ReleaseSteps steps) {
        this.window = window;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MaintenanceWindow.Opening opening = window.next(EngineTime.now());
        steps.planned(Variables.releaseId(execution), opening);
        execution.setVariable(Variables.WINDOW_START, Date.from(opening.start()));
        execution.setVariable(Variables.WINDOW_END, Date.from(opening.end()));
    }
}
